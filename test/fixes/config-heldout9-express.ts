/**
 * Issue #23's ninth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT9_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/333 — cors() with origin "*" and credentials: true sends
    // Access-Control-Allow-Origin "*" together with Allow-Credentials true, which the browser refuses
    // for a call made with credentials. Root: the origin "*" line of the options.
    name: "heldout9 Express: cors() origin '*' with credentials, the cookie call gets '*'",
    url: "https://github.com/expressjs/cors/issues/333",
    rootText: 'origin: "*",',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const corsOptions = {
  origin: "*",
  credentials: true,
  methods: ["GET", "POST", "PUT", "DELETE"],
};

function createApp() {
  const app = express();
  app.use(cors(corsOptions));
  app.use(express.json());

  const api = express.Router();
  api.get("/items", (req, res) => res.json([{ id: 1 }]));
  api.get("/me", (req, res) => res.json({ user: "ada" }));
  app.use("/api", api);
  return app;
}

createApp().listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/catherineisonline/pizza-time-with-react/pull/100 — the deployed front end's
    // origin written in the allowed list with a trailing slash: an Origin header never has one, so
    // cors() matches nothing and sends no Allow-Origin. Root: the allowed-origins line.
    name: "heldout9 Express: the allowed origin is written with a trailing slash, no Allow-Origin sent",
    url: "https://github.com/catherineisonline/pizza-time-with-react/pull/100",
    rootText: 'const allowedOrigins = ["ORIGIN/", "http://localhost:3000"];',
    file: "index.js",
    app: `const express = require("express");
const cors = require("cors");

const allowedOrigins = ["ORIGIN/", "http://localhost:3000"];

const app = express();
app.use(cors({ origin: allowedOrigins }));
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1, name: "margherita" }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/ollama/ollama/issues/18011 — the allowed origins come from an environment
    // variable split on "," without trimming: written the usual way ("a, b"), the second entry keeps
    // its leading space and that front end is never allowed. Root: the split line.
    name: "heldout9 Express: origins from the environment split on ',' untrimmed, the second one never matches",
    url: "https://github.com/ollama/ollama/issues/18011",
    rootText: 'const allowed = (process.env.CORS_ALLOWED || "ORIGIN, ORIGIN2").split(",");',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const allowed = (process.env.CORS_ALLOWED || "ORIGIN, ORIGIN2").split(",");

const app = express();
app.use(
  cors({
    origin: allowed,
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Content-Type", "Authorization"],
  }),
);
app.use(express.json());

const items = express.Router();
items.get("/", (req, res) => res.json([{ id: 1 }]));
items.put("/:id", (req, res) => res.json({ id: req.params.id }));
app.use("/api/items", items);

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/streetmix/streetmix/pull/1205 — cors() applied per route (app.get(path,
    // cors(), ...)): the browser's OPTIONS preflight for the PUT matches no route that runs cors(), so
    // Express answers it by itself without CORS headers (the PR adds OPTIONS handling). Root: the PUT
    // route given cors() without an OPTIONS counterpart.
    name: "heldout9 Express: cors() given per route only, the PUT's preflight is answered without it",
    url: "https://github.com/streetmix/streetmix/pull/1205",
    rootText: 'app.put("/api/items/:id", cors(corsOptions), (req, res) => {',
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

const corsOptions = { origin: ["ORIGIN", "ORIGIN2"] };

const app = express();
app.use(express.json());

app.get("/api/items", cors(corsOptions), (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", cors(corsOptions), (req, res) => {
  res.json({ id: req.params.id, ...req.body });
});

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
