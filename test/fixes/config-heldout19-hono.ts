/**
 * Issue #23's nineteenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT19_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/honojs/hono/issues/3493 — "CORS does not work with found endpoints": the app adds
    // the cors middleware for every path, yet Access-Control-Allow-Origin only shows up on a path that is
    // not found, never on the endpoints that exist; the answer in the thread: middleware has to be
    // registered before the routes, and here it comes after them, so a matched handler answers first. The
    // app (on Bun there) is served by @hono/node-server, its front end is the page. Root: the cors
    // middleware registered after the routes.
    name: "heldout19 Hono: cors() registered after the routes, the endpoints that exist answer without Allow-Origin",
    url: "https://github.com/honojs/hono/issues/3493",
    rootText: "app.use('*', cors())",
    file: "index.mjs",
    app: `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'

const app = new Hono()

app.get('/api/status', (c) => c.json({ ok: true, uptime: process.uptime() }))

app.post('/api/notes', async (c) => {
  const note = await c.req.json()
  return c.json({ id: crypto.randomUUID(), ...note }, 201)
})

app.use('*', cors())

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: '127.0.0.1' })
`,
    calls: [
      { method: "GET", path: "/api/status", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/api/notes",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];
