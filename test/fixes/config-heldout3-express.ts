/**
 * Issue #23's third never-seen measure, Express (cors): apps rebuilt from public reports (the report
 * is cited above each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are
 * the test pages' origins; the app listens on process.env.PORT. `rootText`: the text of the root
 * cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const LISTEN = `const port = Number(process.env.PORT) || 3000;
app.listen(port, "127.0.0.1", () => console.log(\`listening on \${port}\`));`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT3_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/293 — an app-wide cors() whose origin callback
    // refuses anything outside its allowlist (with an Error), `preflightContinue: true`, and a
    // route-level cors({ origin: true }) meant to open one route: the preflight meets the app-wide
    // policy first (a 500). Root: the allowlist that lacks the page's origin.
    name: "heldout3 Express: app-wide allowlist callback errors before the route's own cors() (preflightContinue)",
    url: "https://github.com/expressjs/cors/issues/293",
    rootText: "const allowedOrigins = [",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();
app.use(express.json());

const config = { frontendUrl: process.env.FRONTEND_URL || "https://shop.example.com" };
const allowedOrigins = [\`\${config.frontendUrl}\`];
// enable cors
app.use(
  cors({
    origin: function (origin, callback) {
      if (!origin) return callback(null, true);
      if (allowedOrigins.indexOf(origin) === -1) {
        const msg = "The CORS policy for this site does not allow access from the specified Origin.";
        return callback(new Error(msg), false);
      }
      return callback(null, true);
    },
    credentials: true,
    // Allow follow-up middleware to override this CORS for options
    preflightContinue: true,
  }),
);

const corsOptions = {
  origin: true,
  credentials: true,
};

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", cors(corsOptions), (req, res) => res.json({ id: req.params.id }));

${LISTEN}
`,
    calls: [{ method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json, credentials: true }],
    check: [],
  },
  {
    // https://smartasking.org/blog/fix-cors-401-unauthorized-on — a JWT check registered ahead of
    // cors(): the preflight, which never carries the Authorization header, is answered 401.
    // Root: the app.use of the token check ahead of cors.
    name: "heldout3 Express: a bearer-token middleware ahead of cors() answers the preflight 401",
    url: "https://smartasking.org/blog/fix-cors-401-unauthorized-on",
    rootText: "app.use(authenticateToken);",
    file: "index.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();

function authenticateToken(req, res, next) {
  const authHeader = req.headers["authorization"];
  const token = authHeader && authHeader.split(" ")[1];
  if (token == null) return res.sendStatus(401);
  if (token !== (process.env.API_TOKEN || "dev-token")) return res.sendStatus(403);
  next();
}

app.use(express.json());
app.use(authenticateToken);
app.use(
  cors({
    origin: "ORIGIN",
    allowedHeaders: ["Content-Type", "Authorization"],
  }),
);

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));

${LISTEN}
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer dev-token"]],
      },
      {
        method: "POST",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer dev-token"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/directus/directus/pull/12265 — the allowed origins come from an environment
    // variable in CSV form and reach cors() as one string: Allow-Origin is the whole list, which no
    // browser accepts. Root: the line reading the CSV string.
    name: "heldout3 Express: a comma-separated CORS_DOMAINS string passed as cors()'s origin (ESM, PATCH)",
    url: "https://github.com/directus/directus/pull/12265",
    rootText: "const corsOrigin = process.env.CORS_DOMAINS",
    file: "server.mjs",
    app: `import express from "express";
import cors from "cors";

const app = express();

// CORS_DOMAINS: the front ends allowed to call the API, comma separated
const corsOrigin = process.env.CORS_DOMAINS || "ORIGIN2,ORIGIN";

app.use(
  cors({
    origin: corsOrigin,
    credentials: true,
    methods: ["GET", "POST", "PATCH", "DELETE"],
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.patch("/api/items/:id", (req, res) => res.json({ id: req.params.id, ...req.body }));

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PATCH", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
];

/** A correct Express app (check: no error; fix with the page's evidence: nothing to change). */
export const HELD_OUT3_EXPRESS_CORRECT = `const express = require("express");
const cors = require("cors");

const app = express();

const allowed = ["ORIGIN", "ORIGIN2"];
app.use(
  cors({
    origin: allowed,
    credentials: true,
    allowedHeaders: ["Content-Type", "Authorization"],
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));
app.get("/api/me", (req, res) => res.json({ user: "ada" }));

${LISTEN}
`;
