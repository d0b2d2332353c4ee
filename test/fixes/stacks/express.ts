import { insertAfterLine, removeCalls, removeLines } from "../edit";
import { BAD_BODY, movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { NEEDS_KEY, npmVersion, startNode } from "./node-common";

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

const cases: StackCase[] = [
  {
    name: "wildcard-credentials",
    target: "me",
    config: () => app("", '{ origin: "*", credentials: true }'),
    expect: ["wildcard-origin-with-credentials"],
  },
  {
    name: "header-missing",
    target: "update",
    config: (o) => app("", `{ origin: "${o}", allowedHeaders: ["content-type"] }`),
    expect: ["header-not-allowed"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) => app("", `{ origin: "${o}", methods: ["GET", "POST", "PUT", "PATCH"] }`),
    expect: ["method-not-allowed"],
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      app(
        `app.use((req, res, next) => (${NEEDS_KEY.replace('req.headers["x-api-key"]', 'req.get("x-api-key")')} ? res.status(401).json({ error: "unauthorized" }) : next()));`,
        `{ origin: "${o}" }`,
      ),
    expect: ["preflight-status-not-ok", "missing-allow-origin"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    extra: [movedRequest("/api/v1/items/1")],
    config: (o) =>
      app('app.use("/api/v1", (req, res) => res.redirect(308, "/api" + req.url));', `{ origin: "${o}" }`),
    expect: ["preflight-redirected"],
  },
  {
    name: "error-no-cors",
    target: "bad-body",
    extra: [BAD_BODY],
    config: (o) => app("app.use(express.json());", `{ origin: "${o}" }`),
    expect: ["missing-allow-origin"],
  },
];

export const expressStack: StackUnderTest = {
  stack: "express",
  label: "Express + cors",
  version: () => {
    const e = npmVersion("express");
    const c = npmVersion("cors");
    return e && c ? `express ${e}, cors ${c}` : null;
  },
  install: "npm ci",
  cases,
  notApplicable: { "duplicate-proxy": "a proxy case: see nginx in front of an app" },
  start: startNode,
  apply(config, fix) {
    // "Directly after `const app = express()`, before every other app.use(); replaces any other cors() call."
    let out = removeCalls(config, "app.use(cors(");
    out = removeLines(out, 'require("cors")');
    return insertAfterLine(out, "const app = express()", fix.snippet);
  },
};
