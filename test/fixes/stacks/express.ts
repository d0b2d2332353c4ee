import { insertAfterLine, removeCalls, removeLines } from "../edit";
import type { StackUnderTest } from "../stack";
import { NEEDS_KEY, nodeCases, npmVersions, PROXY_ONLY, startNode } from "./node-common";

function app(before: string, cors: string): string {
  return `const express = require("express");
const cors = require("cors");
const app = express();
${before}
app.use(cors(${cors}));
app.get("/api/items", (req, res) => res.json([]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 1 }));
app.put("/api/items/:id", (req, res) => res.json({ id: 1 }));
app.patch("/api/items/:id", (req, res) => res.json({ id: 1 }));
app.delete("/api/items/:id", (req, res) => res.status(204).end());
app.get("/api/me", (req, res) => res.json({ user: "ada" }));
app.get("/api/fail", () => {
  throw new Error("boom");
});
app.listen(Number(process.env.PORT), "127.0.0.1");
`;
}

export const expressStack: StackUnderTest = {
  stack: "express",
  label: "Express + cors",
  version: () => npmVersions("express", "cors"),
  detected: "express",
  install: "npm ci",
  cases: nodeCases({
    app,
    methods: "methods",
    headers: "allowedHeaders",
    auth: `app.use((req, res, next) => (${NEEDS_KEY} ? res.status(401).json({ error: "unauthorized" }) : next()));`,
    redirect: 'app.use("/api/v1", (req, res) => res.redirect(308, "/api" + req.url));',
    badBody: { before: "app.use(express.json());" },
  }),
  notApplicable: PROXY_ONLY,
  start: startNode,
  apply(config, fix) {
    // "Directly after `const app = express()`, before every other app.use(); replaces any other cors() call."
    let out = removeCalls(config, "app.use(cors(");
    out = removeLines(out, 'require("cors")');
    return insertAfterLine(out, "const app = express()", fix.snippet);
  },
};
