/**
 * Issue #23's sixteenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT16_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/jeremyben/json-server-auth/issues/15 — "CORS Preflight OPTIONS request returns
    // \"401 Unauthorized\"": a route protected by json-server-auth's guards ("600": owner only) answers
    // the browser's preflight 401, since the guards applied to every HTTP method and the preflight never
    // carries the Authorization header; the GET behind it is never sent (the maintainer: "I applied the
    // guards to all HTTP methods, which is a mistake"). json-server is not installed here: the guards are
    // written as the Express router json-server-auth's rewriter amounts to, used ahead of the server's
    // defaults (the cors middleware) as the report's server did, the JSON router as plain routes. Root:
    // the guards used ahead of cors().
    name: "heldout16 Express: the json-server-auth guards run ahead of cors(), the preflight of the owner-only route answered 401",
    url: "https://github.com/jeremyben/json-server-auth/issues/15",
    rootText: "app.use(rules);",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const db = {
  users: [{ id: 1, email: "olivier@mail.com" }],
  messages: [{ id: 1, userId: 1, text: "hello" }],
};

// json-server-auth's guards: "600" (owner can read/write), "640", "664"...
function guard(level) {
  return (req, res, next) => {
    const header = req.headers.authorization || "";
    if (level === 600 && !header.startsWith("Bearer ")) {
      return res.status(401).json("Missing authorization header");
    }
    next();
  };
}
const rules = express.Router();
rules.use("/users", guard(600));
rules.use("/messages", guard(640));

const app = express();
app.use(rules);
app.use(cors({ origin: true, credentials: true }));
app.use(express.json());

app.get("/users/:id", (req, res) => res.json(db.users.find((u) => u.id === Number(req.params.id)) || {}));
app.get("/messages", (req, res) => res.json(db.messages));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/messages", origin: "ORIGIN" },
      {
        method: "GET",
        path: "/users/1",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/KanishJebaMathewM/Truxify/pull/2007 — "[fix]: `PATCH` missing from the CORS
    // allowlist": the backend's cors options list GET, POST, PUT, DELETE and OPTIONS, but the only way to
    // update a support ticket is `PATCH /api/support/tickets/:id`, so every browser client on an allowed
    // origin has that preflight refused. The client URL is the page's origin. Root: the methods list.
    name: "heldout16 Express: the cors methods list leaves out PATCH, the support ticket update refused at the preflight",
    url: "https://github.com/KanishJebaMathewM/Truxify/pull/2007",
    rootText: "methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],",
    file: "server.js",
    app: `const express = require('express');
const cors = require('cors');

const app = express();

const allowedOrigins = (process.env.CLIENT_URLS || 'ORIGIN,http://localhost:5173').split(',');

app.use(
  cors({
    origin: allowedOrigins,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    credentials: true,
  }),
);
app.use(express.json());

const tickets = [{ id: '1', subject: 'Truck delayed', status: 'open' }];
const supportRouter = express.Router();
supportRouter.get('/tickets', (req, res) => res.json(tickets));
supportRouter.patch('/tickets/:id', (req, res) => {
  const ticket = tickets.find((t) => t.id === req.params.id);
  if (!ticket) return res.status(404).json({ message: 'Ticket not found' });
  Object.assign(ticket, req.body);
  return res.json(ticket);
});
app.use('/api/support', supportRouter);

app.listen(Number(process.env.PORT) || 5000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/support/tickets", origin: "ORIGIN", credentials: true },
      {
        method: "PATCH",
        path: "/api/support/tickets/1",
        origin: "ORIGIN",
        credentials: true,
        headers: [...json, ["Authorization", "Bearer t1"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/kiva/ui/pull/70 — "Set cors headers for requests to font directory when serving
    // static files": the server hands the built assets to express.static, and the fonts are requested
    // from pages on the other host (the site and its assets are served under different names), so the
    // font requests come back without Access-Control-Allow-Origin and the browser refuses them (the fix
    // sets the header for the font directory). The other host is the page; the built files are written
    // beside the server. Root: the express.static line that serves the fonts.
    name: "heldout16 Express: express.static serves the fonts without CORS, the other host's font request refused",
    url: "https://github.com/kiva/ui/pull/70",
    rootText: "app.use('/static', express.static(path.join(__dirname, 'dist/static'), { maxAge: '1y' }));",
    file: "server.js",
    files: {
      "dist/static/fonts/PostGrotesk-Book.woff2": "wOF2 PostGrotesk-Book\n",
      "dist/static/css/app.css": "body{font-family:PostGrotesk}\n",
    },
    app: `const path = require('path');
const express = require('express');

const app = express();

// Serve built assets
app.use('/static', express.static(path.join(__dirname, 'dist/static'), { maxAge: '1y' }));

app.get('/ui-routes', (req, res) => res.json(['/lend', '/portfolio']));

app.listen(Number(process.env.PORT) || 8888, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/static/fonts/PostGrotesk-Book.woff2", origin: "ORIGIN" },
      { method: "GET", path: "/static/css/app.css", origin: "ORIGIN" },
    ],
    check: [],
  },
];
