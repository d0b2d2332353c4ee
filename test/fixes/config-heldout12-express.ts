/**
 * Issue #23's twelfth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const expired: [string, string] = ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.expired"];

export const HELD_OUT12_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/SandeepVashishtha/Eventra/pull/5564 — "add CORS headers to verifyAuth 401
    // responses": the API sets its CORS headers in the handlers (and answers the preflight itself),
    // but the verifyAuth middleware's 401 answers (missing, expired or invalid token) carry none, so the
    // front end sees an opaque CORS failure instead of the 401 it must handle. Root: the 401 of the
    // invalid-token path, sent without the CORS headers.
    name: "heldout12 Express: the auth middleware's 401 is sent without the CORS headers the handlers set",
    url: "https://github.com/SandeepVashishtha/Eventra/pull/5564",
    rootText:
      'return res.status(401).json({ error: err.name === "TokenExpiredError" ? "token expired" : "invalid token" });',
    file: "server.js",
    app: `const express = require("express");
const jwt = require("jsonwebtoken");

const app = express();
const FRONT_ENDS = ["ORIGIN", "ORIGIN2"];

function buildCorsHeaders(req) {
  const origin = req.get("Origin");
  if (!origin || !FRONT_ENDS.includes(origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Authorization",
    Vary: "Origin",
  };
}

app.options("/{*splat}", (req, res) => {
  res.set(buildCorsHeaders(req)).sendStatus(204);
});

function verifyAuth(req, res, next) {
  const header = req.get("Authorization") || "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: "missing token" });
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET || "eventra-dev-secret");
    return next();
  } catch (err) {
    return res.status(401).json({ error: err.name === "TokenExpiredError" ? "token expired" : "invalid token" });
  }
}

app.get("/api/events", (req, res) => {
  res.set(buildCorsHeaders(req)).json([{ id: 1, title: "Hack night" }]);
});

app.get("/api/events/mine", verifyAuth, (req, res) => {
  res.set(buildCorsHeaders(req)).json([]);
});

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/events", origin: "ORIGIN" },
      { method: "GET", path: "/api/events/mine", origin: "ORIGIN", headers: [expired] },
    ],
    check: [],
  },
  {
    // https://github.com/auth0/express-jwt/issues/104 — "401: Token Always Unauthorised": the app's own
    // CORS middleware lists X-Requested-With and content-type as allowed headers, so the browser never
    // sends the Authorization call past its preflight ("needed to add 'Authorization' to
    // Access-Control-Allow-Headers"). express-jwt is not installed here: a small check with jsonwebtoken,
    // credentials not required, stands in for it. Root: the Allow-Headers line.
    name: "heldout12 Express: the hand-written Allow-Headers leaves out Authorization, the JWT call refused",
    url: "https://github.com/auth0/express-jwt/issues/104",
    rootText: 'res.setHeader("Access-Control-Allow-Headers", "X-Requested-With,content-type");',
    file: "server.js",
    app: `const express = require("express");
const jsonwebtoken = require("jsonwebtoken");

const app = express();
app.use(express.json());

app.use(function (req, res, next) {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "X-Requested-With,content-type");
  if (req.method === "OPTIONS") return res.sendStatus(204);
  next();
});

// Stands in for express-jwt({ secret: "secretToken", credentialsRequired: false }).unless({ path: ["/authenticate"] }).
app.use(function (req, res, next) {
  if (req.path === "/authenticate") return next();
  const header = req.get("Authorization");
  if (!header) return next();
  try {
    req.user = jsonwebtoken.verify(header.replace(/^Bearer /, ""), "secretToken");
    next();
  } catch (err) {
    res.status(401).json({ message: "invalid token" });
  }
});

app.post("/authenticate", (req, res) => {
  const token = jsonwebtoken.sign({ user: 1 }, "secretToken");
  res.json({ token: token });
});

app.get("/api/users/me", (req, res) => res.json({ user: req.user || null }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "POST", path: "/authenticate", origin: "ORIGIN", headers: json },
      {
        method: "GET",
        path: "/api/users/me",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoxfQ.sig"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/session/issues/464 — "Express doesn't store session when using
    // axios": cors() is given exposedHeaders and credentials: true but no origin, so it answers with
    // its default Access-Control-Allow-Origin "*"; axios's withCredentials calls are refused by the
    // browser (no cookie is ever kept). express-session is not installed here: the route sets and reads
    // a cookie itself. Root: the cors() options without an origin.
    name: "heldout12 Express: cors() with credentials but no origin keeps '*', the withCredentials calls refused",
    url: "https://github.com/expressjs/session/issues/464",
    rootText: "this.express.use(cors({ exposedHeaders: config.corsHeaders, credentials: true }));",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");
const cookie = require("cookie");

const config = { corsHeaders: ["Link", "X-Total-Count"] };

class App {
  constructor() {
    this.express = express();
    this.router = express.Router();
    this.middleware();
    this.routes();
  }

  middleware() {
    this.express.use(cors({ exposedHeaders: config.corsHeaders, credentials: true }));
    this.express.use((req, res, next) => {
      req.session = cookie.parse(req.headers.cookie || "");
      next();
    });
  }

  routes() {
    this.router.get("/session", ({ query }, res) => {
      res.cookie("word", String(query.word || ""), { sameSite: "none", secure: true });
      res.json({ success: "success: " + query.word });
    });
    this.router.get("/session/get", ({ session }, res) => {
      res.json({ session });
    });
    this.express.use(this.router);
  }
}

new App().express.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/session?word=hello", origin: "ORIGIN", credentials: true },
      { method: "GET", path: "/session/get", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
];

/**
 * A correct Express app (the set's correct Express configuration): the cors package with an allowlist
 * of the two front ends passed as an array, credentials, the methods and headers the page sends,
 * registered before the JSON parser and the routes. ORIGIN and ORIGIN2: the front ends.
 */
export const HELD_OUT12_EXPRESS_CORRECT = `const express = require("express");
const cors = require("cors");

const app = express();

app.use(
  cors({
    origin: ["ORIGIN", "ORIGIN2"],
    credentials: true,
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Content-Type", "Authorization"],
    maxAge: 600,
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id, ...req.body }));
app.get("/api/me", (req, res) => res.json({ user: "ada" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
