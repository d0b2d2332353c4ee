import { describe, expect, it } from "vitest";
import {
  ConfigError,
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  readConfig,
} from "../../src/config";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const file = (text: string, path = "server.js"): ConfigFile => ({ path, text });
const BASE = "http://localhost:3000";

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  return readConfig([file(text)]).answer({
    method: "GET",
    headers: [["Origin", APP]],
    ...req,
    url: `${BASE}${req.url}`,
  });
}

const preflight = (method: string, headers = ""): HeaderList => [
  ["Origin", APP],
  ["Access-Control-Request-Method", method],
  ...(headers ? ([["Access-Control-Request-Headers", headers]] as HeaderList) : []),
];

function known(a: ReturnType<typeof ask>): { status: number; headers: HeaderList } {
  if (a.kind !== "known") throw new Error(`unknown: ${JSON.stringify(a.why)}`);
  return a;
}

const get = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

const CJS = (body: string) => `const express = require("express");
const cors = require("cors");

const app = express();
${body}
app.get("/api/items", (req, res) => res.json([]));
app.put("/api/items/:id", (req, res) => res.json({ ok: true }));
app.listen(process.env.PORT || 3000);
`;

/** The evidence: the broken app's answers, the application's own status recorded as 200. */
const evidence = (
  text: string,
  calls: Array<{
    url: string;
    method?: string;
    origin?: string;
    headers?: HeaderList;
    credentials?: "include" | "omit";
  }>,
) =>
  recordedFrom(
    [file(text)],
    calls.map((c) => ({
      ...c,
      url: `${BASE}${c.url}`,
      recorded: { preflight: null, actual: { status: 200, headers: [] } },
    })),
  );

function fix(text: string, calls: Parameters<typeof evidence>[1]) {
  const r = fixConfig([file(text)], evidence(text, calls));
  const after = r.files[0]?.after ?? text;
  return { r, after, diff: fixDiff(r) };
}

describe("Express: detection and syntax", () => {
  it("reads .js/.mjs/.cjs/.ts files that import express, and refuses other JS apps", () => {
    expect(detectFormat(file(CJS(""), "app.js"))).toEqual({ format: "express" });
    expect(detectFormat(file('import express from "express";\n', "server.mts"))).toEqual({
      format: "express",
    });
    expect(detectFormat(file('import Fastify from "fastify";\n', "app.ts"))).toEqual({ format: "fastify" });
    expect(detectFormat(file('import { createServer } from "node:http";\n', "app.ts"))).toHaveProperty(
      "unsupported",
    );
  });

  it("a syntax error is a ConfigError with file and line", () => {
    try {
      readConfig([file('const express = require("express");\nconst app = express(\napp.use(;\n')]);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).words.key).toBe("config.error.syntax");
      expect((e as ConfigError).words.params?.line).toBe(3);
    }
  });
});

describe("Express: what the app answers (the cors package's behaviour)", () => {
  it("cors() defaults: * and the default methods, reflected request headers, 204", () => {
    const a = known(
      ask(CJS("app.use(cors());"), {
        url: "/api/items/1",
        method: "OPTIONS",
        headers: preflight("PUT", "x-api-key"),
      }),
    );
    expect(a.status).toBe(204);
    expect(get(a.headers, "access-control-allow-origin")).toEqual(["*"]);
    expect(get(a.headers, "access-control-allow-methods")).toEqual(["GET,HEAD,PUT,PATCH,POST,DELETE"]);
    expect(get(a.headers, "access-control-allow-headers")).toEqual(["x-api-key"]);
    expect(get(a.headers, "vary")).toEqual(["Access-Control-Request-Headers"]);
  });

  it("a list reflects a listed origin with Vary, omits Allow-Origin for others; a RegExp; TypeScript and ESM", () => {
    const ts = `import express, { Request, Response } from "express";
import cors from "cors";
const app = express();
const allowed: string[] = ["${APP}", /\\.example\\.org$/] as any;
app.use(cors({ origin: allowed, credentials: true, exposedHeaders: ["X-Total"] }));
app.get("/api/items", (req: Request, res: Response) => res.json([]));
`;
    const ok = known(ask(ts, { url: "/api/items", upstream: { status: 200, headers: [] } }));
    expect(ok.status).toBe(200);
    expect(get(ok.headers, "access-control-allow-origin")).toEqual([APP]);
    expect(get(ok.headers, "access-control-allow-credentials")).toEqual(["true"]);
    expect(get(ok.headers, "access-control-expose-headers")).toEqual(["X-Total"]);
    expect(get(ok.headers, "vary")).toEqual(["Origin"]);
    const other = known(ask(ts, { url: "/api/items", headers: [["Origin", ADMIN]] }));
    expect(get(other.headers, "access-control-allow-origin")).toEqual([]);
    const org = known(ask(ts, { url: "/api/items", headers: [["Origin", "https://x.example.org"]] }));
    expect(get(org.headers, "access-control-allow-origin")).toEqual(["https://x.example.org"]);
  });

  it("the README's origin callback: listed origins pass, others get next(err): a 500 without CORS", () => {
    const text = CJS(`const whitelist = ["${APP}"];
const corsOptions = {
  origin: function (origin, callback) {
    if (!origin || whitelist.indexOf(origin) !== -1) {
      callback(null, true);
    } else {
      callback(new Error("Not allowed by CORS"));
    }
  },
};
app.use(cors(corsOptions));`);
    expect(get(known(ask(text, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([
      APP,
    ]);
    const refused = known(
      ask(text, {
        url: "/api/items/1",
        method: "OPTIONS",
        headers: [
          ["Origin", ADMIN],
          ["Access-Control-Request-Method", "PUT"],
        ],
      }),
    );
    expect(refused.status).toBe(500);
    expect(get(refused.headers, "access-control-allow-origin")).toEqual([]);
  });

  it("registration order: auth before cors answers 401 without CORS; routes before cors answer without it", () => {
    const authFirst = CJS(`app.use((req, res, next) => {
  if (!req.headers.authorization) return res.sendStatus(401);
  next();
});
app.use(cors());`);
    const a = known(ask(authFirst, { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT") }));
    expect(a.status).toBe(401);
    expect(get(a.headers, "access-control-allow-origin")).toEqual([]);
    const routeFirst = `const express = require("express");
const cors = require("cors");
const app = express();
app.get("/api/items", (req, res) => res.json([]));
app.use(cors());
`;
    const r = known(ask(routeFirst, { url: "/api/items", upstream: { status: 200, headers: [] } }));
    expect(get(r.headers, "access-control-allow-origin")).toEqual([]);
  });

  it("express-jwt lets a preflight that announces Authorization through; passport answers 401", () => {
    const jwt = CJS(`app.use(expressjwt({ secret: "s", algorithms: ["HS256"] }));\napp.use(cors());`).replace(
      'const cors = require("cors");',
      'const cors = require("cors");\nconst { expressjwt } = require("express-jwt");',
    );
    expect(
      known(ask(jwt, { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT", "authorization") }))
        .status,
    ).toBe(204);
    const passport = CJS(`app.use(passport.authenticate("jwt", { session: false }));\napp.use(cors());`);
    expect(
      known(ask(passport, { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT") })).status,
    ).toBe(401);
  });

  it("per-route cors(): the preflight gets the router's automatic 200 (Allow) without CORS; unmatched paths 404", () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
app.put("/api/items/:id", cors({ origin: "${APP}" }), (req, res) => res.json({}));
`;
    const p = known(ask(text, { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT") }));
    expect(p.status).toBe(200);
    expect(get(p.headers, "access-control-allow-origin")).toEqual([]);
    expect(known(ask(text, { url: "/nowhere", method: "OPTIONS", headers: preflight("PUT") })).status).toBe(
      404,
    );
  });

  it("a hand-written middleware: headers set, OPTIONS answered, an allowlist test", () => {
    const text = CJS(`const allowedOrigins = ["${APP}"];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (allowedOrigins.includes(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
  }
  res.header("Access-Control-Allow-Methods", "GET, POST");
  res.set({ "Access-Control-Allow-Headers": "Content-Type" });
  if (req.method === "OPTIONS") return res.sendStatus(204);
  next();
});`);
    const a = known(ask(text, { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT") }));
    expect(a.status).toBe(204);
    expect(get(a.headers, "access-control-allow-origin")).toEqual([APP]);
    expect(get(a.headers, "access-control-allow-methods")).toEqual(["GET, POST"]);
    const other = known(ask(text, { url: "/api/items", headers: [["Origin", ADMIN]] }));
    expect(get(other.headers, "access-control-allow-origin")).toEqual([]);
  });

  it("routers mounted with app.use(path, router); an imported middleware it cannot see is unknown", () => {
    const text = `import express from "express";
import cors from "cors";
import { throttle } from "./rate.js";
const app = express();
const api = express.Router();
api.use(cors({ origin: "${APP}" }));
api.get("/items", (req, res) => res.json([]));
app.use("/api", api);
app.use("/other", throttle);
`;
    expect(get(known(ask(text, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([
      APP,
    ]);
    const u = ask(text, { url: "/other/x" });
    expect(u.kind).toBe("unknown");
    const computed = ask(CJS("app.use(cors({ origin: getOrigins() }));"), { url: "/api/items" });
    expect(computed.kind === "unknown" && computed.why.key).toBe("config.express.unknown.value");
    expect(
      ask(CJS('app.use(cors({ origin: process.env.ORIGIN ?? "https://app.example.com" }));'), {
        url: "/api/items",
      }).kind,
    ).toBe("known");
  });
});

describe("Express: fix", () => {
  it("cors() used inside one mounted router only: the router that answers the path gets the same cors()", () => {
    const text = CJS(`const projects = express.Router();
projects.use(cors({ origin: "${APP}" }));
projects.get("/", (req, res) => res.json([]));
const users = express.Router();
users.get("/", (req, res) => res.json({ user: "ada" }));
app.use("/api/projects", projects);
app.use("/api/users", users);`);
    const { r, after } = fix(text, [{ url: "/api/users" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(`const users = express.Router();\nusers.use(cors({ origin: "${APP}" }));\n`);
    expect(r.edits.map((e) => e.why.key)).toEqual(["config.express.fix.router-cors"]);
    // Options declared after the router it would go on: copied there they would throw at start-up
    // (a const read before its declaration), so no such line is printed.
    const later = CJS(`const users = express.Router();
users.get("/", (req, res) => res.json({ user: "ada" }));
const projects = express.Router();
const corsOptions = { origin: "${APP}" };
projects.use(cors(corsOptions));
projects.get("/", (req, res) => res.json([]));
app.use("/api/projects", projects);
app.use("/api/users", users);`);
    const refused = fix(later, [{ url: "/api/users" }]);
    expect(refused.r.ok).toBe(false);
    expect(refused.after).not.toContain("users.use(cors(corsOptions))");
  });

  it("moves cors() before the auth middleware that answered the preflight, with the options it uses", () => {
    const text = CJS(`app.use((req, res, next) => {
  if (!req.headers.authorization) return res.status(401).json({ error: "unauthorized" });
  next();
});
const corsOptions = { origin: "${APP}", methods: ["GET", "PUT"] };
app.use(cors(corsOptions));`);
    const { r, after } = fix(text, [
      {
        url: "/api/items/1",
        method: "PUT",
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer t"],
        ],
      },
    ]);
    expect(r.ok).toBe(true);
    expect(after.indexOf("app.use(cors(corsOptions))")).toBeLessThan(
      after.indexOf("req.headers.authorization"),
    );
    expect(after.indexOf("const corsOptions")).toBeLessThan(after.indexOf("app.use(cors(corsOptions))"));
    expect(
      fix(after, [{ url: "/api/items/1", method: "PUT", headers: [["Content-Type", "application/json"]] }])
        .diff,
    ).toBe("");
  });

  it("a fixed origin becomes a list; methods and headers lists grow; nothing narrower", () => {
    const text = CJS(`app.use(
  cors({
    origin: "${APP}",
    methods: "GET,POST",
    allowedHeaders: ["Content-Type"],
  }),
);`);
    const { r, after } = fix(text, [
      { url: "/api/items", origin: ADMIN },
      {
        url: "/api/items/1",
        method: "PUT",
        origin: APP,
        headers: [
          ["Content-Type", "application/json"],
          ["X-Api-Key", "k"],
        ],
      },
    ]);
    expect(r.ok).toBe(true);
    expect(after).toContain(`origin: ["${APP}", "${ADMIN}"]`);
    expect(after).toContain('methods: "GET,POST,PUT"');
    expect(after).toContain('allowedHeaders: ["Content-Type", "X-Api-Key"]');
  });

  it("* with credentials: * kept for other origins through a callback the reader reads back", () => {
    const text = CJS('app.use(cors({ origin: "*", credentials: true }));');
    const { r, after } = fix(text, [{ url: "/api/items", credentials: "include" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `(origin, callback) => callback(null, ["${APP}"].includes(origin) ? origin : "*")`,
    );
    expect(r.rows.filter((x) => x.source === "standard").every((x) => x.after.verdict === "allowed")).toBe(
      true,
    );
  });

  it("the README callback's allowlist gets the origin", () => {
    const text = CJS(`const allowlist = ["${APP}"];
app.use(cors({ origin: (origin, cb) => cb(null, allowlist.includes(origin)) }));`);
    const { r, after } = fix(text, [{ url: "/api/items", origin: ADMIN }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(`const allowlist = ["${APP}", "${ADMIN}"];`);
  });

  it("per-route cors(): app.options for the path, with the same options", () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
const opts = { origin: "${APP}" };
app.put("/api/items/:id", cors(opts), (req, res) => res.json({}));
`;
    const { r, after } = fix(text, [
      { url: "/api/items/1", method: "PUT", headers: [["Content-Type", "application/json"]] },
    ]);
    expect(r.ok).toBe(true);
    expect(after).toContain('app.options("/api/items/:id", cors(opts));\napp.put(');
  });

  it("no CORS at all: cors imported and registered after the app is made (ESM)", () => {
    const text = `import express from "express";

const app = express();
app.get("/api/items", (req, res) => res.json([]));
`;
    const { r, after } = fix(text, [{ url: "/api/items" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain('import express from "express";\nimport cors from "cors";\n');
    expect(after).toContain(`const app = express();\napp.use(cors({ origin: ["${APP}"] }));\n`);
  });

  it("hand-set lists grow in place, keeping the comments", () => {
    const text = CJS(`// CORS for the SPA
app.use((req, res, next) => {
  res.header("Access-Control-Allow-Origin", "*");
  res.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS"); // keep in sync
  if (req.method === "OPTIONS") return res.sendStatus(200);
  next();
});`);
    const { r, after } = fix(text, [{ url: "/api/items/1", method: "DELETE" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain('"GET, POST, OPTIONS, DELETE"); // keep in sync');
    expect(after).toContain("// CORS for the SPA");
  });
});

describe("Express: check", () => {
  it("finds the planted problems with their lines", () => {
    const text = CJS(`app.use(express.static("public"));
app.use(passport.authenticate("jwt", { session: false }));
app.use(cors({
  origin: [/^https:\\/\\/app.example.com/, "null"],
  credentials: true,
}));`);
    const codes = checkConfig([file(text)]).findings.map((f) => [f.code, f.line]);
    expect(codes).toContainEqual(["cors-after-static", 7]);
    expect(codes).toContainEqual(["origin-regex-dot", 8]);
    expect(codes).toContainEqual(["origin-regex-anchor", 8]);
    expect(codes).toContainEqual(["null-origin-allowed", 8]);
    const wild = checkConfig([file(CJS('app.use(cors({ origin: "*", credentials: true }));'))]).findings;
    expect(wild.map((f) => [f.code, f.line])).toEqual([["wildcard-with-credentials", 5]]);
    // Written on two lines: the finding stays on `credentials`, the `origin: "*"` line is named too.
    const split = checkConfig([
      file(CJS('app.use(cors({\n  origin: "*",\n  credentials: true,\n}));')),
    ]).findings;
    expect(split.map((f) => [f.code, f.line, f.also?.map((a) => a.line)])).toEqual([
      ["wildcard-with-credentials", 7, [6]],
    ]);
    const route = checkConfig([
      file(CJS(`app.delete("/api/items/:id", cors(), (req, res) => res.end());`)),
    ]).findings;
    expect(route.map((f) => f.code)).toEqual(["cors-on-route-only"]);
    const hand = checkConfig([
      file(
        CJS(`app.use((req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
  res.setHeader("Access-Control-Allow-Credentials", "true");
  next();
});`),
      ),
    ]).findings.map((f) => [f.code, f.line]);
    expect(hand).toContainEqual(["reflected-with-credentials", 6]);
    expect(hand).toContainEqual(["vary-origin-missing", 6]);
  });

  it("nothing on correct apps", () => {
    for (const body of [
      "app.use(cors());",
      `app.use(cors({ origin: ["${APP}", /^https:\\/\\/[a-z]+\\.example\\.com$/], credentials: true }));`,
      `app.use(cors({ origin: "${APP}" }));\napp.use(express.static("public"));`,
    ])
      expect(checkConfig([file(CJS(body))]).findings).toEqual([]);
  });
});

describe("Express: code as projects write it", () => {
  it("a hand-set fixed origin becomes the request's origin when listed, with Vary; credentials added", () => {
    const text = CJS(`app.use(function (req, res, next) {
  res.setHeader("Access-Control-Allow-Origin", "http://localhost:3000");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type");
  next();
});`);
    const { r, after } = fix(text, [{ url: "/api/items", credentials: "include" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `res.setHeader("Access-Control-Allow-Origin", ["http://localhost:3000", "${APP}"].includes(req.headers.origin) ? req.headers.origin : "http://localhost:3000");\n  res.setHeader("Vary", "Origin");\n  res.setHeader("Access-Control-Allow-Credentials", "true");\n`,
    );
    expect(fix(after, [{ url: "/api/items", credentials: "include" }]).diff).toBe("");
  });

  it("a hand-written allowlist test gets the origin", () => {
    const text = CJS(`const allowedOrigins = [
  "http://localhost:3000",
];
app.use((req, res, next) => {
  const { origin } = req.headers;
  if (allowedOrigins.includes(req.headers.origin)) res.header("Access-Control-Allow-Origin", req.headers.origin);
  res.header("Vary", "Origin");
  next();
});`);
    const { r, after } = fix(text, [{ url: "/api/items" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(`const allowedOrigins = [\n  "http://localhost:3000",\n  "${APP}",\n];`);
  });

  it("require('cors')() inline, a rate limiter and a logger with Date.now() pass the request on", () => {
    const text = `const express = require("express");
const rateLimit = require("express-rate-limit");
const app = express();
app.use(rateLimit({ windowMs: 60000, max: 100 }));
app.use((req, res, next) => {
  const started = Date.now();
  res.on("finish", () => console.log(req.method, req.url, Date.now() - started));
  console.log(\`\${req.method} \${req.url}\`);
  next();
});
app.use(require("cors")({ origin: "${APP}" }));
app.get("/api/items", (req, res) => res.json([]));
`;
    const a = known(ask(text, { url: "/api/items" }));
    expect(get(a.headers, "access-control-allow-origin")).toEqual([APP]);
  });
});

describe("Express: hostile input", () => {
  it("never crashes or hangs on odd code: each answer is known or unknown", () => {
    const bodies = [
      "const a = b;\nconst b = a;\napp.use(cors({ origin: a }));",
      'app.use("/%E0%A4%A", cors());',
      'app.get("/(((", (req, res) => res.end());\napp.use(cors({ origin: [,] }));',
      "app.use((req, res, next) => { while (true) {} });",
      "app.use((req, res, next) => { for (;;) next(); });",
      "app.use(cors({ ...defaults }));",
      "app.use((req, res, next) => req.method === 'OPTIONS' ? res.sendStatus(204) : next());",
      `app.use(cors({ origin: (o, cb) => cb(null, o.endsWith(".example.com")) }));`,
    ];
    for (const body of bodies) {
      const text = CJS(body);
      for (const url of ["/api/items", "/api/%zz", "/x/../api/items"])
        for (const method of ["GET", "OPTIONS", "DELETE"]) {
          const a = ask(text, {
            url,
            method,
            headers: method === "OPTIONS" ? preflight("PUT") : [["Origin", APP]],
          });
          expect(["known", "unknown"]).toContain(a.kind);
        }
      expect(() => checkConfig([file(text)])).not.toThrow();
    }
  });
});

// expressjs/express#6428: Express 5's `app.options(/.*/, cors())` (for 4's `app.options("*")`)
// answers every preflight with a bare cors() before the app's configured one.
describe("Express: a bare cors() on app.options before the configured one", () => {
  const text = `import express from "express";
import cors from "cors";

const app = express();

app.options(/.*/, cors());
app.use(cors({ origin: "${APP}", credentials: true }));
app.put("/api/items/:id", (req, res) => res.json({}));
`;
  it("check names the OPTIONS route; fix gives it one options object that parses", () => {
    expect(checkConfig([file(text, "server.mjs")]).findings.map((f) => [f.code, f.line])).toEqual([
      ["preflight-answered-first", 6],
    ]);
    const ev = recordedFrom(
      [file(text, "server.mjs")],
      [
        {
          url: `${BASE}/api/items/1`,
          method: "PUT",
          credentials: "include",
          headers: [["Content-Type", "application/json"]],
          recorded: { preflight: null, actual: { status: 200, headers: [] } },
        },
      ],
    );
    const r = fixConfig([file(text, "server.mjs")], ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      `app.options(/.*/, cors({ origin: (origin, callback) => callback(null, ["${APP}"].includes(origin) ? origin : "*"), credentials: true }));`,
    );
  });
});

describe("Express: held-out set 2 (#23): env allowlists, a route chain's cors(), discarded cors()", () => {
  const codes = (text: string) => checkConfig([file(text)]).findings.map((f) => [f.code, f.line]);

  it("JSON.parse(process.env.X || '[…]') is read as its default; the patch flattens it into a longer list", () => {
    const text = CJS(`const allowlist = JSON.parse(process.env.ALLOW || '["${APP}"]');
app.use(cors({ origin: (origin, cb) => (allowlist.indexOf(origin) !== -1 ? cb(null, true) : cb("no")) }));`);
    expect(get(known(ask(text, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([
      APP,
    ]);
    expect(known(ask(text, { url: "/api/items", headers: [["Origin", ADMIN]] })).status).toBe(500);
    const { r, after } = fix(text, [{ url: "/api/items", origin: ADMIN }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `const allowlist = [JSON.parse(process.env.ALLOW || '["${APP}"]'), "${ADMIN}"].flat();`,
    );
    // Used other than by indexOf/includes: flattening could change what else reads it, so the list
    // stays and the function is wrapped instead (the page's origin first, the rest to it unchanged).
    const other = text.replace("app.use(cors(", "console.log(allowlist.length);\napp.use(cors(");
    const wrapped = fix(other, [{ url: "/api/items", origin: ADMIN }]);
    expect(wrapped.r.ok).toBe(true);
    expect(wrapped.after).toContain(`const allowlist = JSON.parse(process.env.ALLOW || '["${APP}"]');`);
    expect(wrapped.after).toContain(
      `["${ADMIN}"].includes(requestOrigin) ? callback(null, true) : ((origin, cb) =>`,
    );
  });

  it("process.env.X in an origin list matches no origin, is flagged, and is kept by the patch", () => {
    const text = CJS(`app.use(cors({ origin: [process.env.URL, "${APP}"] }));`);
    expect(get(known(ask(text, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([
      APP,
    ]);
    expect(
      get(
        known(ask(text, { url: "/api/items", headers: [["Origin", ADMIN]] })).headers,
        "access-control-allow-origin",
      ),
    ).toEqual([]);
    expect(codes(text)).toEqual([["origin-env-entry", 5]]);
    const { r, after } = fix(text, [{ url: "/api/items", origin: ADMIN }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(`origin: [process.env.URL, "${APP}", "${ADMIN}"]`);
  });

  it("cors() in a router's route chain: check names the cors() call's line; the router gets its OPTIONS route", () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
const router = express.Router();
router.route("/api/items/:id")
  .delete(cors(), (req, res) => res.status(204).end());
app.use(router);
`;
    expect(codes(text)).toEqual([["cors-on-route-only", 6]]);
    const { r, after } = fix(text, [{ url: "/api/items/1", method: "DELETE" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain('router.options("/api/items/:id", cors());\nrouter.route(');
  });

  it("methods that leave out a route's method are flagged on the methods line", () => {
    const text = CJS(`app.use(cors({ origin: "${APP}", methods: ["GET", "POST"] }));`);
    expect(codes(text)).toEqual([["methods-miss-routes", 5]]);
    expect(codes(CJS(`app.use(cors({ origin: "${APP}", methods: "GET,PUT" }));`))).toEqual([]);
  });

  it("an allowedHeaders list without Content-Type where routes take bodies is flagged on its line", () => {
    const text = CJS(`app.use(cors({ origin: "${APP}", allowedHeaders: ["Authorization"] }));`);
    expect(codes(text)).toEqual([["headers-miss-content-type", 5]]);
    expect(
      codes(CJS(`app.use(cors({ origin: "${APP}", allowedHeaders: "Authorization, content-type" }));`)),
    ).toEqual([]);
  });

  it("cors(…) built and thrown away in a middleware never runs: flagged, and the patch runs it", () => {
    const text = CJS(`app.use((req, res, next) => {
  cors({ origin: "${APP}" });
  next();
});`);
    expect(codes(text)).toEqual([["cors-never-run", 6]]);
    expect(get(known(ask(text, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([]);
    const { r, after } = fix(text, [{ url: "/api/items" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `app.use((req, res, next) => {\n  return cors({ origin: "${APP}" })(req, res, next);\n});`,
    );
    expect(get(known(ask(after, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([
      APP,
    ]);
  });

  it("a thrown-away cors(…) followed by other statements is not patched into a return that skips them", () => {
    const text = CJS(`app.use((req, res, next) => {
  cors({ origin: "${APP}" });
  res.set("X-Served-By", "api");
  next();
});`);
    const { after } = fix(text, [{ url: "/api/items" }]);
    expect(after).toContain('  res.set("X-Served-By", "api");\n  next();');
    expect(after).not.toContain(`return cors({ origin: "${APP}" })`);
  });

  // expressjs/cors#293: the allowlist the callback reads holds a template string (no plain literal).
  it("an allowlist of template strings read by the origin callback gets the origin appended", () => {
    const text = CJS(`const config = { frontendUrl: process.env.FRONTEND_URL || "https://shop.example.com" };
const allowedOrigins = [\`\${config.frontendUrl}\`];
app.use(
  cors({
    origin: function (origin, callback) {
      if (!origin) return callback(null, true);
      if (allowedOrigins.indexOf(origin) === -1) return callback(new Error("refused"), false);
      return callback(null, true);
    },
    credentials: true,
  }),
);`);
    const { r, after } = fix(text, [
      {
        url: "/api/items/1",
        method: "PUT",
        headers: [["Content-Type", "application/json"]],
        credentials: "include",
      },
    ]);
    expect(r.ok, JSON.stringify(r.cannot)).toBe(true);
    expect(after).toContain(`const allowedOrigins = [\`\${config.frontendUrl}\`, "${APP}"];`);
  });

  it("an origin already in the list the callback reads is not added again: fix says why", () => {
    // indexOf(…) > 0 skips the first entry: the list holds the origin, the test still refuses it.
    const text = CJS(`const allowed = ["${APP}"];
app.use(cors({ origin: (origin, cb) => cb(null, allowed.indexOf(origin) > 0) }));`);
    const { r, after } = fix(text, [{ url: "/api/items" }]);
    expect(r.ok).toBe(false);
    expect(after).toBe(text);
    expect(r.cannot.map((c) => c.why.key)).toEqual(["config.express.cannot.origin-listed"]);
  });

  // The cors package compares a string origin with the Origin header whole
  // (https://github.com/expressjs/cors/blob/master/lib/index.js, `isOriginAllowed`): a trailing
  // slash or a path never matches.
  it("an origin written with a trailing slash or a path: check names its line; fix allows the page", () => {
    const text = CJS(`app.use(cors({
  origin: [
    "${APP}/",
    "${ADMIN}/admin",
  ],
}));`);
    expect(codes(text).filter(([c]) => c === "origin-path")).toEqual([
      ["origin-path", 7],
      ["origin-path", 8],
    ]);
    const words = checkConfig([file(text)]).findings.filter((f) => f.code === "origin-path");
    expect(words.map((f) => f.words.params?.origin)).toEqual([APP, ADMIN]);
    const { r, after } = fix(text, [{ url: "/api/items" }]);
    expect(r.ok, JSON.stringify(r.cannot)).toBe(true);
    expect(get(known(ask(after, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([
      APP,
    ]);
    // An origin as the browser sends it: nothing to say.
    expect(codes(CJS(`app.use(cors({ origin: "${APP}" }));`)).map(([c]) => c)).not.toContain("origin-path");
  });

  // directus/directus#12265: a CSV string given to cors goes out whole as one Allow-Origin.
  it("a comma-separated origin string: check names where it is written; fix splits it into a list", () => {
    const text = CJS(`const corsOrigin = process.env.CORS_DOMAINS || "${ADMIN},${APP}";
app.use(cors({ origin: corsOrigin, credentials: true }));`);
    expect(codes(text)).toContainEqual(["origin-list", 5]);
    const { r, after } = fix(text, [
      { url: "/api/items" },
      { url: "/api/items/1", method: "PUT", origin: ADMIN },
    ]);
    expect(r.ok, JSON.stringify(r.cannot)).toBe(true);
    expect(after).toContain(
      'app.use(cors({ origin: corsOrigin === "*" ? "*" : corsOrigin.split(",").map((s) => s.trim()), credentials: true }));',
    );
    expect(get(known(ask(after, { url: "/api/items" })).headers, "access-control-allow-origin")).toEqual([
      APP,
    ]);
    // Written in the option itself: the literal becomes the list.
    const inline = CJS(`app.use(cors({ origin: "${APP}, ${ADMIN}" }));`);
    const fixed = fix(inline, [{ url: "/api/items" }]);
    expect(fixed.r.ok).toBe(true);
    expect(fixed.after).toContain(`app.use(cors({ origin: ["${APP}", "${ADMIN}"] }));`);
  });
});
