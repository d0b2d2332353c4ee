/**
 * Issue #23's fourteenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT14_HONO: Array<ExpressCase & Held3> = [
  {
    // https://zenn.dev/camomile_cafe/articles/b11a3f9b8f2f1d — "HonoでCORS対応をする": the GraphQL server
    // on Cloudflare Workers takes Hono's documented cors() example almost as is, its production and
    // development origins filled in, and the front end's calls still fail after the middleware is in
    // ("まだエラー解消されていない"): the example's allowHeaders (X-Custom-Header,
    // Upgrade-Insecure-Requests) does not name the Content-Type a GraphQL POST sends, so its preflight
    // is refused. (The stored copy of the article stops before its second error; this is the one the
    // configuration as written has.) Root: the allowHeaders line.
    name: "heldout14 Hono: the docs' allowHeaders example leaves out Content-Type, the GraphQL POST refused",
    url: "https://zenn.dev/camomile_cafe/articles/b11a3f9b8f2f1d",
    rootText: "allowHeaders: ['X-Custom-Header', 'Upgrade-Insecure-Requests'],",
    file: "server.mjs",
    app: `import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { serve } from '@hono/node-server'

const app = new Hono()

app.use(
  '/graphql',
  cors({
    origin: ['https://rod.expfrom.me', 'ORIGIN'], // 本番と開発環境のURL
    allowHeaders: ['X-Custom-Header', 'Upgrade-Insecure-Requests'],
    allowMethods: ['POST', 'GET', 'OPTIONS'],
    exposeHeaders: ['Content-Length', 'X-Kuma-Revision'],
    maxAge: 600,
    credentials: true,
  })
)

app.post('/graphql', async (c) => {
  const { query } = await c.req.json()
  return c.json({ data: { query: query ?? null, viewer: { name: 'rod' } } })
})

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 8787, hostname: '127.0.0.1' })
`,
    calls: [
      {
        method: "POST",
        path: "/graphql",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://extra.utcode.net/web-api/t2-cors — "CORS のドメイン指定と Cookie の Domain" (ut.code();'s
    // Web API course): the Hono server allows the front end by setting Access-Control-Allow-Origin in
    // the handler (`c.header(...)` before `c.text(...)`), which lets a simple GET through; a request with
    // another method or a header like a JSON Content-Type is preflighted first, and the page's next
    // section explains why that fails: no route answers the OPTIONS, so Hono's 404 goes back without any
    // CORS header. Written with the course's origin as the page's and a JSON POST. Root: the app whose
    // routes answer no preflight.
    name: "heldout14 Hono: Allow-Origin set in each handler, no route answers the JSON POST's preflight",
    url: "https://extra.utcode.net/web-api/t2-cors",
    rootText: "const app = new Hono()",
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { serve } from "@hono/node-server";

const app = new Hono()
  .get("/", async (c) => {
    c.header("Access-Control-Allow-Origin", "ORIGIN");
    return c.text(\`text sent from server \${Math.random()}\`);
  })
  .post("/messages", async (c) => {
    c.header("Access-Control-Allow-Origin", "ORIGIN");
    const body = await c.req.json();
    return c.json({ received: body.text ?? null }, 201);
  });

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/messages",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];

/**
 * A correct Hono app (the set's correct Hono configuration): cors() registered ahead of the routes, an
 * origin list of the two front ends, credentials, the methods and headers the page sends. ORIGIN and
 * ORIGIN2: the front ends.
 */
export const HELD_OUT14_HONO_CORRECT = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: ["ORIGIN", "ORIGIN2"],
    allowMethods: ["GET", "PUT"],
    allowHeaders: ["Content-Type", "Authorization"],
    credentials: true,
    maxAge: 600,
  }),
);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", (c) => c.json({ id: Number(c.req.param("id")) }));
app.get("/api/me", (c) => c.json({ user: "ada" }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 8787, hostname: "127.0.0.1" });
`;
