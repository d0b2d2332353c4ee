/**
 * Issue #23's thirteenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT13_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/271 — "A question about the type of the origin option
    // value": the origin option is an array holding the asterisk; in an array each entry is compared
    // with the request's Origin, and no Origin equals "*", so no Access-Control-Allow-Origin is ever
    // sent ("the special asterisk … is only supported as a single value"). Root: the origin array.
    name: "heldout13 Express: the cors origin option is an array holding '*', which no Origin ever equals",
    url: "https://github.com/expressjs/cors/issues/271",
    rootText: 'origin: ["*"],',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();

app.use(express.json());
app.use(
  cors({
    origin: ["*"],
    methods: ["GET", "POST", "PUT", "DELETE"],
  }),
);

const posts = [{ id: 1, title: "hello" }];

app.get("/api/posts", (req, res) => {
  res.json(posts);
});

app.post("/api/posts", (req, res) => {
  const post = { id: posts.length + 1, ...req.body };
  posts.push(post);
  res.status(201).json(post);
});

app.listen(Number(process.env.PORT) || 4000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/posts", origin: "ORIGIN" },
      { method: "POST", path: "/api/posts", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/190 — "Access-Control-Allow-Origin is missing when I
    // define corsOptions.origin": with a single origin string the header comes back, but with the array
    // ['http://localhost', 'https://www.mezinamiridici.cz'] it is missing and Chrome stops: the array
    // is compared with the request's Origin exactly, and the front end's origin carries a port that
    // 'http://localhost' does not. Root: the origin array.
    name: "heldout13 Express: the origin array names http://localhost without the front end's port, no Allow-Origin",
    url: "https://github.com/expressjs/cors/issues/190",
    rootText: "origin: ['http://localhost', 'https://www.mezinamiridici.cz'],",
    file: "server.js",
    app: `const express = require('express');
const cors = require('cors');
const bodyParser = require('body-parser');

const app = express();
app.use(bodyParser.json());

const corsOptions = {
    origin: ['http://localhost', 'https://www.mezinamiridici.cz'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    // preflightContinue: false,
    optionsSuccessStatus: 200 // some legacy browsers (IE11, various SmartTVs) choke on 204
};

app.options('/v1/authorizeUser', cors(corsOptions));
app.post('/v1/authorizeUser', cors(corsOptions), (req, res) => {
    const { email } = req.body || {};
    res.json({ token: 'jwt-for-' + (email || 'anonymous') });
});

app.get('/v1/polls', cors(corsOptions), (req, res) => {
    res.json([{ id: 1, text: 'Je Praha lepší než Brno?' }]);
});

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/v1/polls", origin: "ORIGIN" },
      { method: "POST", path: "/v1/authorizeUser", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/pnxtech/hydra-express/pull/129 — "fix(cors): add preflight to validate cors
    // rules": the service's init registers a bare `cors()` first and the configured `cors(config.cors)`
    // with credentials further down; the bare one answers every preflight itself with Allow-Origin '*'
    // and no Allow-Credentials, so a credentialed, preflighted call is refused (the simple calls get
    // the configured headers from the second). Root: the bare `cors()` ahead of the configured one.
    name: "heldout13 Express: a bare cors() registered ahead of the configured one answers the preflight with '*'",
    url: "https://github.com/pnxtech/hydra-express/pull/129",
    rootText: "app.use(cors());",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const config = {
  hydra: { serviceName: "profile-svcs", servicePort: Number(process.env.PORT) || 5000 },
  cors: { origin: "ORIGIN", credentials: true },
};

const app = express();

function init() {
  app.use(cors());
  app.use(express.json());

  // ... service registration, logging, body parsing ...

  app.use(cors(config.cors));

  const api = express.Router();
  api.get("/profile", (req, res) => res.json({ user: "ada" }));
  api.put("/profile", (req, res) => res.json({ user: "ada", ...req.body }));
  app.use("/v1/profile-svcs", api);

  app.listen(config.hydra.servicePort, "127.0.0.1");
}

init();
`,
    calls: [
      { method: "GET", path: "/v1/profile-svcs/profile", origin: "ORIGIN", credentials: true },
      {
        method: "PUT",
        path: "/v1/profile-svcs/profile",
        origin: "ORIGIN",
        credentials: true,
        headers: json,
      },
    ],
    check: [],
  },
];
