/**
 * Issue #23's fifteenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT15_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/graphile/starter/pull/195 — "Add CORS with allowed origins": the starter's server
    // gets an installCors middleware whose origins come from ROOT_URL and a comma-separated
    // CORS_ALLOWED_URLS, cleaned with `.replace(/s\s/g, "")` before the split; the review asks why the
    // literal `s` is there: the pattern removes "s" plus a space, not spaces, so "a, b" keeps " b" with
    // its leading space and that origin never equals the page's. The .env values are written as the
    // defaults the server reads. Root: the line that cleans and splits the list.
    name: "heldout15 Express: CORS_ALLOWED_URLS cleaned with /s\\s/g, the second origin keeps its space",
    url: "https://github.com/graphile/starter/pull/195",
    rootText: '...(process.env.CORS_ALLOWED_URLS?.replace(/s\\s/g, "").split(",") || []),',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

// .env
process.env.ROOT_URL = process.env.ROOT_URL || "ORIGIN2";
process.env.CORS_ALLOWED_URLS = process.env.CORS_ALLOWED_URLS || "ORIGIN2, ORIGIN";

// @app/server/src/middleware/installCors.ts
function installCors(app) {
  const origin = [];
  if (process.env.ROOT_URL) {
    origin.push(process.env.ROOT_URL);
  }
  if (process.env.CORS_ALLOWED_URLS) {
    origin.push(
      ...(process.env.CORS_ALLOWED_URLS?.replace(/s\\s/g, "").split(",") || []),
    );
  }
  const corsOptions = {
    origin,
    credentials: true,
  };
  app.use(cors(corsOptions));
}

const app = express();
installCors(app);
app.use(express.json());

app.post("/graphql", (req, res) => {
  res.json({ data: { currentUser: { id: 1, username: "user" } } });
});
app.get("/api/health", (req, res) => res.json({ ok: true }));

app.listen(Number(process.env.PORT) || 5678, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/health", origin: "ORIGIN2", credentials: true },
      { method: "POST", path: "/graphql", origin: "ORIGIN", credentials: true, headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/Acode-Foundation/acode.app/pull/25 — "fix(cors): add x-auth-token to
    // Access-Control-Allow-Headers": the server's own CORS middleware sets Allow-Origin for the editor's
    // origin and Allow-Headers, and nothing else; the review points out that with no
    // Access-Control-Allow-Methods and no answer of its own to OPTIONS, the preflight of the PUT and
    // DELETE routes fails (Express answers the OPTIONS itself, without Allow-Methods). The editor's
    // origin is written as the page's. Root: the hand-written CORS middleware.
    name: "heldout15 Express: the hand CORS middleware sets no Allow-Methods, the plugin update's preflight refused",
    url: "https://github.com/Acode-Foundation/acode.app/pull/25",
    rootText: "app.use((_req, res, next) => {",
    file: "server.js",
    app: `const express = require('express');

const plugins = { 'acode.plugin.prettier': { id: 'acode.plugin.prettier', name: 'Prettier', version: '1.0.0' } };

const pluginRouter = express.Router();
pluginRouter.get('/', (req, res) => res.json(Object.values(plugins)));
pluginRouter.put('/:id', (req, res) => {
  if (req.headers['x-auth-token'] !== 'token-1') return res.status(401).json({ error: 'Unauthorized' });
  plugins[req.params.id] = { ...plugins[req.params.id], ...req.body, id: req.params.id };
  return res.json(plugins[req.params.id]);
});
pluginRouter.delete('/:id', (req, res) => {
  delete plugins[req.params.id];
  res.json({ message: 'deleted' });
});

async function main() {
  const app = express();
  app.use(express.json());

  // allow origin https://localhost
  app.use((_req, res, next) => {
    res.header('Access-Control-Allow-Origin', 'ORIGIN');
    res.header('Access-Control-Allow-Headers', 'Content-Type, x-auth-token');
    next();
  });

  app.use('/api/plugin', pluginRouter);

  app.listen(Number(process.env.PORT) || 5500, '127.0.0.1');
}

main();
`,
    calls: [
      { method: "GET", path: "/api/plugin", origin: "ORIGIN" },
      {
        method: "PUT",
        path: "/api/plugin/acode.plugin.prettier",
        origin: "ORIGIN",
        headers: [...json, ["x-auth-token", "token-1"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/TranspiledCode/image-scoop/issues/1 — "Fix CORS hardcoded to localhost": the
    // image-processing function allows the development origin only (`http://localhost:5001`), which
    // "blocks production use": the deployed front end's calls are refused. The function is written as
    // the Express app it is served by, the front end as the page. Root: the hardcoded origin.
    name: "heldout15 Express: the CORS origin is hardcoded to the dev server, the deployed front end refused",
    url: "https://github.com/TranspiledCode/image-scoop/issues/1",
    rootText: "origin: 'http://localhost:5001',",
    file: "process-image.mjs",
    app: `import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: 'http://localhost:5001',
    methods: ['POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type'],
  }),
);
app.use(express.json({ limit: '10mb' }));

app.post('/process-image', (req, res) => {
  const { format = 'webp', quality = 80 } = req.body || {};
  res.json({ ok: true, format, quality, bytes: 1024 });
});

app.listen(Number(process.env.PORT) || 5001, '127.0.0.1');
`,
    calls: [{ method: "POST", path: "/process-image", origin: "ORIGIN", headers: json }],
    check: [],
  },
];

/**
 * A correct Express app (the set's correct Express configuration): cors() ahead of the routes with an
 * origin list of the two front ends, credentials, the methods and headers the page sends. ORIGIN and
 * ORIGIN2: the front ends.
 */
export const HELD_OUT15_EXPRESS_CORRECT = `const express = require("express");
const cors = require("cors");

const app = express();

const allowedOrigins = ["ORIGIN", "ORIGIN2"];

app.use(
  cors({
    origin: allowedOrigins,
    credentials: true,
    methods: ["GET", "PUT"],
    allowedHeaders: ["Content-Type", "Authorization"],
    maxAge: 600,
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", (req, res) => res.json({ id: Number(req.params.id) }));
app.get("/api/me", (req, res) => res.json({ user: "ada" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
