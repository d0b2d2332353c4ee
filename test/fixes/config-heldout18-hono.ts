/**
 * Issue #23's eighteenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT18_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/kodadot/workers/issues/181 — "update the cors header": the project's Hono workers
    // answer CORS through an origin function that echoes an origin matching one of a list of patterns
    // (the main site, the nuxt deploy previews, the local dev server on 9090) and answers the main site's
    // address for anything else; the canary site's deploy previews (`--koda-canary.netlify.app`) are not
    // in the list, so their Allow-Origin is the main site's and "drops do not load". The worker is served
    // by @hono/node-server, the canary preview is the page (its pattern missing, as there). Root: the
    // pattern list without the page's pattern.
    name: "heldout18 Hono: the origin function's pattern list misses the canary previews, which get the main site's origin",
    url: "https://github.com/kodadot/workers/issues/181",
    rootText: "const MATCHES = [",
    file: "worker.mjs",
    app: `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'

const MAIN_SITE = 'https://kodadot.xyz'

const MATCHES = [
  /deploy-preview-[0-9]+--koda-nuxt.netlify.app/,
  /kodadot.xyz/,
  /localhost:9090/,
]

export const allowedOrigin = (origin) => {
  const match = MATCHES.find((r) => r.test(origin))
  if (match) {
    return origin
  }
  return MAIN_SITE
}

const drops = { 'free-drop': { id: 'free-drop', collection: 'ahp', minted: 115, max: 300 } }

const app = new Hono()

app.use('/drops/*', cors({ origin: allowedOrigin }))

app.get('/drops/:id', (c) => c.json(drops[c.req.param('id')] ?? null))
app.post('/drops/:id/claim', async (c) => {
  const { address } = await c.req.json()
  return c.json({ id: c.req.param('id'), address, sn: 116 })
})

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 8787, hostname: '127.0.0.1' })
`,
    calls: [
      { method: "GET", path: "/drops/free-drop", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/drops/free-drop/claim",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];

/**
 * A correct Hono app: hono/cors on /api/* ahead of the routes, an origin function over a set of the two
 * front ends (no Allow-Origin for any other), credentials, the methods and headers the page sends.
 */
export const HELD_OUT18_HONO_CORRECT = `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";

const FRONT_ENDS = new Set(["ORIGIN", "ORIGIN2"]);

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: (origin) => (FRONT_ENDS.has(origin) ? origin : null),
    allowMethods: ["GET", "PUT", "OPTIONS"],
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
