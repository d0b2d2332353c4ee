/**
 * Issue #23's fourteenth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT14_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/expressjs/cors/issues/89 — "Why is origin is undefinedd??": the whitelist holds
    // the site's domain alone (["mydomain.com"]), the origin callback compares the request's Origin with
    // it and calls back 'Bad Request' when it is not listed; an Origin always carries its scheme (and
    // here a port), so the front end's calls never match and every one ends in Express's error answer
    // without CORS headers. The domain is written as the page's host. Root: the whitelist.
    name: "heldout14 Express: the origin whitelist names the bare host, the callback's 'Bad Request' for every call",
    url: "https://github.com/expressjs/cors/issues/89",
    rootText: 'var whitelist = ["localhost"];',
    file: "server.js",
    app: `var express = require("express");
var cors = require("cors");

var app = express();

var allowedMethods = ["GET", "POST", "PUT", "DELETE"];
var allowedHeaders = ["Content-Type", "Authorization", "X-Requested-With"];
var exposedHeaders = ["X-Total-Count"];

var whitelist = ["localhost"];

var corsOptions = {
  origin: function (origin, callback) {
    var originIsWhitelisted = whitelist.indexOf(origin) !== -1;
    console.log("==========origin=" + origin);
    callback(!!originIsWhitelisted ? null : "Bad Request", originIsWhitelisted);
  },
  optionsSuccessStatus: 200,
  preflightContinue: false,
  methods: allowedMethods.join(", "),
  credentials: false,
  allowedHeaders: allowedHeaders.join(", "),
  // Max client side cache age: 10 days
  maxAge: 60 * 60 * 24 * 10,
  exposedHeaders: exposedHeaders.join(", "),
};

app.use(cors(corsOptions));
app.use(express.json());

var router = express.Router();
router.get("/todos", function (req, res) {
  res.set("X-Total-Count", "1").json([{ id: 1, title: "write tests" }]);
});
router.post("/todos", function (req, res) {
  res.status(201).json({ id: 2, title: req.body.title });
});
app.use("/api", router);

app.listen(Number(process.env.PORT) || 8080, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/todos", origin: "ORIGIN" },
      { method: "POST", path: "/api/todos", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/expressjs/basic-auth-connect/pull/1 — "Allow OPTIONS requests without user
    // credentials": the app's basic-auth middleware is registered ahead of everything and answers 401 to
    // any request without the credentials, the browser's preflight included (which never carries them),
    // so the credentialed API calls fail; the maintainer's answer: terminate preflights before the auth
    // middleware runs. basic-auth-connect is not installed here: a small function with its behaviour
    // stands in for it. Root: the auth middleware registered ahead of cors.
    name: "heldout14 Express: basic-auth-connect registered ahead of cors(), the preflight answered 401",
    url: "https://github.com/expressjs/basic-auth-connect/pull/1",
    rootText: "app.use(basicAuth('admin', 'secret'));",
    file: "server.js",
    app: `const express = require('express');
const cors = require('cors');

// Stands in for basic-auth-connect: basicAuth(user, pass) answers 401 (with WWW-Authenticate) to every
// request whose Authorization header does not carry those credentials.
function basicAuth(user, pass) {
  const expected = 'Basic ' + Buffer.from(user + ':' + pass).toString('base64');
  return function (req, res, next) {
    if (req.headers.authorization === expected) return next();
    res.statusCode = 401;
    res.setHeader('WWW-Authenticate', 'Basic realm="Authorization Required"');
    res.end('Unauthorized');
  };
}

const app = express();

app.use(basicAuth('admin', 'secret'));
app.use(cors({ origin: 'ORIGIN', allowedHeaders: ['Content-Type', 'Authorization'] }));
app.use(express.json());

app.get('/api/status', (req, res) => res.json({ status: 'ok' }));
app.post('/api/jobs', (req, res) => res.status(201).json({ id: 7, ...req.body }));

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      {
        method: "GET",
        path: "/api/status",
        origin: "ORIGIN",
        headers: [["Authorization", "Basic YWRtaW46c2VjcmV0"]],
      },
      {
        method: "POST",
        path: "/api/jobs",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Basic YWRtaW46c2VjcmV0"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/ir-engine/etherealengine-archive/pull/207 — "Master merge 5/29/20": "CORS needs
    // origin to exactly match requesting domain, which in our case lacks a trailing slash" — the
    // server's CORS origin came from APP_HOST, which was written with a trailing slash, so the
    // Allow-Origin sent never equals the client's Origin. The Feathers server (an Express app under
    // @feathersjs/express, not installed here) is written as the Express app it wraps, its config an
    // object. Root: the client URL with the trailing slash.
    name: "heldout14 Express: the CORS origin comes from APP_HOST with a trailing slash, never the client's Origin",
    url: "https://github.com/ir-engine/etherealengine-archive/pull/207",
    rootText: "url: process.env.APP_HOST || 'ORIGIN/',",
    file: "server.js",
    app: `const express = require('express');
const cors = require('cors');

const config = {
  server: {
    port: Number(process.env.PORT) || 3030,
    hostname: '127.0.0.1',
  },
  client: {
    url: process.env.APP_HOST || 'ORIGIN/',
  },
};

const app = express();

app.use(cors({ origin: config.client.url, credentials: true }));
app.use(express.json());

app.post('/authentication', (req, res) => {
  res.status(201).json({ accessToken: 'jwt-for-' + (req.body.email || 'guest') });
});
app.get('/user/me', (req, res) => res.json({ id: 1, name: 'guest' }));

app.listen(config.server.port, config.server.hostname);
`,
    calls: [
      { method: "GET", path: "/user/me", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/authentication", origin: "ORIGIN", credentials: true, headers: json },
    ],
    check: [],
  },
];
