/**
 * Issue #23's eighteenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT18_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/demo/pull/1 — the reference application's CORS plugin registers
    // @fastify/cors with an empty options object ("Set plugin options here"); the review notes the
    // `methods` option has to be given for the routes to answer with the right
    // Access-Control-Allow-Methods: @fastify/cors allows GET, HEAD and POST by default, so the task
    // routes' PATCH and DELETE, which a browser preflights, are refused. The autoloaded plugin is written
    // inline in the one file, the demo's front end as the page. Root: the plugin options without methods.
    name: "heldout18 Fastify: @fastify/cors with its default methods, the task update and removal refused at the preflight",
    url: "https://github.com/fastify/demo/pull/1",
    rootText: "const autoConfig = {",
    file: "app.mjs",
    app: `import cors from "@fastify/cors";
import Fastify from "fastify";

/**
 * plugins/external/cors: this plugin enables the use of CORS.
 */
const autoConfig = {
  // Set plugin options here
};

const tasks = new Map([[1, { id: 1, name: "Write the demo", status: "in-progress" }]]);

const app = Fastify({ logger: false });
app.register(cors, autoConfig);

app.get("/api/tasks", async () => [...tasks.values()]);
app.post("/api/tasks", async (request, reply) => {
  const task = { id: tasks.size + 1, status: "new", ...request.body };
  tasks.set(task.id, task);
  return reply.code(201).send(task);
});
app.patch("/api/tasks/:id", async (request) => {
  const id = Number(request.params.id);
  const task = { ...tasks.get(id), ...request.body };
  tasks.set(id, task);
  return task;
});
app.delete("/api/tasks/:id", async (request, reply) => {
  tasks.delete(Number(request.params.id));
  return reply.code(204).send();
});

await app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/tasks", origin: "ORIGIN" },
      {
        method: "PATCH",
        path: "/api/tasks/1",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
      { method: "DELETE", path: "/api/tasks/1", origin: "ORIGIN" },
    ],
    check: [],
  },
];
