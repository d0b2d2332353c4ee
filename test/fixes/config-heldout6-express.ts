/**
 * Issue #23's sixth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const LISTEN = `app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");\n`;

export const HELD_OUT6_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/56 — cors() given route by route (`app.post('/foo',
    // cors(), …)`): the browser's OPTIONS preflight matches none of those routes, Express answers it
    // itself (200, an Allow header, no CORS). Root: the POST route's line, the first non-simple call.
    name: "heldout6 Express: cors() route by route, the POST and DELETE preflights answered by Express",
    url: "https://github.com/expressjs/cors/issues/56",
    rootText: 'app.post("/api/items", cors(corsOptions), (req, res) => {',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const corsOptions = { origin: "ORIGIN" };

const app = express();
app.use(express.json());

app.get("/api/items", cors(corsOptions), (req, res) => {
  res.json([{ id: 1 }]);
});
app.post("/api/items", cors(corsOptions), (req, res) => {
  res.status(201).json({ id: 2 });
});
app.delete("/api/items/:id", cors(corsOptions), (req, res) => {
  res.status(204).end();
});

${LISTEN}`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://nodewire.net/fix-cors-error-express/ — "allow the exact frontend origin": the allowlist
    // comes from an environment variable split on commas, written with a space after the comma, so
    // the second entry is " http://…" and never equals the page's Origin. Root: the split line.
    name: "heldout6 Express: the allowlist split on ',' keeps a leading space, the page's origin never matches",
    url: "https://nodewire.net/fix-cors-error-express/",
    rootText:
      'const allowlist = (process.env.CORS_ALLOWLIST || "https://shop.example.com, ORIGIN").split(",");',
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

const allowlist = (process.env.CORS_ALLOWLIST || "https://shop.example.com, ORIGIN").split(",");

const app = express();
app.use(cors({ origin: allowlist, credentials: true }));
app.use(express.json());

const api = express.Router();
api.get("/items", (req, res) => res.json([{ id: 1 }]));
api.post("/items", (req, res) => res.status(201).json({ id: 2 }));
api.get("/me", (req, res) => res.json({ user: "ada" }));
app.use("/api", api);

${LISTEN}`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
  {
    // https://enterno.io/en/s/how-to-fix-cors-preflight — "add Access-Control-Allow-Headers with
    // your custom headers": allowedHeaders lists Authorization and Content-Type, the page also sends
    // an X-Request-Id on its calls. Root: the allowedHeaders line.
    name: "heldout6 Express: allowedHeaders lacks the X-Request-Id the page sends",
    url: "https://enterno.io/en/s/how-to-fix-cors-preflight",
    rootText: 'allowedHeaders: ["Authorization", "Content-Type"],',
    file: "server.mjs",
    app: `import express from "express";
import cors from "cors";

const app = express();

app.use(
  cors({
    origin: "ORIGIN",
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Authorization", "Content-Type"],
    credentials: true,
    maxAge: 86400,
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));

${LISTEN}`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [["X-Request-Id", "r-1"]] },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer t"], ["X-Request-Id", "r-2"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/323 — the allowed origins kept in configuration as a
    // JSON array written in a string and handed to cors() unparsed: cors() sends the whole string
    // ('["http://…"]') as Allow-Origin, which no browser accepts. Root: the config line.
    name: "heldout6 Express: origin is a JSON array string from config (never parsed), sent as is",
    url: "https://github.com/expressjs/cors/issues/323",
    rootText: `corsAllowedOrigins: process.env.CORS_ALLOWED_LIST || '["ORIGIN","ORIGIN2"]',`,
    file: "index.js",
    app: `const express = require("express");
const cors = require("cors");

const config = {
  port: Number(process.env.PORT) || 3000,
  corsAllowedOrigins: process.env.CORS_ALLOWED_LIST || '["ORIGIN","ORIGIN2"]',
};

const app = express();
app.use(express.json());
app.use(cors({ origin: config.corsAllowedOrigins }));

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));

app.listen(config.port, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
];
