/**
 * Issue #23's twentieth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT20_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/yubinTW/MERN-demo/pull/1 — "add fastify-cors for helping the frontend development":
    // the demo's Fastify backend serves its todo API with no CORS, so the React front end, served by its own
    // dev server on another port, cannot list, create or update todos; the PR registers the CORS plugin. The
    // MongoDB repository is written as an in-memory list, the todo router as the plugin it is, the front end
    // as the page. Root: the Fastify server created and served with no CORS.
    name: "heldout20 Fastify: the todo API's server has no CORS, the front end's list, create and update refused",
    url: "https://github.com/yubinTW/MERN-demo/pull/1",
    rootText: "const server = fastify({ logger: false })",
    file: "server.mjs",
    app: `import fastify from 'fastify'

const todos = []

const TodoRouter = async (server) => {
  server.get('/todos', async () => ({ todos }))

  server.post('/todos', async (request, reply) => {
    const todo = { id: String(todos.length + 1), name: request.body?.name ?? '', status: false }
    todos.push(todo)
    return reply.status(201).send({ todo })
  })

  server.put('/todos/:id', async (request, reply) => {
    const todo = todos.find((t) => t.id === request.params.id)
    if (!todo) return reply.status(404).send({ msg: 'Not Found Todo:' + request.params.id })
    Object.assign(todo, request.body ?? {})
    return reply.send({ todo })
  })
}

const server = fastify({ logger: false })

server.get('/ping', async () => ({ msg: 'pong' }))
server.register(TodoRouter, { prefix: '/v1' })

await server.listen({ port: Number(process.env.PORT) || 8888, host: '127.0.0.1' })
`,
    calls: [
      { method: "GET", path: "/v1/todos", origin: "ORIGIN" },
      { method: "POST", path: "/v1/todos", origin: "ORIGIN", headers: json },
      { method: "PUT", path: "/v1/todos/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
