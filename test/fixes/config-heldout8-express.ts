/**
 * Issue #23's eighth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT8_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/pump-io/pump.io/pull/1238 — the CORS middleware added with app.use() late in
    // start-up, after the function that registers the API routes: a matched route answers without
    // ever reaching it. Root: the app.use(cors(...)) line below the routes.
    name: "heldout8 Express: cors() registered after the routes, the routes answer without it",
    url: "https://github.com/pump-io/pump.io/pull/1238",
    rootText: 'app.use(cors({ origin: "ORIGIN" }));',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

function addRoutes(app) {
  app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
  app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));
}

const app = express();
app.use(express.json());
addRoutes(app);
app.use(cors({ origin: "ORIGIN" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/251 — "Request header field content-type is not allowed
    // by Access-Control-Allow-Headers in preflight response": cors() given an allowedHeaders list
    // without Content-Type while the front end posts JSON. Root: the allowedHeaders line.
    // (Replaced after the first run: the case first written here, a trailing-slash redirect registered
    // before cors() from TryGhost/Ghost#7861, cannot be judged by this suite — see HELDOUT8.md.)
    name: "heldout8 Express: cors() allowedHeaders without Content-Type, the JSON POST's preflight refused",
    url: "https://github.com/expressjs/cors/issues/251",
    rootText: 'allowedHeaders: ["Accept", "Authorization"],',
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();
app.use(
  cors({
    origin: ["ORIGIN", "ORIGIN2"],
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Accept", "Authorization"],
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/203 — the project's own middleware registered before
    // cors(): it refuses methods it does not route (405), the browser's OPTIONS preflight among them,
    // so cors() never answers it. Root: the app.use of that middleware.
    name: "heldout8 Express: a method-guard middleware before cors() answers the preflight 405",
    url: "https://github.com/expressjs/cors/issues/203",
    rootText: "app.use(allowKnownMethods);",
    file: "index.js",
    app: `const express = require("express");
const cors = require("cors");

const KNOWN = ["GET", "POST", "PUT", "DELETE"];

function allowKnownMethods(req, res, next) {
  if (!KNOWN.includes(req.method)) {
    res.set("Allow", KNOWN.join(", ")).status(405).json({ error: "method not allowed" });
    return;
  }
  next();
}

const exampleRoute = express.Router();
exampleRoute.get("/", (req, res) => res.json([]));
exampleRoute.put("/:id", (req, res) => res.json({ id: req.params.id }));

const app = express();
app.use(express.json());
app.use(allowKnownMethods);
app.use(cors({ origin: ["ORIGIN", "ORIGIN2"], methods: KNOWN }));
app.use("/api/items", exampleRoute);

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/express/issues/3668 — a hand-written CORS middleware that sets
    // Access-Control-Allow-Origin to "*/*": not a valid value (neither "*" nor an origin), so every
    // answer, the preflight's included, is refused. Root: that res.header line.
    name: "heldout8 Express: a hand-written middleware sends Access-Control-Allow-Origin '*/*'",
    url: "https://github.com/expressjs/express/issues/3668",
    rootText: 'res.header("Access-Control-Allow-Origin", "*/*");',
    file: "server.js",
    app: `const express = require("express");

const app = express();

app.use(function (req, res, next) {
  res.header("Access-Control-Allow-Origin", "*/*");
  res.header("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, Authorization");
  res.header("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE");
  if (req.method === "OPTIONS") {
    res.sendStatus(204);
    return;
  }
  next();
});

const router = express.Router();
router.get("/items", (req, res) => res.json([{ id: 1 }]));
router.get("/profile", (req, res) => res.json({ user: "ada" }));
app.use("/api", router);

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/profile", origin: "ORIGIN", headers: [["Authorization", "Bearer t"]] },
    ],
    check: [],
  },
];
