/**
 * Issue #23's seventh never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT7_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/174 — cors() with its defaults (origin "*") in front of
    // an API the client calls with credentials: the wildcard is refused for a credentialed request.
    // Root: the cors() line.
    name: "heldout7 Express: cors() with its defaults, the credentialed calls refuse the wildcard",
    url: "https://github.com/expressjs/cors/issues/174",
    rootText: "app.use(cors());",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();

app.use(cors());
app.use(express.json());

const users = express.Router();
users.get("/", (req, res) => res.json([{ id: 1, name: "ada" }]));
users.get("/me", (req, res) => res.json({ user: "ada" }));

app.use("/api/users", users);
app.get("/api/items", (req, res) => res.json([]));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/users/me", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/auth0/node-oauth2-jwt-bearer/issues/44 — the token check applied to every
    // request with app.use() before cors(): the browser's preflight carries no Authorization and is
    // answered 401. Root: the app.use(checkJwt) line.
    name: "heldout7 Express: app.use(checkJwt) ahead of cors() answers the preflight 401",
    url: "https://github.com/auth0/node-oauth2-jwt-bearer/issues/44",
    rootText: "app.use(checkJwt);",
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

function checkJwt(req, res, next) {
  const header = req.headers.authorization || "";
  if (!header.startsWith("Bearer ")) {
    res.status(401).json({ message: "Unauthorized" });
    return;
  }
  req.auth = { sub: header.slice(7) };
  next();
}

const app = express();
app.use(express.json());
app.use(checkJwt);
app.use(cors({ origin: "ORIGIN", allowedHeaders: ["Authorization", "Content-Type"] }));

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [["Authorization", "Bearer t"]] },
      {
        method: "POST",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer t"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/241 — an origin function that calls back with an Error
    // for origins off its list: the list, read from an environment variable split on ",", keeps the
    // space before the admin front end, so the admin page's calls fail. Root: the split line.
    name: "heldout7 Express: origin list split on ',' keeps a leading space, the second front end refused",
    url: "https://github.com/expressjs/cors/issues/241",
    rootText: 'const allowedOrigins = (process.env.CORS_ALLOWLIST || "ORIGIN, ORIGIN2").split(",");',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const allowedOrigins = (process.env.CORS_ALLOWLIST || "ORIGIN, ORIGIN2").split(",");

const corsOptions = {
  origin(origin, callback) {
    if (!origin || allowedOrigins.includes(origin)) {
      callback(null, true);
    } else {
      callback(new Error("Not allowed by CORS: " + origin));
    }
  },
};

const app = express();
app.use(cors(corsOptions));
app.use(express.json());

app.get("/api/items", (req, res) => res.json([]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/195 — cors() put on the one route that needs it
    // (app.post) and not on OPTIONS for that path: the JSON POST's preflight finds no CORS.
    // Root: the app.post line carrying cors().
    name: "heldout7 Express: cors() only on the app.post route, its preflight has no handler",
    url: "https://github.com/expressjs/cors/issues/195",
    rootText: 'app.post("/api/contact", cors(corsOptions), (req, res) => {',
    file: "index.js",
    app: `const express = require("express");
const cors = require("cors");

const corsOptions = { origin: "ORIGIN" };

const app = express();
app.use(express.json());

app.get("/api/items", cors(corsOptions), (req, res) => res.json([]));

app.post("/api/contact", cors(corsOptions), (req, res) => {
  res.status(201).json({ received: true });
});

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/contact", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];

/**
 * A correct Express app (the set's correct Express configuration): cors() first, an allowlist over two
 * front ends, credentials, the headers the page sends. ORIGIN and ORIGIN2 stand for the two front ends.
 */
export const HELD_OUT7_EXPRESS_CORRECT = `const express = require("express");
const cors = require("cors");

const allowed = ["ORIGIN", "ORIGIN2"];

const app = express();
app.use(
  cors({
    origin: allowed,
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Content-Type", "Authorization"],
    credentials: true,
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));
app.get("/api/me", (req, res) => res.json({ user: "ada" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
