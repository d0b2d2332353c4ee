/**
 * Issue #23's seventeenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT17_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/FreiFahren/FreiFahren/pull/469 — the backend's hono/cors takes its allowed
    // origins from a comma-separated environment variable whose default lists the app's own local
    // addresses (port 1871) only, so the web front end's development server on another port is refused
    // on every call, its cached `If-None-Match` requests included. Bun's `Bun.env` is `process.env` here,
    // and the variable is renamed (the suite fills in the word ORIGIN). The front end's dev server is the
    // page. Root: the default origin list.
    name: "heldout17 Hono: the allowed origins default to the app's own port 1871, the web front end's dev server refused",
    url: "https://github.com/FreiFahren/FreiFahren/pull/469",
    rootText:
      "const allowedClients = (process.env.ALLOWED_CLIENTS ?? 'http://localhost:1871,http://127.0.0.1:1871')",
    file: "index.mjs",
    app: `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'

const allowedClients = (process.env.ALLOWED_CLIENTS ?? 'http://localhost:1871,http://127.0.0.1:1871')
    .split(',')
    .map((entry) => entry.trim())

const app = new Hono()

app.use(
    '*',
    cors({
        origin: allowedClients,
        allowHeaders: ['Accept', 'Content-Type', 'If-Modified-Since', 'If-None-Match'],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        exposeHeaders: ['ETag', 'Last-Modified'],
    })
)

const stations = { 'SU-A': { name: 'Alexanderplatz', lines: ['U2', 'U5', 'U8'] } }

app.get('/v0/transit/stations', (c) => c.json(stations))
app.get('/v0/reports', (c) => c.json([{ stationId: 'SU-A', line: 'U8', timestamp: '2026-05-07T08:00:00Z' }]))

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: '127.0.0.1' })
`,
    calls: [
      { method: "GET", path: "/v0/reports", origin: "ORIGIN" },
      {
        method: "GET",
        path: "/v0/transit/stations",
        origin: "ORIGIN",
        headers: [["If-None-Match", '"0a1b2c3d"']],
      },
    ],
    check: [],
  },
  {
    // https://github.com/FreiFahren/FreiFahren/pull/470 — "fix: retain CORS headers on etag 304 responses":
    // hono/etag, on the transit routes, answers a matching `If-None-Match` with a fresh 304 that keeps only
    // its short list of headers, so the Access-Control-Allow-Origin hono/cors had set is gone and "the
    // browser blocks the cross-origin 304": the front end's cached stations never reach the map. The
    // front end is the page, sending the ETag of its cached copy. Root: the etag middleware without the
    // CORS headers among those it retains.
    name: "heldout17 Hono: hono/etag rebuilds the 304 without the CORS headers, the front end's revalidated stations refused",
    url: "https://github.com/FreiFahren/FreiFahren/pull/470",
    rootText: "app.use('/v0/transit/*', etag())",
    file: "index.mjs",
    app: `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { etag } from 'hono/etag'

const app = new Hono()

app.use(
    '*',
    cors({
        origin: ['https://app.freifahren.org', 'ORIGIN'],
        allowHeaders: ['Accept', 'Content-Type', 'If-Modified-Since', 'If-None-Match'],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        exposeHeaders: ['ETag'],
    })
)
app.use('/v0/transit/*', etag())

const stations = { 'SU-A': { name: 'Alexanderplatz', lines: ['U2', 'U5', 'U8'] } }

app.get('/v0/transit/stations', (c) => c.json(stations))
app.get('/v0/reports', (c) => c.json([{ stationId: 'SU-A', line: 'U8' }]))

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: '127.0.0.1' })
`,
    calls: [
      { method: "GET", path: "/v0/reports", origin: "ORIGIN" },
      {
        method: "GET",
        path: "/v0/transit/stations",
        origin: "ORIGIN",
        headers: [["If-None-Match", '"77b8ba86c3e5f863f7e36ba1e33f6a82a0bd33cb"']],
      },
    ],
    check: [],
  },
];
