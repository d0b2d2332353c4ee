/**
 * Issue #23's seventeenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT17_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/PalisadoesFoundation/talawa-api/pull/3500 (for #3499, "Fix CORS configuration for
    // Frontend-Backend Communication"): the API server registers @fastify/cors with no options, an open
    // policy that "worked for most requests", but the admin front end's authenticated calls (GraphQL and
    // REST with credentials) are refused, since a credentialed request needs its exact origin in
    // Allow-Origin and credentials allowed; the PR sets the origin from FRONTEND_URL with credentials.
    // The admin front end is the page. Root: the registration without options.
    name: "heldout17 Fastify: @fastify/cors registered with no options, the admin front end's credentialed calls refused",
    url: "https://github.com/PalisadoesFoundation/talawa-api/pull/3500",
    rootText: "fastify.register(fastifyCors, {});",
    file: "createServer.mjs",
    app: `import fastifyCors from "@fastify/cors";
import Fastify from "fastify";

export const createServer = async () => {
	const fastify = Fastify({ logger: false });

	// More information at this link: https://github.com/fastify/fastify-cors
	fastify.register(fastifyCors, {});

	fastify.get("/health", async () => ({ status: "ok" }));
	fastify.post("/graphql", async (request) => {
		const auth = request.headers.authorization ?? "";
		return { data: { currentUser: auth ? { id: "u1", name: "Admin" } : null } };
	});
	return fastify;
};

const server = await createServer();
await server.listen({ port: Number(process.env.PORT) || 4000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/health", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/graphql",
        origin: "ORIGIN",
        credentials: true,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer talawa-session"],
        ],
      },
    ],
    check: [],
  },
  {
    // https://github.com/better-auth/better-auth/issues/598 — "Cors issues with fasitfy": the API registers
    // @fastify/cors for the web site with credentials, and mounts the auth library's node handler on
    // `/auth/*` with `fastify.all`, handing it the raw request and response; `/auth/ok` works opened
    // directly but "when using it with fetch from my site I get cors issues. This only occurs from the
    // `/auth/*` routes": the handler writes the raw response itself, without the headers the CORS plugin
    // put on Fastify's reply ("Feels like they are overwritten by the lib?"). better-auth is not installed
    // here: its node handler is written as the function that answers on the raw response. Root: the auth
    // route that hands the raw response to the library.
    name: "heldout17 Fastify: the auth library answers on the raw response, the /auth/* calls lose @fastify/cors's headers",
    url: "https://github.com/better-auth/better-auth/issues/598",
    rootText: "return toNodeHandler(auth)(req.raw, res.raw);",
    file: "index.mjs",
    app: `import cors from "@fastify/cors";
import Fastify from "fastify";

// packages/auth: betterAuth({ baseURL: "http://localhost:3333/auth", trustedOrigins: [...] })
const auth = {
  async handle(req) {
    if (req.url.endsWith("/ok")) return { status: 200, body: { ok: true } };
    if (req.url.endsWith("/get-session")) return { status: 200, body: { session: null } };
    return { status: 404, body: { message: "Not found" } };
  },
};
function toNodeHandler(authInstance) {
  return async (req, res) => {
    const out = await authInstance.handle(req);
    res.writeHead(out.status, { "content-type": "application/json" });
    res.end(JSON.stringify(out.body));
  };
}

const fastify = Fastify({ logger: false });

fastify.register(cors, {
  origin: "ORIGIN",
  credentials: true,
});
fastify.all("/auth/*", (req, res) => {
  return toNodeHandler(auth)(req.raw, res.raw);
});
fastify.get("/projects", async () => [{ id: "p1", name: "openpanel" }]);

fastify.listen({ port: Number(process.env.PORT) || 3333, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/projects", origin: "ORIGIN", credentials: true },
      { method: "GET", path: "/auth/ok", origin: "ORIGIN", credentials: true },
      { method: "GET", path: "/auth/get-session", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
];
