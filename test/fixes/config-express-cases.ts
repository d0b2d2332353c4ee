/**
 * Broken Express apps as projects write them, each rebuilding a situation public Q&A and issue
 * threads keep reporting about the `cors` package: `app.use(cors())` registered after the routes or
 * after a router, an auth middleware that answers the preflight with 401 before cors runs, a fixed
 * origin when a second front end arrives, `origin: "*"` with `credentials: true`, the README's
 * allowlist callback that refuses with an Error (a 500 on the preflight), cors() on one route only
 * (the preflight never reaches it), a `methods` or `allowedHeaders` list that lacks what the page
 * sends, a hand-written header middleware, `express.static` ahead of cors, an origin RegExp for the
 * wrong dev port, no CORS at all. ORIGIN and ORIGIN2 are the test pages' origins; the app listens on
 * process.env.PORT. `calls` are what the page does; `check` what `cors-lens check` must find (code
 * and line of the app file).
 */
import type { PageCall } from "./config-real";

export interface ExpressCase {
  name: string;
  /** The file name (its extension decides CommonJS or ES module). */
  file: string;
  app: string;
  calls: PageCall[];
  check: Array<{ code: string; line: number }>;
  /** Files next to the app (a public/ folder for express.static). */
  files?: Record<string, string>;
  /**
   * "fixed" (the default): the patch makes every call pass in Chromium. "cannot": no patch CORS
   * Lens can prove exists, and fix says so (exit 1, `said` in its words, the file unchanged).
   */
  expect?: "fixed" | "cannot";
  said?: string;
}

const ROUTES = `app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));
app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));
app.delete("/api/items/:id", (req, res) => res.status(204).end());
app.get("/api/me", (req, res) => res.json({ user: "ada" }));`;

const LISTEN = `const port = Number(process.env.PORT) || 3000;
app.listen(port, "127.0.0.1", () => console.log(\`listening on \${port}\`));`;

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const EXPRESS_CASES: ExpressCase[] = [
  {
    name: "app.use(cors()) registered after the routes",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();
app.use(express.json());

${ROUTES}

app.use(cors({ origin: "ORIGIN" }));

${LISTEN}
`,
    calls: [{ method: "GET", path: "/api/items", origin: "ORIGIN" }],
    check: [{ code: "cors-after-route", line: 13 }],
  },
  {
    name: "an auth middleware answers the preflight with 401 before cors runs",
    file: "index.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();

// Every API call needs a token
function requireToken(req, res, next) {
  if (!req.headers.authorization) {
    return res.status(401).json({ message: "missing token" });
  }
  next();
}

app.use(requireToken);
app.use(
  cors({
    origin: "ORIGIN",
    allowedHeaders: ["Content-Type", "Authorization"],
  }),
);

${ROUTES}

${LISTEN}
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer t0k3n"]],
      },
    ],
    check: [{ code: "cors-after-auth", line: 15 }],
  },
  {
    name: "a fixed origin when a second front end arrives",
    file: "app.mjs",
    app: `import express from "express";
import cors from "cors";

const app = express();

const corsOptions = {
  origin: "ORIGIN",
  optionsSuccessStatus: 200, // some legacy browsers (IE11, various SmartTVs) choke on 204
};
app.use(cors(corsOptions));

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    name: "origin * with credentials: true",
    file: "server.cjs",
    app: `const express = require("express");
const cors = require("cors");
const app = express();

app.use(cors({ origin: "*", credentials: true }));

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
    ],
    check: [{ code: "wildcard-with-credentials", line: 5 }],
  },
  {
    name: "the README's allowlist callback refuses the new front end with an Error (500 on the preflight)",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");
const app = express();

const whitelist = ["ORIGIN"];
const corsOptions = {
  origin: function (origin, callback) {
    if (!origin || whitelist.indexOf(origin) !== -1) {
      callback(null, true);
    } else {
      callback(new Error("Not allowed by CORS"));
    }
  },
};

app.use(cors(corsOptions));
app.use(express.json());

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [{ code: "origin-error-500", line: 7 }],
  },
  {
    name: "cors() on the PUT route only: the preflight never reaches it",
    file: "routes.js",
    app: `const express = require("express");
const cors = require("cors");
const app = express();

const corsOptions = { origin: "ORIGIN", methods: ["GET", "PUT"] };

app.get("/api/items", cors(corsOptions), (req, res) => res.json([]));
app.put("/api/items/:id", cors(corsOptions), (req, res) => res.json({ id: req.params.id }));

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/7", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "cors-on-route-only", line: 8 }],
  },
  {
    name: "methods lack DELETE",
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();
app.use(
  cors({
    origin: ["ORIGIN", "https://admin.example.com"],
    methods: ["GET", "POST"],
    credentials: true,
  }),
);

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", credentials: true },
      { method: "DELETE", path: "/api/items/3", origin: "ORIGIN", credentials: true },
    ],
    check: [{ code: "methods-miss-routes", line: 8 }],
  },
  {
    name: "allowedHeaders as a string lacks X-Api-Key",
    file: "server.mjs",
    app: `import express from "express";
import cors from "cors";

const app = express();
app.use(cors({ origin: ["ORIGIN"], allowedHeaders: "Content-Type,Authorization", maxAge: 600 }));

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: [...json, ["X-Api-Key", "k1"]] },
    ],
    check: [],
  },
  {
    name: "a hand-written CORS middleware whose method list lacks DELETE",
    file: "server.js",
    app: `const express = require("express");
const app = express();

// Allow the front end (no cors package)
app.use((req, res, next) => {
  res.header("Access-Control-Allow-Origin", "*");
  res.header("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept");
  res.header("Access-Control-Allow-Methods", "GET, POST, PUT");
  if (req.method === "OPTIONS") {
    return res.sendStatus(200);
  }
  next();
});

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    name: "a router mounted before app.use(cors())",
    file: "main.mjs",
    app: `import express, { Router } from "express";
import cors from "cors";

const app = express();
const api = Router();

api.get("/items", (req, res) => res.json([]));
api.put("/items/:id", (req, res) => res.json({ id: req.params.id }));

app.use(express.json());
app.use("/api", api);
app.use(cors({ origin: "ORIGIN", methods: "GET,PUT" }));

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/9", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "cors-after-route", line: 12 }],
  },
  {
    name: "express.static serves the module script without CORS (cors registered after it)",
    file: "server.js",
    files: { "public/widget.js": "export const widget = 1;\n" },
    app: `const path = require("path");
const express = require("express");
const cors = require("cors");

const app = express();
app.use(express.static(path.join(__dirname, "public")));
app.use(cors({ origin: ["ORIGIN"] }));

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/widget.js", origin: "ORIGIN" },
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
    ],
    check: [{ code: "cors-after-static", line: 7 }],
  },
  {
    name: "an origin RegExp written for another dev port",
    file: "dev-server.js",
    app: `const express = require("express");
const cors = require("cors");
const app = express();

app.use(cors({ origin: /^http:\\/\\/localhost:3001$/ }));

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/2", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    name: "a hand-set origin for the old dev server, credentials without Allow-Credentials",
    file: "server.js",
    app: `const express = require("express");
const app = express();

app.use(function (req, res, next) {
  // dev front end
  res.setHeader("Access-Control-Allow-Origin", "http://localhost:3000");
  res.setHeader("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type");
  next();
});

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "PUT", path: "/api/items/4", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
  {
    name: "a hand-written allowlist middleware, a logger and body-parser: the new front end is not listed",
    file: "server.js",
    app: `const express = require("express");
const bodyParser = require("body-parser");

const app = express();
const allowedOrigins = ["ORIGIN"];

app.use((req, res, next) => {
  const started = Date.now();
  res.on("finish", () => console.log(req.method, req.originalUrl, res.statusCode, Date.now() - started));
  next();
});
app.use(bodyParser.json());
app.use((req, res, next) => {
  const { origin } = req.headers;
  if (origin && allowedOrigins.includes(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
  }
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
  if (req.method === "OPTIONS") return res.sendStatus(204);
  next();
});

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "DELETE", path: "/api/items/5", origin: "ORIGIN2" },
    ],
    check: [],
  },
  {
    // Held out: written after the reader and run once before any change to it.
    name: "held-out: an env default origin for the Vite dev server, credentials",
    file: "server.mjs",
    app: `import express from "express";
import cors from "cors";

const app = express();

app.use(
  cors({
    origin: process.env.CLIENT_URL ?? "http://localhost:5173",
    credentials: true,
  })
);
app.use(express.json());

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
  {
    name: "held-out: app.options with a RegExp path and corsOptions lacking PATCH",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");
const app = express();

var corsOptions = {
  origin: ["ORIGIN"],
  methods: "GET,POST,PUT,DELETE",
};

app.options(/.*/, cors(corsOptions));
app.use(cors(corsOptions));

app.patch("/api/items/:id", (req, res) => res.json({ patched: true }));
${ROUTES}

${LISTEN}
`,
    calls: [{ method: "PATCH", path: "/api/items/8", origin: "ORIGIN", headers: json }],
    check: [{ code: "methods-miss-routes", line: 7 }],
  },
  {
    name: "held-out: app.all with a hand-set * lacking Authorization in Allow-Headers",
    file: "server.js",
    app: `const express = require("express");
const app = express();

app.all("/api/{*rest}", function (req, res, next) {
  res.header("Access-Control-Allow-Origin", "*");
  res.header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type");
  res.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  next();
});

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [["Authorization", "Bearer x"]] },
    ],
    check: [],
  },
  {
    name: "no CORS at all (ES module)",
    file: "api.mjs",
    app: `import express from "express";

const app = express();
app.use(express.json());

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "no-cors", line: 3 }],
  },
  {
    // An origin callback whose test CORS Lens cannot extend from inside (a subdomain RegExp): fix
    // wraps it, the page's origin answered first, every other origin handed to it as before.
    name: "an origin callback testing a subdomain RegExp, the page on localhost",
    file: "server.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();
app.use(express.json());
app.use(
  cors({
    origin: (origin, callback) => {
      if (!origin || /^https:\\/\\/([a-z0-9-]+\\.)?shop\\.example\\.com$/.test(origin)) {
        return callback(null, true);
      }
      callback(new Error("Not allowed by CORS"));
    },
    credentials: true,
  }),
);

${ROUTES}

${LISTEN}
`,
    calls: [{ method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json, credentials: true }],
    check: [{ code: "origin-error-500", line: 8 }],
  },
  {
    // An app made in a function that returns it, exported for the tests (supertest) and started
    // only when run directly: cors() is set up inside it with the production origins.
    name: "an app made in createApp() whose origin list lacks the page",
    file: "app.js",
    app: `const express = require("express");
const cors = require("cors");

function createApp() {
  const app = express();
  const allowedOrigins = ["https://shop.example.com", "https://admin.example.com"];

  app.use(express.json());
  app.use(cors({ origin: allowedOrigins, credentials: true }));

  app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
  app.put("/api/items/:id", (req, res) => res.json({ id: req.params.id }));
  return app;
}

module.exports = createApp;

if (require.main === module) {
  const port = Number(process.env.PORT) || 3000;
  createApp().listen(port, "127.0.0.1");
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", credentials: true },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
  {
    // The same layout as an ES module with no CORS at all: the printed app.use(cors(…)) goes inside
    // the function, at its indentation, with the import at the top.
    name: "an app made in an exported buildApp() with no CORS at all",
    file: "app.mjs",
    app: `import express from "express";

export function buildApp() {
  const app = express();
  app.use(express.json());
  app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
  app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));
  return app;
}

buildApp().listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "no-cors", line: 4 }],
  },
  {
    // react-admin's ra-data-json-server reads the list's X-Total-Count (its "The X-Total-Count header
    // is missing in the HTTP Response" error), a created record's client its Location: CORS added
    // from nothing must expose what the routes write, or the page fails one step later.
    name: "no CORS at all, the page reads X-Total-Count and Location the routes write",
    file: "server.js",
    app: `const express = require("express");

const app = express();
app.use(express.json());

const posts = [{ id: 1, title: "Hello" }];

app.get("/api/posts", (req, res) => {
  res.set("X-Total-Count", String(posts.length));
  res.json(posts);
});

app.post("/api/posts", (req, res) => {
  const post = { id: posts.length + 1, ...req.body };
  posts.push(post);
  res.location(\`/api/posts/\${post.id}\`);
  res.status(201).json(post);
});

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/posts", origin: "ORIGIN", reads: ["X-Total-Count"] },
      { method: "POST", path: "/api/posts", origin: "ORIGIN", headers: json, reads: ["Location"] },
    ],
    check: [{ code: "no-cors", line: 3 }],
  },
];

/** Correct apps: `check` reports nothing. */
export const EXPRESS_CORRECT: string[] = [
  `const express = require("express");
const cors = require("cors");
const app = express();
app.use(cors({ origin: ["https://app.example.com", /^https:\\/\\/[a-z0-9-]+\\.example\\.com$/], credentials: true }));
${ROUTES}
`,
  `import express from "express";
import cors from "cors";
const app = express();
app.use(cors());
app.use(express.static("public"));
${ROUTES}
`,
  `const express = require("express");
const cors = require("cors");
const app = express();
app.options("/api/items/:id", cors());
app.put("/api/items/:id", cors(), (req, res) => res.json({}));
`,
];
