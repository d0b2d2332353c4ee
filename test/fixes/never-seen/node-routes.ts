/** The page's routes in each Node framework, for the reports' apps (every /api/ call answers JSON). */
export const EXPRESS_ROUTES = `app.all("/api/*splat", (req, res) => {
  if (req.path === "/api/fail") return res.status(500).json({ error: "boom" });
  if (req.method === "DELETE") return res.status(204).end();
  res.status(req.method === "POST" ? 201 : 200).json({ ok: true });
});`;

export const FASTIFY_ROUTES = `app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (req, body, done) => done(null, body));
app.route({
  method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
  url: "/api/*",
  handler: async (req, reply) => {
    if (req.url.startsWith("/api/fail")) return reply.code(500).send({ error: "boom" });
    if (req.method === "DELETE") return reply.code(204).send();
    return reply.code(req.method === "POST" ? 201 : 200).send({ ok: true });
  },
});`;

export const HONO_ROUTES = `app.all("/api/*", (c) => {
  if (c.req.path === "/api/fail") return c.json({ error: "boom" }, 500);
  if (c.req.method === "DELETE") return c.body(null, 204);
  return c.json({ ok: true }, c.req.method === "POST" ? 201 : 200);
});`;

export const KOA_ROUTES = `app.use(async (ctx) => {
  if (!ctx.path.startsWith("/api/")) return;
  if (ctx.path === "/api/fail") throw new Error("boom");
  if (ctx.method === "DELETE") ctx.status = 204;
  else (ctx.status = ctx.method === "POST" ? 201 : 200), (ctx.body = { ok: true });
});`;
