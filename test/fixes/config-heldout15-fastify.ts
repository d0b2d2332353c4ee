/**
 * Issue #23's fifteenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT15_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/fastify-bearer-auth/issues/165 — "Skip auth for preflight requests": the
    // DICOMweb server registers the bearer-auth plugin for the whole instance, so its onRequest hook
    // answers the browser's preflight (which never carries the Authorization header) with 401 before
    // @fastify/cors, registered after it, can answer ("authorization for preflight requests make no
    // sense"; the maintainers: register the auth per route or skip OPTIONS). @fastify/bearer-auth is not
    // installed here: a fastify-plugin with its onRequest check and its 401 stands in for it. Root: the
    // bearer-auth registration ahead of @fastify/cors.
    name: "heldout15 Fastify: the bearer-auth plugin's onRequest hook answers the preflight 401 before @fastify/cors",
    url: "https://github.com/fastify/fastify-bearer-auth/issues/165",
    rootText: "fastify.register(bearerAuthPlugin, { keys })",
    file: "server.js",
    app: `const fastify = require('fastify')({ logger: false })
const fp = require('fastify-plugin')

// Stands in for @fastify/bearer-auth: an onRequest hook on the instance it is registered on (the plugin
// is not encapsulated), 401 for any request without "Authorization: Bearer <one of the keys>".
const bearerAuthPlugin = fp(async function bearerAuth (instance, opts) {
  instance.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization || ''
    const key = header.startsWith('Bearer ') ? header.slice(7) : null
    if (!opts.keys.has(key)) {
      reply.code(401).send({ error: 'Unauthorized', message: 'missing authorization header' })
      return reply
    }
  })
})

const keys = new Set(['a-super-secret-key'])
fastify.register(bearerAuthPlugin, { keys })
fastify.register(require('@fastify/cors'), { origin: 'ORIGIN' })

fastify.get('/viewer/rs/studies', async () => [{ '0020000D': { vr: 'UI', Value: ['1.2.840.1'] } }])
fastify.get('/viewer/rs/studies/:uid/series', async (request) => [{ study: request.params.uid }])

fastify.listen({ port: Number(process.env.PORT) || 5001, host: '127.0.0.1' })
`,
    calls: [
      {
        method: "GET",
        path: "/viewer/rs/studies",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer a-super-secret-key"]],
      },
    ],
    check: [],
  },
];
