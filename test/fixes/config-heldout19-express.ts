/**
 * Issue #23's nineteenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT19_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/express/issues/2670 (the 2017 comment in "Handling OPTIONS requests on
    // my own") — the front end on port 5000 posts its login to the Express server on port 8000, whose
    // catch-all middleware sets the CORS headers and answers OPTIONS 200 itself, yet Chrome reports that no
    // Access-Control-Allow-Origin header is present: the three headers are spelled `Accept-Control-Allow-…`,
    // which no browser reads. Express 5's catch-all path is written `/{*splat}` for the thread's `*`. The
    // login page is the page. Root: the first misspelled header.
    name: "heldout19 Express: the catch-all middleware spells the headers Accept-Control-Allow-*, every call refused",
    url: "https://github.com/expressjs/express/issues/2670",
    rootText: "res.header('Accept-Control-Allow-Origin', '*');",
    file: "server.js",
    app: `const express = require('express');

const app = express();
app.use(express.json());

app.all('/{*splat}', (req, res, next) => {
  res.header('Accept-Control-Allow-Origin', '*');
  res.header('Accept-Control-Allow-Methods', 'POST,GET,DELETE,PUT,OPTIONS');
  res.header('Accept-Control-Allow-Headers', 'Content-Type, Authorization, X-Requested-With,Accept,Origin');
  if (req.method == 'OPTIONS') {
    res.sendStatus(200);
  } else {
    next();
  }
});

app.get('/api/jobs', (req, res) => res.json([{ id: 1, title: 'IT' }]));
app.post('/api/login', (req, res) => res.json({ name: req.body && req.body.name, job: req.query.job }));

app.listen(Number(process.env.PORT) || 8000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/jobs", origin: "ORIGIN" },
      { method: "POST", path: "/api/login?job=IT", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/jaredhanson/passport/issues/691 — "Consider excluding options from `authenticate`
    // middleware": registering `passport.authenticate("jwt", { session: false })` with `app.use` puts the
    // token check on every request, the browser's preflight included, and a preflight never carries the
    // Authorization header, so it is answered 401 and the front end's authorised calls never leave the
    // browser. passport and passport-jwt are not installed here: `authenticate` is written as the bearer
    // check it amounts to. The SPA is the page. Root: the authentication middleware on every method.
    name: "heldout19 Express: passport.authenticate('jwt') registered with app.use answers the preflight 401",
    url: "https://github.com/jaredhanson/passport/issues/691",
    rootText: "app.use(passport.authenticate('jwt', { session: false }));",
    file: "app.js",
    app: `const express = require('express');
const cors = require('cors');

// passport with passport-jwt's strategy: a valid bearer token, or 401
const passport = {
  authenticate(strategy, options) {
    return (req, res, next) => {
      const header = req.get('authorization') || '';
      if (!header.startsWith('Bearer ')) return res.status(401).send('Unauthorized');
      req.user = { id: 7, email: 'alex@example.com' };
      next();
    };
  },
};

const app = express();

app.use(passport.authenticate('jwt', { session: false }));
app.use(cors({ origin: 'ORIGIN' }));
app.use(express.json());

app.get('/api/profile', (req, res) => res.json(req.user));
app.put('/api/profile', (req, res) => res.json({ ...req.user, ...req.body }));

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      {
        method: "GET",
        path: "/api/profile",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJpZCI6N30.sig"]],
      },
      {
        method: "PUT",
        path: "/api/profile",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJpZCI6N30.sig"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/express/issues/2549 — "OPTIONS request calls route.all method": the
    // clients router guards its route with `.all(User.administratorOnly())` ahead of `.get` and `.post`, and
    // the reporter finds that it is the OPTIONS request, with no Cookie header, that gets the 401: passport's
    // session finds no user for the preflight, the admin check refuses it, and the admin front end's POST is
    // never sent (the GET, carrying the session cookie, works). The app's CORS headers come from a middleware
    // of its own that lets OPTIONS through; passport's session and the User model are written as the checks
    // they make. The admin front end is the page. Root: the route-wide admin check.
    name: "heldout19 Express: the router's .all(administratorOnly()) refuses the preflight, the admin's POST never sent",
    url: "https://github.com/expressjs/express/issues/2549",
    rootText: ".all(User.administratorOnly())",
    file: "app.js",
    app: `const express = require('express');

const User = {
  // passport.session() deserializes the user from the session cookie
  session() {
    return (req, res, next) => {
      if (req.get('cookie')) req.user = { username: 'rhys', role: 'administrator' };
      next();
    };
  },
  administratorOnly() {
    return (req, res, next) => {
      if (!req.user || req.user.role !== 'administrator') return res.sendStatus(401);
      next();
    };
  },
};

const clients = [{ id: 1, name: 'Acme' }];

const clientsRouter = express.Router();
clientsRouter
  .route('/')
  .all(User.administratorOnly())
  .get((req, res) => res.json(clients))
  .post((req, res) => res.status(201).json({ id: clients.length + 1, ...req.body }));

const router = express.Router();
router.use('/clients', clientsRouter);

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', 'ORIGIN');
  res.header('Access-Control-Allow-Credentials', 'true');
  res.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.header('Access-Control-Allow-Headers', 'Content-Type');
  next();
});
app.use(User.session());
app.use(router);

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/clients", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/clients", origin: "ORIGIN", credentials: true, headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/cors/issues/294 — "Array - set origin - Not working": the API takes the
    // cors README's array example, a string origin and `/\.example2\.com$/`, meaning to let its front-end
    // subdomains in; the pattern names another domain, so the front end on its subdomain gets no
    // Access-Control-Allow-Origin (the answer in the thread: the regex targets example2.com). The front end
    // is the page. Root: the origin array whose pattern misses the front end.
    name: "heldout19 Express: the origin array's pattern is the README's example2.com, the front end refused",
    url: "https://github.com/expressjs/cors/issues/294",
    rootText: "origin: ['http://example1.com', /\\.example2\\.com$/],",
    file: "index.js",
    app: `const express = require('express');
const cors = require('cors');

const app = express();

// the front ends run on subdomains of the site
const corsOptions = {
  origin: ['http://example1.com', /\\.example2\\.com$/],
};

app.use(cors(corsOptions));
app.use(express.json());

app.get('/products', (req, res) => res.json([{ id: 1, name: 'Chair' }]));
app.post('/products', (req, res) => res.status(201).json({ id: 2, ...req.body }));

app.listen(Number(process.env.PORT) || 80, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/products", origin: "ORIGIN" },
      { method: "POST", path: "/products", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/pelias/api/issues/971 — "Contradicting HTTP header responses?": the geocoder's CORS
    // middleware hard-codes Access-Control-Allow-Origin `*` together with Access-Control-Allow-Credentials
    // `true`; a front end calling it with credentials is refused (a wildcard cannot be used with
    // credentials), and the headers cannot be changed from the configuration. The geocoding routes are
    // stubs, the front end sending its calls with credentials the page (a plain call passes). Root: the
    // wildcard Allow-Origin set with credentials.
    name: "heldout19 Express: the geocoder's CORS middleware sends Allow-Origin * with Allow-Credentials, credentialed calls refused",
    url: "https://github.com/pelias/api/issues/971",
    rootText: "res.header('Access-Control-Allow-Origin', '*');",
    file: "app.js",
    app: `const express = require('express');

// middleware/cors.js
function middleware(req, res, next) {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Methods', 'GET, OPTIONS');
  res.header('Access-Control-Allow-Headers', 'X-Requested-With,content-type');
  res.header('Access-Control-Allow-Credentials', true);
  next();
}

const app = express();
app.use(middleware);

app.get('/v1/search', (req, res) => res.json({ type: 'FeatureCollection', features: [], query: req.query.text }));
app.get('/v1/autocomplete', (req, res) =>
  res.json({ type: 'FeatureCollection', features: [{ properties: { label: 'London, England' } }] }),
);

app.listen(Number(process.env.PORT) || 3100, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/v1/search?text=london", origin: "ORIGIN" },
      { method: "GET", path: "/v1/autocomplete?text=lond", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/node-red/node-red/issues/793 — "CORS with httpNodeAuth not working": with
    // `httpNodeCors` set, the HTTP-in endpoints answer cross-origin calls, but once `httpNodeAuth` is set the
    // basic-auth middleware is mounted on the node root ahead of the CORS handling, so the browser's
    // preflight (which carries no Authorization) is answered 401 and the authorised GET never happens.
    // Node-RED's settings and its HTTP-in route are written as the Express app they amount to (the bcrypt
    // check as a plain comparison); the dashboard on another origin is the page. Root: the basic-auth
    // middleware mounted ahead of CORS.
    name: "heldout19 Express: Node-RED's httpNodeAuth middleware answers the preflight 401 before httpNodeCors",
    url: "https://github.com/node-red/node-red/issues/793",
    rootText:
      "httpNode.use(settings.httpNodeRoot, basicAuthMiddleware(settings.httpNodeAuth.user, settings.httpNodeAuth.pass));",
    file: "red.js",
    app: `const express = require('express');
const cors = require('cors');

// settings.js
const settings = {
  httpNodeRoot: '/',
  httpNodeAuth: { user: 'user', pass: 'password' },
  httpNodeCors: { origin: '*', methods: 'GET,PUT,POST,DELETE' },
};

function basicAuthMiddleware(user, pass) {
  return (req, res, next) => {
    const header = req.get('authorization') || '';
    const [name, secret] = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString().split(':');
    if (name === user && secret === pass) return next();
    res.set('WWW-Authenticate', 'Basic realm=Authorization Required');
    res.sendStatus(401);
  };
}

const httpNode = express();
if (settings.httpNodeAuth) {
  httpNode.use(settings.httpNodeRoot, basicAuthMiddleware(settings.httpNodeAuth.user, settings.httpNodeAuth.pass));
}

// 21-httpin.js
let corsHandler = (req, res, next) => next();
if (settings.httpNodeCors) {
  corsHandler = cors(settings.httpNodeCors);
  httpNode.options('/{*path}', corsHandler);
}
httpNode.get('/mydata', corsHandler, (req, res) => res.json({ temperature: 21.5 }));
httpNode.post('/mydata', corsHandler, express.json(), (req, res) => res.json({ saved: true }));

httpNode.listen(Number(process.env.PORT) || 1880, '127.0.0.1');
`,
    calls: [
      {
        method: "GET",
        path: "/mydata",
        origin: "ORIGIN",
        headers: [["Authorization", "Basic dXNlcjpwYXNzd29yZA=="]],
      },
      {
        method: "POST",
        path: "/mydata",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Basic dXNlcjpwYXNzd29yZA=="]],
      },
    ],
    check: [],
  },
];

/**
 * A correct Express app: the API is an express.Router mounted at /api, with cors() first on the router,
 * an origin callback over a set of the two front ends (no Allow-Origin for any other), credentials, the
 * methods and headers the page sends.
 */
export const HELD_OUT19_EXPRESS_CORRECT = `const express = require("express");
const cors = require("cors");

const FRONT_ENDS = new Set(["ORIGIN", "ORIGIN2"]);

const api = express.Router();
api.use(
  cors({
    origin(origin, callback) {
      callback(null, FRONT_ENDS.has(origin) ? origin : false);
    },
    credentials: true,
    methods: ["GET", "PUT"],
    allowedHeaders: ["Content-Type", "Authorization"],
    maxAge: 600,
  }),
);
api.use(express.json());
api.get("/items", (req, res) => res.json([{ id: 1 }]));
api.put("/items/:id", (req, res) => res.json({ id: Number(req.params.id) }));
api.get("/me", (req, res) => res.json({ user: "ada" }));

const app = express();
app.use("/api", api);

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
