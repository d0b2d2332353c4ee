/**
 * Issue #23's fifth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers, as their projects write them (an
 * exported createApp() for the tests, settings from environment variables, routers). ORIGIN and
 * ORIGIN2 are the test pages' origins; the app listens on process.env.PORT. `rootText`: the root
 * cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const MAIN = `if (require.main === module) {
  const app = createApp();
  const port = Number(process.env.PORT) || 3000;
  app.listen(port, "127.0.0.1", () => console.log(\`api listening on \${port}\`));
}

module.exports = { createApp };`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT5_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/express/issues/5015 — `cors({ credentials: true, origin })` is
    // set, yet the preflight comes back with Allow-Origin `*`: a bare cors() registered for every
    // OPTIONS request ahead of it answers the preflight first. Root: that app.options line.
    name: "heldout5 Express: a bare cors() for every OPTIONS answers the preflight with * before the credentialed cors()",
    url: "https://github.com/expressjs/express/issues/5015",
    rootText: "app.options(/.*/, cors());",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

function createApp() {
  const app = express();

  // pre-flight for every route
  app.options(/.*/, cors());
  app.use(cors({ credentials: true, origin: "ORIGIN" }));
  app.use(express.json());

  app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
  app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id, ...req.body }));
  app.get("/api/me", (req, res) => res.json({ user: "ada" }));

  return app;
}

${MAIN}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
  {
    // https://fixdevs.com/blog/express-cors-not-working/ — "cors middleware not applying": the API
    // router is mounted before app.use(cors(...)), so its answers (and the router's own OPTIONS
    // answer) leave before cors runs. Root: the cors() registered after the router.
    name: "heldout5 Express: app.use(cors()) after the mounted API router (createApp)",
    url: "https://fixdevs.com/blog/express-cors-not-working/",
    rootText: "app.use(cors(corsOptions));",
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

const corsOptions = {
  origin: process.env.CLIENT_APP_URL || "ORIGIN",
  methods: ["GET", "POST", "PUT", "DELETE"],
};

const itemsRouter = express.Router();
itemsRouter.get("/", (req, res) => res.json([{ id: 1 }]));
itemsRouter.post("/", (req, res) => res.status(201).json({ id: 2 }));
itemsRouter.delete("/:id", (req, res) => res.status(204).end());

function createApp() {
  const app = express();
  app.use(express.json());
  app.use("/api/items", itemsRouter);
  app.use(cors(corsOptions));
  app.get("/health", (req, res) => res.send("ok"));
  return app;
}

${MAIN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://www.dailygit.com/how-to-fix-cors-error-in-express-js-api-causes-and-solutions/ — a
    // mismatched origin: the allowed origin comes from CLIENT_URL, whose default is the old dev port,
    // not where the front end runs now. Root: the CLIENT_URL line.
    name: "heldout5 Express: CLIENT_URL's default is another dev port than the page's (credentials)",
    url: "https://www.dailygit.com/how-to-fix-cors-error-in-express-js-api-causes-and-solutions/",
    rootText: 'const CLIENT_URL = process.env.CLIENT_URL || "http://localhost:3000";',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const CLIENT_URL = process.env.CLIENT_URL || "http://localhost:3000";

function createApp() {
  const app = express();
  app.use(
    cors({
      origin: CLIENT_URL,
      credentials: true,
    }),
  );
  app.use(express.json());

  const api = express.Router();
  api.get("/items", (req, res) => res.json([{ id: 1 }]));
  api.post("/items", (req, res) => res.status(201).json({ id: 2 }));
  app.use("/api", api);
  return app;
}

${MAIN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
  {
    // https://www.codekk.dev/blog/what-is-cors-and-how-to-fix-it-in-express — credentials with a
    // wildcard: `origin: "*"` and `credentials: true` together, the cors package sends `*` and the
    // browser refuses the credentialed answer. Root: the origin line.
    name: "heldout5 Express: cors({ origin: '*', credentials: true }), the cookie calls refused",
    url: "https://www.codekk.dev/blog/what-is-cors-and-how-to-fix-it-in-express",
    rootText: 'origin: "*",',
    file: "index.js",
    app: `const express = require("express");
const cors = require("cors");

function createApp() {
  const app = express();

  app.use(
    cors({
      origin: "*",
      credentials: true,
      methods: ["GET", "POST", "PUT", "DELETE"],
      allowedHeaders: ["Content-Type", "Authorization"],
    }),
  );
  app.use(express.json());

  app.get("/api/users", (req, res) => res.json([{ id: 1, name: "ada" }]));
  app.put("/api/users/:id", (req, res) => res.json({ id: req.params.id }));
  return app;
}

${MAIN}
`,
    calls: [
      { method: "GET", path: "/api/users", origin: "ORIGIN", credentials: true },
      { method: "PUT", path: "/api/users/1", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
];

/**
 * Set 5's correct Express app (config-heldout5-check.fixes.test.ts serves it): an allowlist callback
 * from CORS_ALLOWLIST over both front ends, credentials, the methods and headers the pages send, cors()
 * ahead of every route. ORIGIN and ORIGIN2 are the two front ends.
 */
export const HELD_OUT5_EXPRESS_CORRECT = `const express = require("express");
const cors = require("cors");

const allowlist = (process.env.CORS_ALLOWLIST || "ORIGIN,ORIGIN2").split(",");

function createApp() {
  const app = express();

  app.use(
    cors({
      origin(origin, callback) {
        // same-origin and server-to-server calls carry no Origin
        if (!origin || allowlist.includes(origin)) return callback(null, true);
        return callback(null, false);
      },
      credentials: true,
      methods: ["GET", "POST", "PUT", "DELETE"],
      allowedHeaders: ["Content-Type", "Authorization"],
    }),
  );
  app.use(express.json());

  app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
  app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));
  app.get("/api/me", (req, res) => res.json({ user: "ada" }));
  return app;
}

${MAIN}
`;
