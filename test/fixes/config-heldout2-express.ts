/**
 * Issue #23's second never-seen measure, Express 5 with cors 2.8: each case rebuilds a public report
 * (cited above it), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins; the
 * app listens on process.env.PORT. `rootAt`: the root cause's line; `check` left empty (codes not known
 * blind). Express 5's path syntax where the report wrote Express 4's (`/{*splat}` for `*`).
 */
import type { ExpressCase } from "./config-express-cases";

export interface HeldOut2JsCase extends ExpressCase {
  source: string;
  /** The root cause's line: the first line of the file holding this text (after ORIGIN is filled). */
  rootAt: string;
}

const LISTEN = `const port = Number(process.env.PORT) || 3000;
app.listen(port, "127.0.0.1", () => console.log(\`listening on \${port}\`));`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT2_EXPRESS: HeldOut2JsCase[] = [
  {
    // https://github.com/expressjs/cors/issues/187 — cors() on the API router with an allowlist
    // callback that refuses with a string (Express turns it into a 500) and an allowlist read from
    // the environment with a default that lacks the page. Root cause: the allowlist line.
    name: "heldout2: Express: router.use(cors()) with an env allowlist callback that errors",
    source: "https://github.com/expressjs/cors/issues/187",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();
const router = express.Router();

const whitelistOrigins = JSON.parse(process.env.CORS_WHITELIST || '["ORIGIN2", "https://admin.example.com"]');
const corsOptions = {
  origin: function (origin, callback) {
    if (whitelistOrigins.indexOf(origin) !== -1 || !origin) {
      callback(null, true);
    } else {
      callback("Not allowed by CORS");
    }
  },
};

router.use(cors(corsOptions));

router.get("/items", (req, res) => res.json([{ id: 1 }]));
router.put("/items/:id", express.json(), (req, res) => res.json({ id: req.params.id }));

app.use("/api", router);

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
    ],
    check: [],
    rootAt: "const whitelistOrigins",
  },
  {
    // https://github.com/expressjs/cors/issues/72 — cors() only on the route's DELETE handler and
    // an app.options() for another path: the DELETE's preflight is answered by Express's automatic
    // OPTIONS reply, without CORS headers. Root cause: the `.delete(cors(), …)` line.
    name: "heldout2: Express: cors() on the DELETE handler only, the preflight gets Express's own OPTIONS",
    source: "https://github.com/expressjs/cors/issues/72",
    file: "app.js",
    app: `var cors = require("cors"),
    express = require("express"),
    app = express(),
    roomRouter = express.Router();

app.options("/rooms/:roomid", cors());
app.get("/api/items", cors(), function (req, res) {
    res.json([{ id: 1 }]);
});

roomRouter.route("/api/items/:id")
    .delete(cors(), function (req, res) {
        res.status(204).end();
    });

app.use(roomRouter);

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
    rootAt: ".delete(cors(),",
  },
  {
    // https://github.com/expressjs/cors/issues/135 — app.use(cors({ origin: [process.env.URL, …] }))
    // followed by app.options(…, cors()): the first cors() answers every preflight, the second is
    // never reached, and the page's origin is not in the list (URL unset). Root cause: the origin list.
    name: "heldout2: Express: origin [process.env.URL, …] answers the preflight before app.options(cors())",
    source: "https://github.com/expressjs/cors/issues/135",
    file: "index.mjs",
    app: `import express from "express";
import cors from "cors";

const app = express();
app.use(express.json());

app.use(cors({
    origin: [process.env.URL, 'ORIGIN2']
}))
app.options('/{*splat}', cors())

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));

${LISTEN}
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
    rootAt: "origin: [process.env.URL",
  },
];

/** A correct Express app (check must report no error): cors() first, an explicit list, credentials. */
export const HELD_OUT2_EXPRESS_CORRECT = `const express = require("express");
const cors = require("cors");

const app = express();
app.use(
  cors({
    origin: ["https://app.example.com", "https://admin.example.com"],
    credentials: true,
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Content-Type", "Authorization"],
  }),
);
app.use(express.json());

app.get("/api/items", (req, res) => res.json([]));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));

${LISTEN}
`;
