/**
 * Issue #23's tenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const bearer: [string, string] = ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.t"];

export const HELD_OUT10_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/AIE-London/blockchain-insurance/pull/12 — the project's own CORS middleware
    // "adds authorization" to the allowed headers as a third argument of res.setHeader, which Node
    // ignores: Access-Control-Allow-Headers still lacks Authorization and the token-carrying call's
    // preflight is refused. Root: that setHeader line.
    name: "heldout10 Express: Authorization passed as setHeader's third argument, never in Allow-Headers",
    url: "https://github.com/AIE-London/blockchain-insurance/pull/12",
    rootText:
      'res.setHeader("Access-Control-Allow-Headers", "X-Requested-With,content-type", "authorization");',
    file: "server.js",
    app: `const express = require("express");

const config = { allowedOrigins: ["ORIGIN", "ORIGIN2"] };

function allowCrossDomain(req, res, next) {
  const origin = req.headers.origin;
  if (config.allowedOrigins.indexOf(origin) > -1) {
    res.setHeader("Access-Control-Allow-Origin", origin);
  }
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS, PUT, PATCH, DELETE");
  res.setHeader("Access-Control-Allow-Headers", "X-Requested-With,content-type", "authorization");
  if (req.method === "OPTIONS") {
    res.sendStatus(200);
    return;
  }
  next();
}

const app = express();
app.use(allowCrossDomain);
app.use(express.json());

app.get("/api/claims", (req, res) => res.json([{ id: 1, status: "open" }]));
app.put("/api/claims/:id", (req, res) => res.json({ id: req.params.id, ...req.body }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/claims", origin: "ORIGIN" },
      { method: "PUT", path: "/api/claims/1", origin: "ORIGIN2", headers: [...json, bearer] },
    ],
    check: [],
  },
  {
    // https://github.com/auth0/express-jwt/pull/4 — "OPTIONS requests are blocked by express-jwt": the
    // token check is mounted before the CORS middleware, the browser's preflight carries no
    // Authorization header and is answered 401 before cors() can answer it. Root: the token check's
    // app.use line.
    name: "heldout10 Express: a JWT check mounted before cors(), the preflight answered 401",
    url: "https://github.com/auth0/express-jwt/pull/4",
    rootText: 'app.use("/api", requireJwt);',
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

function requireJwt(req, res, next) {
  const header = req.headers.authorization || "";
  if (!header.startsWith("Bearer ")) {
    res.status(401).json({ message: "No authorization token was found" });
    return;
  }
  req.user = { token: header.slice(7) };
  next();
}

const app = express();
app.use("/api", requireJwt);
app.use(cors({ origin: ["ORIGIN", "ORIGIN2"], allowedHeaders: ["Authorization", "Content-Type"] }));
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [bearer] },
      { method: "POST", path: "/api/items", origin: "ORIGIN2", headers: [...json, bearer] },
    ],
    check: [],
  },
  {
    // https://github.com/Binaryify/NeteaseCloudMusicApi/issues/82 — the app's catch-all CORS route sends
    // Access-Control-Allow-Origin '*'; the front end turned axios' withCredentials on to keep its
    // login cookie, and "the value of the 'Access-Control-Allow-Origin' header must not be the
    // wildcard '*' when the request's credentials mode is 'include'". Root: the '*' line.
    name: "heldout10 Express: a catch-all app.all() route sends Allow-Origin '*', the withCredentials calls refused",
    url: "https://github.com/Binaryify/NeteaseCloudMusicApi/issues/82",
    rootText: 'res.header("Access-Control-Allow-Origin", "*");',
    file: "app.js",
    app: `const express = require("express");

const app = express();

// Cross-origin access for the web player (Express 5 spells the catch-all path "/{*splat}")
app.all("/{*splat}", function (req, res, next) {
  res.header("Access-Control-Allow-Credentials", true);
  res.header("Access-Control-Allow-Origin", "*");
  res.header("Access-Control-Allow-Headers", "X-Requested-With");
  res.header("Access-Control-Allow-Methods", "PUT,POST,GET,DELETE,OPTIONS");
  next();
});

app.get("/banner", (req, res) => res.json({ banners: [], code: 200 }));
app.get("/personalized", (req, res) => res.json({ result: [], code: 200 }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/banner", origin: "ORIGIN", credentials: true },
      { method: "GET", path: "/personalized", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
];

/**
 * A correct Express app (the set's correct Express configuration): the project's own CORS middleware,
 * first, an allowlist over the two front ends echoed back with credentials, the preflight answered
 * 204 with the page's methods and headers. ORIGIN and ORIGIN2: the front ends.
 */
export const HELD_OUT10_EXPRESS_CORRECT = `const express = require("express");

const frontEnds = new Set(["ORIGIN", "ORIGIN2"]);

const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && frontEnds.has(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.append("Vary", "Origin");
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
      res.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
      res.setHeader("Access-Control-Max-Age", "600");
      res.sendStatus(204);
      return;
    }
  }
  next();
});
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id, ...req.body }));
app.get("/api/me", (req, res) => res.json({ user: "ada" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
