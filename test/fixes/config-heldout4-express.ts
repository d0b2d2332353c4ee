/**
 * Issue #23's fourth never-seen measure, Express: broken apps rebuilt from public reports (cited
 * above each case; situation rebuilt, no text copied), written blind to the readers. `ORIGIN` and
 * `ORIGIN2` are the suite's two page origins. `rootText`: the root cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const LISTEN = `const port = Number(process.env.PORT) || 3000;
app.listen(port, "127.0.0.1", () => console.log(\`listening on \${port}\`));`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT4_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/126 — routes organised per controller, each an
    // express.Router mounted on the app; cors() is used inside one controller's router, so the other
    // controller's answers carry no CORS header. Root: the router-level cors() line.
    name: "heldout4 Express: cors() used inside one controller's router, the other controller has none",
    url: "https://github.com/expressjs/cors/issues/126",
    rootText: "projects.use(cors());",
    file: "app.js",
    app: `const express = require("express");
const bodyParser = require("body-parser");
const cors = require("cors");

const app = express();

app.use(bodyParser.json());

// controllers/projects.js
const projects = express.Router();
projects.use(cors());
projects.get("/", (req, res) => res.json([{ id: 1 }]));
projects.put("/:id", (req, res) => res.json({ id: req.params.id }));

// controllers/users.js
const users = express.Router();
users.get("/", (req, res) => res.json({ user: "ada" }));

app.use("/api/items", projects);
app.use("/api/me", users);

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/me", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/88 — `app.use(cors())` placed after the routes: the
    // routes answer first, so GET/PUT get no CORS header (only the preflight, which no route takes,
    // reaches cors). Root: the late app.use(cors()).
    name: "heldout4 Express: app.use(cors()) after the routes, only the preflight gets CORS headers",
    url: "https://github.com/expressjs/cors/issues/88",
    rootText: "app.use(cors());",
    file: "app.js",
    app: `var express = require("express");
var cors = require("cors");
var app = express();

app.use(express.json());

app.get("/api/items", function (req, res) {
  res.json([{ id: 1 }]);
});

app.put("/api/items/:id", function (req, res) {
  res.json({ id: req.params.id });
});

app.use(cors());

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/DaftMonk/fullstack-demo/issues/7 — CORS headers written by hand in an
    // app-wide middleware whose Allow-Headers has no Authorization: the page's token calls are
    // refused at the preflight. Root: the Allow-Headers line.
    name: "heldout4 Express: hand-written Allow-Headers without Authorization",
    url: "https://github.com/DaftMonk/fullstack-demo/issues/7",
    rootText: 'res.header("Access-Control-Allow-Headers", "Content-Type, X-Requested-With");',
    file: "server.js",
    app: `"use strict";

const express = require("express");

const app = express();

// Allow the client app to call the API from its own host
app.use(function (req, res, next) {
  res.header("Access-Control-Allow-Origin", "*");
  res.header("Access-Control-Allow-Methods", "GET,PUT,POST,DELETE,OPTIONS");
  res.header("Access-Control-Allow-Headers", "Content-Type, X-Requested-With");
  if (req.method === "OPTIONS") {
    return res.sendStatus(200);
  }
  next();
});

app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.get("/api/me", (req, res) => res.json({ user: "ada" }));

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", headers: [["Authorization", "Bearer t0k3n"]] },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/express/issues/4255 — a server class: the CORS headers are set by
    // hand app-wide, then the API router runs a token check for every request before its routes;
    // the preflight (no token) is answered 401. Root: the router-wide token middleware.
    name: "heldout4 Express: a router-wide token check answers the preflight 401 (server class)",
    // Refused on the first run (see HELDOUT4.md: no app at the top level); read since the app made
    // in a class and the hand-written middleware answering the preflight (2026-12-06).
    url: "https://github.com/expressjs/express/issues/4255",
    rootText: "this.router.use(verifyTokenAndContinue);",
    file: "server.js",
    app: `const express = require("express");

function verifyTokenAndContinue(req, res, next) {
  const header = req.headers.authorization || "";
  if (!header.startsWith("Bearer ")) {
    return res.status(401).json({ message: "no token" });
  }
  req.user = { id: 1 };
  next();
}

class Server {
  constructor() {
    this.app = express();
    this.router = express.Router();
    this.config();
    this.routes();
  }

  config() {
    this.app.use(express.json());
    this.app.use((req, res, next) => {
      res.header("Access-Control-Allow-Origin", "ORIGIN");
      res.header("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, Authorization");
      res.header("Access-Control-Allow-Credentials", "true");
      next();
    });
  }

  routes() {
    this.router.use(verifyTokenAndContinue);
    this.router.get("/items", (req, res) => res.json([{ id: 1 }]));
    this.router.get("/me", (req, res) => res.json({ user: "ada" }));
    this.app.use("/api", this.router);
  }

  start() {
    const port = Number(process.env.PORT) || 3000;
    this.app.listen(port, "127.0.0.1", () => console.log(\`listening on \${port}\`));
  }
}

new Server().start();
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [["Authorization", "Bearer t0k3n"]] },
    ],
    check: [],
  },
];
