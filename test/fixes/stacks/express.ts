import type { StackUnderTest } from "../stack";
import { type Form, NEEDS_KEY, nodeCases, nodeStack, npmVersions, PROXY_ONLY } from "./node-common";

/** An Express app as the cors README writes one, in either module system. */
function app(form: Form, before: string, options: string | null): string {
  const imports =
    form === "esm"
      ? ['import express from "express";', ...(options === null ? [] : ['import cors from "cors";'])]
      : [
          'const express = require("express");',
          ...(options === null ? [] : ['const cors = require("cors");']),
        ];
  return `${imports.join("\n")}

const app = express();
${before}
${options === null ? "" : `app.use(cors(${options}));`}
app.get("/api/items", (req, res) => res.json([]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 1 }));
app.put("/api/items/:id", (req, res) => res.json({ id: 1 }));
app.patch("/api/items/:id", (req, res) => res.json({ id: 1 }));
app.delete("/api/items/:id", (req, res) => res.status(204).end());
app.get("/api/me", (req, res) => res.json({ user: "ada" }));
app.get("/api/fail", () => {
  throw new Error("boom");
});
app.get("/api/things", (req, res) => res.json([]));
app.post("/api/things", (req, res) => res.status(201).json({ id: 7 }));
app.get("/api/things/:id", (req, res) => res.json({ id: 7 }));
app.put("/api/things/:id", (req, res) => res.json({ id: 7 }));
app.patch("/api/things/:id", (req, res) => res.json({ id: 7 }));
app.delete("/api/things/:id", (req, res) => res.status(204).end());
app.listen(Number(process.env.PORT), "127.0.0.1");
`;
}

const express = (form: Form): StackUnderTest =>
  nodeStack(
    {
      stack: "express",
      label: "Express + cors",
      version: () => npmVersions("express", "cors"),
      detected: "express",
      install: "npm ci",
      shape: { syntax: "js", call: "cors(", anchor: "const app = express()" },
      cases: (f) =>
        nodeCases(
          {
            app,
            methods: "methods",
            headers: "allowedHeaders",
            auth: `app.use((req, res, next) => (${NEEDS_KEY} ? res.status(401).json({ error: "unauthorized" }) : next()));`,
            redirect: 'app.use("/api/v1", (req, res) => res.redirect(308, "/api" + req.url));',
            badBody: { before: "app.use(express.json());" },
            originList: true,
            stringLists: true,
          },
          f,
        ),
      notApplicable: PROXY_ONLY,
    },
    form,
  );

export const expressStacks = [express("cjs"), express("esm")];
