/**
 * Broken Fastify apps (fastify 5, @fastify/cors 11) as projects write them, each rebuilding a
 * situation public issue threads report (the thread is named above each case; no text copied):
 * @fastify/cors 11's `GET,HEAD,POST` default refusing PUT/DELETE preflights, an auth hook added
 * before cors answering the preflight with 401, a fixed origin when a second front end arrives,
 * `*` with credentials, the README's allowlist callback refusing with an Error (a 500), cors
 * registered in a plugin without fastify-plugin (its hooks stay in that plugin), `allowedHeaders`
 * lacking Authorization, no CORS at all (Fastify's 404 to the preflight), an origin RegExp for the
 * wrong dev port, hand-set headers in an onRequest hook, credentials without `credentials: true`;
 * three held-out cases written after the reader (an env origin, route() with a preHandler, buildApp()).
 * ORIGIN and ORIGIN2 are the test pages' origins; the app listens on process.env.PORT.
 */
import type { ExpressCase } from "./config-express-cases";

const CJS = `const fastify = require("fastify")({ logger: false });
const cors = require("@fastify/cors");`;
const ESM = `import Fastify from "fastify";
import cors from "@fastify/cors";`;
const ROUTES = (app: string) => `${app}.get("/api/items", async () => [{ id: 1 }]);
${app}.post("/api/items", async (request, reply) => reply.code(201).send({ id: 2 }));
${app}.put("/api/items/:id", async (request) => ({ id: request.params.id }));
${app}.delete("/api/items/:id", async (request, reply) => reply.code(204).send());
${app}.get("/api/me", async () => ({ user: "ada" }));`;
const LISTEN = (app: string) =>
  `${app}.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const FASTIFY_CASES: ExpressCase[] = [
  {
    // https://github.com/fastify/fastify-cors/issues/370 (PUT refused after upgrading to v11)
    name: "Fastify: @fastify/cors 11's default methods (GET,HEAD,POST) refuse the PUT and DELETE preflights",
    file: "server.js",
    app: `${CJS}

fastify.register(cors, { origin: "ORIGIN" });

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [{ code: "methods-miss-routes", line: 4 }],
  },
  {
    // https://github.com/fastify/fastify-cors/pull/103 (the preflight must be answered before auth)
    name: "Fastify: an auth onRequest hook added before cors answers the preflight with 401",
    file: "app.js",
    app: `${CJS}

// Every /api call needs a bearer token.
fastify.addHook("onRequest", async (request, reply) => {
  if (!request.headers.authorization) {
    return reply.code(401).send({ error: "missing token" });
  }
});
fastify.register(cors, {
  origin: "ORIGIN",
  allowedHeaders: ["Content-Type", "Authorization"],
});

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", headers: [["Authorization", "Bearer t0k3n"]] },
    ],
    check: [
      { code: "methods-miss-routes", line: 10 },
      { code: "cors-after-auth", line: 10 },
    ],
  },
  {
    // https://github.com/fastify/help/issues/639 (one origin as a string, then a list)
    name: "Fastify: a fixed origin string when a second front end arrives (ESM, await register)",
    file: "server.mjs",
    app: `${ESM}

const app = Fastify();

await app.register(cors, {
  origin: "ORIGIN", // the web app
});

${ROUTES("app")}

await ${LISTEN("app")}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN2", headers: json },
    ],
    check: [{ code: "methods-miss-routes", line: 6 }],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/48 (credentials: true with an origin the browser refuses)
    name: "Fastify: origin '*' with credentials: true, the page sends cookies",
    file: "index.js",
    app: `${CJS}

fastify.register(cors, {
  origin: "*",
  credentials: true,
});

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [{ method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true }],
    check: [
      { code: "methods-miss-routes", line: 4 },
      { code: "wildcard-with-credentials", line: 6 },
    ],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/4 (the README's allowlist callback)
    name: "Fastify: the allowlist callback refuses the new origin with an Error (a 500 preflight)",
    file: "server.js",
    app: `${CJS}

const allowlist = ["ORIGIN"];

fastify.register(cors, {
  origin: (origin, cb) => {
    if (!origin || allowlist.includes(origin)) {
      cb(null, true);
      return;
    }
    cb(new Error("Not allowed by CORS"), false);
  },
  methods: ["GET", "POST", "PUT", "DELETE"],
});

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [{ method: "PUT", path: "/api/items/3", origin: "ORIGIN2", headers: json }],
    check: [{ code: "origin-error-500", line: 7 }],
  },
  {
    // https://github.com/fastify/help/issues/767 and https://github.com/fastify/help/issues/690 (encapsulation)
    name: "Fastify: cors registered in a plugin without fastify-plugin reaches no route",
    file: "app.mjs",
    app: `${ESM}

const app = Fastify({ logger: false });

// plugins/cors
app.register(async function corsPlugin(instance) {
  await instance.register(cors, { origin: ["ORIGIN"], methods: ["GET", "POST"] });
});

${ROUTES("app")}

${LISTEN("app")}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "cors-encapsulated", line: 8 }],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/48 (an allowedHeaders list)
    name: "Fastify: allowedHeaders lists Content-Type only, the page sends Authorization",
    file: "server.cjs",
    app: `${CJS}

fastify.register(cors, {
  origin: ["ORIGIN", "ORIGIN2"],
  methods: "GET,HEAD,POST,PUT,DELETE",
  allowedHeaders: "Content-Type",
});

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [
      {
        method: "GET",
        path: "/api/me",
        origin: "ORIGIN2",
        headers: [["Authorization", "Bearer abc"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/fastify/issues/326 (no CORS in core: the preflight is a 404)
    name: "Fastify: no CORS at all, the JSON POST's preflight is Fastify's 404",
    file: "server.mjs",
    app: `import Fastify from "fastify";

const app = Fastify({ logger: false });

${ROUTES("app")}

${LISTEN("app")}
`,
    calls: [
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
    ],
    check: [{ code: "no-cors", line: 3 }],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/374 (a RegExp origin that does not match)
    name: "Fastify: an origin RegExp for another dev port",
    file: "dev-server.js",
    app: `${CJS}

fastify.register(cors, {
  origin: /^http:\\/\\/localhost:5173$/,
});

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [{ method: "GET", path: "/api/items", origin: "ORIGIN" }],
    check: [{ code: "methods-miss-routes", line: 4 }],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/20 (CORS headers written by hand)
    name: "Fastify: hand-set headers in an onRequest hook, for one origin and two methods",
    file: "server.js",
    app: `const fastify = require("fastify")();

fastify.addHook("onRequest", (request, reply, done) => {
  reply.header("Access-Control-Allow-Origin", "ORIGIN");
  reply.header("Access-Control-Allow-Methods", "GET, POST");
  reply.header("Access-Control-Allow-Headers", "Content-Type");
  if (request.method === "OPTIONS") {
    reply.code(204).send();
    return;
  }
  done();
});

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "DELETE", path: "/api/items/2", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/124 (a list of origins, cookies sent)
    name: "Fastify: the page sends cookies, cors lacks credentials: true",
    file: "server.mjs",
    app: `${ESM}

const app = Fastify();
const origins = ["ORIGIN", "ORIGIN2"];

await app.register(cors, { origin: origins });

${ROUTES("app")}

${LISTEN("app")}
`,
    calls: [{ method: "GET", path: "/api/me", origin: "ORIGIN2", credentials: true }],
    check: [{ code: "methods-miss-routes", line: 7 }],
  },
  // Held-out: written after the reader, run once before any change to it (results in docs/config.md).
  {
    // https://github.com/fastify/fastify-cors/issues/370 (PATCH refused under v11's defaults), with an env origin
    name: "Fastify (held-out): an origin from process.env with a default, PATCH from a second front end",
    file: "main.mjs",
    app: `import Fastify from "fastify";
import fastifyCors from "@fastify/cors";

const server = Fastify({ logger: false });

await server.register(fastifyCors, {
  origin: process.env.ALLOWED_WEB_APP ?? "ORIGIN",
});

server.patch("/api/profile", async (request) => ({ ok: true }));
server.get("/api/profile", async () => ({ name: "ada" }));

await server.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [{ method: "PATCH", path: "/api/profile", origin: "ORIGIN2", headers: json }],
    check: [{ code: "methods-miss-routes", line: 6 }],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/48 (methods list, credentials, reflected origin)
    name: "Fastify (held-out): route() with a decorated authenticate preHandler, origin true with credentials, PUT missing",
    file: "server.js",
    app: `const fastify = require("fastify")();

fastify.decorate("authenticate", async (request, reply) => {
  if (!request.headers.authorization) {
    return reply.code(401).send({ message: "Unauthorized" });
  }
});

fastify.register(require("@fastify/cors"), {
  origin: true,
  credentials: true,
  methods: ["GET", "POST"],
});

fastify.route({
  method: "PUT",
  url: "/api/profile",
  preHandler: fastify.authenticate,
  handler: async (request) => ({ saved: true }),
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      {
        method: "PUT",
        path: "/api/profile",
        origin: "ORIGIN",
        credentials: true,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer abc"],
        ],
      },
    ],
    check: [
      { code: "methods-miss-routes", line: 12 },
      { code: "reflected-with-credentials", line: 10 },
    ],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/374 (a RegExp origin), the app built in a function
    name: "Fastify (held-out): an app built in buildApp() with a RegExp origin for localhost only",
    file: "app.js",
    app: `"use strict";
const Fastify = require("fastify");
const cors = require("@fastify/cors");

function buildApp() {
  const app = Fastify({ logger: false });
  app.register(cors, { origin: [/^http:\\/\\/localhost:\\d+$/] });
  app.get("/api/items", async () => [{ id: 1 }]);
  return app;
}

buildApp().listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
    ],
    check: [],
  },
];

/**
 * Correct apps: `check` finds nothing. (The third lists its methods: @fastify/cors 11's default,
 * GET, HEAD and POST, refuses the PUT and DELETE routes' preflights — methods-miss-routes.)
 */
export const FASTIFY_CORRECT: string[] = [
  `const fastify = require("fastify")();
const cors = require("@fastify/cors");
fastify.register(cors, {
  origin: ["https://app.example.com", /^https:\\/\\/[a-z0-9-]+\\.example\\.com$/],
  credentials: true,
  methods: ["GET", "HEAD", "POST", "PUT", "DELETE"],
});
fastify.addHook("onRequest", async (request, reply) => {
  if (!request.headers.authorization) return reply.code(401).send();
});
${ROUTES("fastify")}
`,
  `import Fastify from "fastify";
import cors from "@fastify/cors";
const app = Fastify();
app.register(async (api) => {
  await api.register(cors, { origin: "https://app.example.com" });
  api.get("/items", async () => []);
}, { prefix: "/api" });
app.get("/health", async () => ({ ok: true }));
`,
  `import Fastify from "fastify";
import fp from "fastify-plugin";
import cors from "@fastify/cors";
const app = Fastify();
app.register(fp(async (instance) => {
  await instance.register(cors, { origin: true, methods: ["GET", "HEAD", "POST", "PUT", "DELETE"] });
}));
${ROUTES("app")}
`,
];
