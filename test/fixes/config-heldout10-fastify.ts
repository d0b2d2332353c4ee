/**
 * Issue #23's tenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT10_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/dailydotdev/daily-api/pull/2798 — "fix: default cors methods": @fastify/cors'
    // breaking change made its default methods the CORS-safelisted ones (GET, HEAD, POST); an app that
    // relied on the defaults now refuses the DELETE's preflight. Root: the registration without
    // `methods`.
    name: "heldout10 Fastify: @fastify/cors relies on its default methods (GET, HEAD, POST), the DELETE refused",
    url: "https://github.com/dailydotdev/daily-api/pull/2798",
    rootText: "await app.register(cors, {",
    file: "server.mjs",
    app: `import Fastify from "fastify";
import cors from "@fastify/cors";

const app = Fastify({ logger: false });

await app.register(cors, {
  origin: ["ORIGIN", "ORIGIN2"],
  credentials: true,
});

app.get("/api/bookmarks", async () => [{ id: 1 }]);
app.delete("/api/bookmarks/:id", async (request, reply) => reply.code(204).send());

await app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/bookmarks", origin: "ORIGIN", credentials: true },
      { method: "DELETE", path: "/api/bookmarks/1", origin: "ORIGIN2", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/MatthewWid/better-sse/issues/107 — an event-stream route written straight to
    // reply.raw (hijacking Fastify's reply) bypasses the response headers @fastify/cors set, so the
    // stream reaches the page without Access-Control-Allow-Origin. Root: the raw writeHead line.
    name: "heldout10 Fastify: an event stream written to reply.raw skips @fastify/cors' headers",
    url: "https://github.com/MatthewWid/better-sse/issues/107",
    rootText: "reply.raw.writeHead(200, {",
    file: "server.js",
    app: `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const app = Fastify();

app.register(cors, { origin: ["ORIGIN", "ORIGIN2"] });

app.get("/api/items", async () => [{ id: 1 }]);

app.get("/api/events", (request, reply) => {
  reply.hijack();
  reply.raw.writeHead(200, {
    "Content-Type": "text/event-stream",
    "Cache-Control": "no-cache",
    Connection: "keep-alive",
  });
  reply.raw.write(\`data: \${JSON.stringify({ ready: true })}\\n\\n\`);
  reply.raw.end();
});

app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/events", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/73 — "Domain is blocked by CORS even though it is
    // in the origin string": the allowed origin is written as the host without the port the front end
    // is served on, and an origin includes its port, so the string sent back matches nothing. Root:
    // the origin line.
    name: "heldout10 Fastify: the allowed origin written without the front end's port",
    url: "https://github.com/fastify/fastify-cors/issues/73",
    rootText: 'origin: "http://localhost",',
    file: "index.js",
    app: `const fastify = require("fastify")({ logger: false });

fastify.register(require("@fastify/cors"), {
  origin: "http://localhost",
});

fastify.get("/api/batch_stock_prices/", async (request) => {
  const stocks = String(request.query.stocks || "").split(",");
  return stocks.map((symbol) => ({ symbol, price: 1 }));
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [{ method: "GET", path: "/api/batch_stock_prices/?stocks=AAPL,MSFT", origin: "ORIGIN" }],
    check: [],
  },
];
