/**
 * Issue #23's seventeenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT17_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/cdnjs/api-server/pull/17 — "Fix CORS preflight requests": the API's own CORS
    // middleware sets Allow-Origin `*`, the methods and a list of allowed headers on every answer but
    // "doesn't handle OPTIONS requests", so a preflight falls through to the API's not-found handler;
    // repl.it's package search sends its requests with a JSON Content-Type, "all our requests are
    // preflighted making the API unusable for us" (they dropped the header to get by). The PR replaces
    // the middleware with the cors package. Root: the hand middleware that passes the preflight on.
    name: "heldout17 Express: the hand CORS middleware passes OPTIONS on to the not-found handler, the JSON search preflight answered 404",
    url: "https://github.com/cdnjs/api-server/pull/17",
    rootText: "app.use((req, res, next) => {",
    file: "app.js",
    app: `const express = require('express');

const localMode = process.env.NODE_ENV !== 'production';
const libraries = [
    { name: 'vue', latest: 'https://cdnjs.cloudflare.com/ajax/libs/vue/3.0.0/vue.global.js' },
    { name: 'react', latest: 'https://cdnjs.cloudflare.com/ajax/libs/react/16.13.1/umd/react.production.min.js' },
];

const app = express();

// Set up cors headers
app.use((req, res, next) => {
    res.header('Access-Control-Allow-Credentials', true);
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Access-Control-Allow-Methods', 'GET,PUT,POST,DELETE,OPTIONS');
    res.header('Access-Control-Allow-Headers', 'X-CSRF-Token, X-Requested-With, Accept, Accept-Version, Content-Length, Content-MD5, Content-Type, Date, X-Api-Version');
    if (!localMode) {
        res.header('Cache-Control', 'public, max-age=30672000');
    }
    next();
});

app.get('/libraries', (req, res) => {
    const search = String(req.query.search || '').toLowerCase();
    res.json({ results: libraries.filter((l) => l.name.includes(search)), total: libraries.length });
});
app.get('/libraries/:library', (req, res) => {
    const library = libraries.find((l) => l.name === req.params.library);
    if (!library) return res.status(404).json({ error: true, status: 404, message: 'Library not found' });
    return res.json(library);
});

// 404
app.use((req, res) => {
    res.status(404).json({ error: true, status: 404, message: 'Endpoint not found' });
});

app.listen(Number(process.env.PORT) || 5050, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/libraries?search=vue", origin: "ORIGIN" },
      { method: "GET", path: "/libraries/react", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/264 — "Subdomain in CORS": to let any of a service's
    // generated addresses in, the reporter lists a pattern written as a string (`https://.{5,}.X.Y.com`)
    // in the origin array; the cors package compares strings exactly, so the page on such an address
    // gets no Allow-Origin at its preflight ("The exact URL works, but I want to match with a regex").
    // Here the pattern is meant to let in the local front ends on any port; the page is one of them.
    // Root: the pattern written as a string.
    name: "heldout17 Express: the origin list holds a pattern written as a string, the local front end refused",
    url: "https://github.com/expressjs/cors/issues/264",
    rootText: "'http://localhost:[0-9]{4,5}',",
    file: "server.js",
    app: `const express = require('express');
const cors = require('cors');

const app = express();

app.use(
  cors({
    origin: [
      'https://dashboard.example.com',
      'http://localhost:[0-9]{4,5}',
    ],
  }),
);
app.use(express.json());

const jobs = [{ id: 1, state: 'done' }];
app.get('/api/jobs', (req, res) => res.json(jobs));
app.post('/api/jobs', (req, res) => {
  const job = { id: jobs.length + 1, state: 'queued', ...req.body };
  jobs.push(job);
  res.status(201).json(job);
});

app.listen(Number(process.env.PORT) || 8080, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/jobs", origin: "ORIGIN" },
      { method: "POST", path: "/api/jobs", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/Acode-Foundation/acode.app/pull/26 — "fix(cors): handle preflight requests and
    // improve CORS headers" (after #25 added x-auth-token to the allowed headers, whose review notes the
    // middleware "doesn't set Access-Control-Allow-Methods or respond to OPTIONS"): the site's API lets its
    // app's web view in with Allow-Origin and Allow-Headers only, so the PUT and DELETE calls of the
    // plugin and comment APIs are refused at the preflight, which grants no methods. The app's web view
    // origin (https://localhost) is the page. Root: the hand middleware without methods.
    name: "heldout17 Express: the hand CORS middleware sends no Allow-Methods, the plugin update and comment removal refused at the preflight",
    url: "https://github.com/Acode-Foundation/acode.app/pull/26",
    rootText: "app.use((_req, res, next) => {",
    file: "main.js",
    app: `const express = require('express');

const plugins = new Map([['acode.plugin.prettier', { id: 'acode.plugin.prettier', version: '1.0.0' }]]);
const comments = new Map([['7', { id: '7', plugin: 'acode.plugin.prettier', text: 'nice' }]]);

function auth(req, res, next) {
  if (!req.get('x-auth-token')) return res.status(401).json({ error: 'Login required' });
  return next();
}

const plugin = express.Router();
plugin.get('/:id', (req, res) => res.json(plugins.get(req.params.id) || null));
plugin.post('/', auth, (req, res) => res.status(201).json({ id: req.body.id }));
plugin.put('/', auth, (req, res) => res.json({ ...plugins.get(req.body.id), ...req.body }));

const comment = express.Router();
comment.get('/:pluginId', (req, res) => res.json([...comments.values()].filter((c) => c.plugin === req.params.pluginId)));
comment.delete('/:id', auth, (req, res) => res.json({ deleted: comments.delete(req.params.id) }));

async function main() {
  const app = express();
  app.use(express.json());

  // allow origin https://localhost
  app.use((_req, res, next) => {
    res.header('Access-Control-Allow-Origin', 'ORIGIN');
    res.header('Access-Control-Allow-Headers', 'Content-Type, x-auth-token');
    next();
  });

  app.use('/api/plugin', plugin);
  app.use('/api/comment', comment);

  app.listen(Number(process.env.PORT) || 5500, '127.0.0.1');
}

main();
`,
    calls: [
      { method: "GET", path: "/api/plugin/acode.plugin.prettier", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/api/plugin",
        origin: "ORIGIN",
        headers: [...json, ["x-auth-token", "tok-1"]],
      },
      {
        method: "PUT",
        path: "/api/plugin",
        origin: "ORIGIN",
        headers: [...json, ["x-auth-token", "tok-1"]],
      },
      { method: "DELETE", path: "/api/comment/7", origin: "ORIGIN", headers: [["x-auth-token", "tok-1"]] },
    ],
    check: [],
  },
  {
    // https://github.com/acmucsd/membership-portal/pull/25 — "fixed CORS to allow OPTIONS": the portal's
    // server sets its CORS headers in a hand middleware and passes every request on, OPTIONS included, to
    // the API router, whose routes (events, leaderboard, user) sit behind the token check; the preflight
    // carries no token, is answered 401, and "preflight requests could not be made from client properly".
    // The portal's front end is the page. Root: the hand middleware that passes the preflight on.
    name: "heldout17 Express: the hand CORS middleware passes the preflight on to the token check, the leaderboard call answered 401",
    url: "https://github.com/acmucsd/membership-portal/pull/25",
    rootText: "server.use((req, res, next) => {",
    file: "index.js",
    app: `const express = require('express');

const server = express();

// enable CORS
server.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', 'Origin, X-Requested-With, Content-Type, Accept, Authorization');
  res.header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
  next();
});
server.use(express.json());

function authenticated(req, res, next) {
  const header = req.get('Authorization') || '';
  if (!header.startsWith('Bearer ')) return res.status(401).json({ error: 'Unauthorized' });
  req.user = { uuid: 'u-1' };
  return next();
}

const api = express.Router();
api.get('/event/future', (req, res) => res.json({ events: [{ uuid: 'e-1', title: 'Hack Night' }] }));
api.use('/leaderboard', authenticated, (req, res) => res.json({ leaderboard: [{ uuid: 'u-1', points: 80 }] }));
api.use('/user', authenticated, (req, res) => res.json({ user: req.user }));
server.use('/api/v1', api);

server.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/v1/event/future", origin: "ORIGIN" },
      {
        method: "GET",
        path: "/api/v1/leaderboard",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJ1dWlkIjoidS0xIn0.sig"]],
      },
    ],
    check: [],
  },
];
