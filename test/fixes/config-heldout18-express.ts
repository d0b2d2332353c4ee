/**
 * Issue #23's eighteenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT18_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/muratcorlu/cli-api-mocker/pull/11 — "Handle CORS issue for chrome": the mock
    // server answers the front end's API calls with `app.use(cors())`, whose default Allow-Origin is `*`;
    // the front end sends its calls with credentials (withCredentials), and Chrome refuses a wildcard for
    // a credentialed request ("A wildcard '*' cannot be used … when the credentials flag is true"). The
    // PR gives cors() the request's origin and credentials. The mocks are written inline, the front end
    // in development is the page. Root: the default cors() on the mock server.
    name: "heldout18 Express: the mock server's default cors() answers *, the front end's credentialed calls refused",
    url: "https://github.com/muratcorlu/cli-api-mocker/pull/11",
    rootText: "app.use(cors());",
    file: "mocker.js",
    app: `const express = require('express');
const cors = require('cors');

// mocks/ folder: METHOD /path -> response body
const mocks = {
  'GET /users/me': { id: 42, name: 'Murat', roles: ['admin'] },
  'POST /session': { token: 'mock-session-token' },
};

const app = express();
app.use(cors());
app.use(express.json());

app.use('/api', (req, res) => {
  const mock = mocks[\`\${req.method} \${req.path}\`];
  if (!mock) return res.status(404).json({ error: 'No mock for this path' });
  return res.json(mock);
});

const port = Number(process.env.PORT) || 9090;
app.listen(port, '127.0.0.1', () => console.log(\`Mock server is running on \${port}\`));
`,
    calls: [
      { method: "GET", path: "/api/users/me", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/api/session", origin: "ORIGIN", credentials: true, headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/keystonejs/keystone-classic/issues/4380 — "Add Access-Control-Allow-Credentials
    // header to cors middleware": the framework's CORS middleware, driven by the `cors allow origin`,
    // `cors allow methods` and `cors allow headers` options, sets those three headers and answers OPTIONS
    // itself, but never Access-Control-Allow-Credentials, so a front end on another origin calling the
    // site's API with its session cookie is refused. The framework's options and middleware are written
    // as the Express app they amount to, the front end as the page. Root: the CORS middleware without
    // credentials.
    name: "heldout18 Express: the site's CORS middleware never sends Allow-Credentials, the front end's session calls refused",
    url: "https://github.com/keystonejs/keystone-classic/issues/4380",
    rootText: "function cors(req, res, next) {",
    file: "keystone.js",
    app: `const express = require('express');

const options = {
  'cors allow origin': 'ORIGIN',
  'cors allow methods': 'GET,PUT,POST,DELETE,OPTIONS',
  'cors allow headers': 'Content-Type, Authorization, X-Requested-With',
};

function cors(req, res, next) {
  const origin = options['cors allow origin'];
  if (origin) {
    res.header('Access-Control-Allow-Origin', origin === true ? '*' : origin);
  }
  if (options['cors allow methods'] !== false) {
    res.header('Access-Control-Allow-Methods', options['cors allow methods']);
  }
  if (options['cors allow headers'] !== false) {
    res.header('Access-Control-Allow-Headers', options['cors allow headers']);
  }
  if (req.method === 'OPTIONS') return res.sendStatus(200);
  next();
}

const app = express();
app.use(cors);
app.use(express.json());

app.get('/api/me', (req, res) => res.json({ user: req.get('cookie') ? { name: 'Jed' } : null }));
app.post('/api/posts', (req, res) => res.status(201).json({ id: 'p1', ...req.body }));

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/api/posts", origin: "ORIGIN", credentials: true, headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/chaynHQ/bloom-backend/pull/1081 — "Fix CORS error": the backend's CORS options
    // take the front end's address from the `frontendAppUrl` setting, and in production that value ended
    // with a slash; an Origin never carries a path, so the exact comparison fails and every call of the
    // front end is refused. The NestJS app is written as the Express app and cors() it runs on, the
    // setting as an environment value whose default holds the address as deployed. Root: the front end
    // address with its trailing slash.
    name: "heldout18 Express: the front end's address in the origin list ends with a slash, every call refused",
    url: "https://github.com/chaynHQ/bloom-backend/pull/1081",
    rootText: "const frontendAppUrl = process.env.FRONTEND_APP_URL || 'ORIGIN/';",
    file: "main.js",
    app: `const express = require('express');
const cors = require('cors');

const frontendAppUrl = process.env.FRONTEND_APP_URL || 'ORIGIN/';

const app = express();
app.use(
  cors({
    origin: [frontendAppUrl],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization'],
  }),
);
app.use(express.json());

app.get('/api/v1/partner', (req, res) => res.json([{ name: 'Badoo' }, { name: 'Bumble' }]));
app.get('/api/v1/user/me', (req, res) => {
  if (!req.get('authorization')) return res.status(401).json({ message: 'Unauthorized' });
  return res.json({ user: { id: 'u1', name: 'Bloom user' }, courses: [] });
});

app.listen(Number(process.env.PORT) || 35001, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/v1/partner", origin: "ORIGIN" },
      {
        method: "GET",
        path: "/api/v1/user/me",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiJ1MSJ9.sig"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/verifywise-ai/verifywise/issues/1138 — "Change the way the CORS origin environment
    // variable is handled": the server allows one origin only, `http://localhost:${FRONTEND_PORT}`, with
    // credentials, so a front end served from another host (a cloud deployment) is refused, and the
    // reporter's colleague logs in through a browser extension that turns CORS off; the issue proposes an
    // origin list read from FRONTEND_URL. The deployed front end is the page (FRONTEND_PORT unset there,
    // as in the server's environment). Root: the origin list with the localhost address only.
    name: "heldout18 Express: the origin list holds localhost on FRONTEND_PORT only, the deployed front end's login refused",
    url: "https://github.com/verifywise-ai/verifywise/issues/1138",
    rootText: "`http://localhost:",
    file: "index.js",
    app: `const express = require('express');
const cors = require('cors');

const app = express();

app.use(
  cors({
    origin: [
      \`http://localhost:\${process.env.FRONTEND_PORT}\`,
    ],
    credentials: true,
  }),
);
app.use(express.json());

app.post('/api/users/login', (req, res) => {
  res.cookie('refresh_token', 'r-1', { httpOnly: true });
  res.json({ data: { token: 'access-1' } });
});
app.get('/api/projects', (req, res) => res.json({ data: [{ id: 1, project_title: 'AI inventory' }] }));

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "POST", path: "/api/users/login", origin: "ORIGIN", credentials: true, headers: json },
      { method: "GET", path: "/api/projects", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
];
