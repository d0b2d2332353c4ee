/**
 * Issue #23's eleventh never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT11_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/220 — "Access-Control-Allowed-Origin header not included
    // when origin is set via Regexp and String array": the development origins are matched by a RegExp
    // written with the /g flag, whose test() keeps its lastIndex between calls, so every other check
    // fails — the preflight passes and the request after it gets no Allow-Origin. Root: the regex line.
    name: "heldout11 Express: the cors() origin RegExp has the /g flag, every other request unmatched",
    url: "https://github.com/expressjs/cors/issues/220",
    rootText:
      'origin: [/^https?:\\/\\/((localhost)|(127\\.0\\.0\\.1)):\\d{4}$/g, "https://production-website.com"],',
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();

app.use(
  cors({
    credentials: true,
    origin: [/^https?:\\/\\/((localhost)|(127\\.0\\.0\\.1)):\\d{4}$/g, "https://production-website.com"],
  }),
);
app.use(express.json());

app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id, ...req.body }));
app.get("/api/me", (req, res) => res.json({ user: "ada" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json, credentials: true },
      { method: "GET", path: "/api/me", origin: "ORIGIN2", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/116 — "app.use(cors()) is simply just not working": the
    // hot-update JSON is answered by the express.static mounted before cors(), so those responses never
    // get the CORS headers (the answer: move cors() above the static middleware). Root: the static line.
    name: "heldout11 Express: express.static mounted before cors(), the static JSON has no Allow-Origin",
    url: "https://github.com/expressjs/cors/issues/116",
    rootText: 'app.use("/static", express.static(path.join(__dirname, ".build")));',
    file: "server.js",
    files: {
      ".build/5607de95a10c548d52cf.hot-update.json": '{"h":"5607de95a10c548d52cf","c":{"main":true}}\n',
    },
    app: `const path = require("path");
const express = require("express");
const cors = require("cors");

const app = express();

app.use("/static", express.static(path.join(__dirname, ".build")));

app.use(cors());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/static/5607de95a10c548d52cf.hot-update.json", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/104 — "Allow CORS on static file serving": cors() is
    // applied with app.options('*', …) only, which answers preflights, but the font files (simple GETs
    // served by express.static) never get the header. Root: the app.options line (Express 5 spells
    // the catch-all path "/{*splat}").
    name: "heldout11 Express: cors() applied to OPTIONS only, the simple GETs (fonts, JSON) get none",
    url: "https://github.com/expressjs/cors/issues/104",
    rootText: 'app.options("/{*splat}", cors());',
    file: "app.js",
    files: { "public/fonts/fontawesome-webfont.woff": "wOFF-not-really\n" },
    app: `const path = require("path");
const express = require("express");
const cors = require("cors");

const app = express();

app.options("/{*splat}", cors());
app.use(express.static(path.join(__dirname, "public")));

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/fonts/fontawesome-webfont.woff", origin: "ORIGIN" },
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
    ],
    check: [],
  },
];
