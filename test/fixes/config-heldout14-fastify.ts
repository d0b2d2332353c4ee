/**
 * Issue #23's fourteenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT14_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/jlguenego/node-expose-sspi/issues/54 — "Fasitify + CORS = no authorization key in
    // header": the Fastify app registers fastify-cors with `origin: '*'` and `credentials: true`, and the
    // front end calls /api/auth/login with the browser's credentials; a credentialed call is never let
    // through an Allow-Origin of '*'. node-expose-sspi (Windows SSO) is not installed here: the login
    // handler answers with a user as the SSO middleware would. Root: the origin '*'.
    name: "heldout14 Fastify: @fastify/cors with origin '*' and credentials, the SSO login call refused",
    url: "https://github.com/jlguenego/node-expose-sspi/issues/54",
    rootText: "origin: '*',",
    file: "server.js",
    app: `const fastify = require('fastify')({ logger: false });

const corsOptions = {
  origin: '*',
  methods: ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
  allowedHeaders: ['content-type', 'authorization', 'access-control-allow-origin', 'access-control-allow-credentials'],
  credentials: true,
};

fastify.register(require('@fastify/cors'), corsOptions);

// Stands in for node-expose-sspi's sso.auth(): the Windows user of the browser's credentials.
fastify.get('/api/auth/login', async (request, reply) => {
  reply.send({ name: 'DOMAIN\\\\jdoe', displayName: 'Jane Doe' });
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: '127.0.0.1' });
`,
    calls: [{ method: "GET", path: "/api/auth/login", origin: "ORIGIN", credentials: true }],
    check: [],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/21 — "fastify.register(require('fastify-cors'), {
    // options }) ?": the README showed the options passed as `{ options }`, which hands the plugin an
    // object whose only key is `options`; the plugin reads none of the app's settings and answers with
    // its defaults (Allow-Origin '*', no Allow-Credentials, GET/HEAD/POST), so the front end's cookie
    // calls are refused ("The second one", the maintainer answers). Root: the register call with
    // `{ options }`.
    name: "heldout14 Fastify: @fastify/cors registered with { options }, its defaults answer the cookie calls",
    url: "https://github.com/fastify/fastify-cors/issues/21",
    rootText: "fastify.register(require('@fastify/cors'), { options })",
    file: "server.js",
    app: `const fastify = require('fastify')()

const options = {
  origin: 'ORIGIN',
  credentials: true,
  methods: ['GET', 'PUT', 'POST', 'DELETE'],
}
fastify.register(require('@fastify/cors'), { options })

fastify.get('/api/profile', async () => ({ name: 'blueway' }))
fastify.put('/api/profile', async (request) => ({ name: 'blueway', ...request.body }))

fastify.listen({ port: Number(process.env.PORT) || 3000, host: '127.0.0.1' })
`,
    calls: [
      { method: "GET", path: "/api/profile", origin: "ORIGIN", credentials: true },
      {
        method: "PUT",
        path: "/api/profile",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];
