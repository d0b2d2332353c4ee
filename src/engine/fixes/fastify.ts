import { jsOrigin } from "./express";
import type { FixRequest } from "./policy";
import { anyOrigin, heading, quoted } from "./policy";

export const fastifyWhere =
  "Right after `const app = fastify()` in your async start-up, awaited, before any route and any onRequest hook that authenticates or redirects (hooks run in the order they are added). Replace any existing @fastify/cors registration.";

/** Fastify with `@fastify/cors` (its onRequest hook answers preflights before routes and later hooks). */
export function fastify(request: FixRequest): string {
  const { policy } = request;
  const options = [`  origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("  credentials: true,");
  options.push(`  methods: [${quoted([...new Set(["GET", "HEAD", "POST", ...policy.methods])])}],`);
  if (policy.headers.length > 0) options.push(`  allowedHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposedHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`);
  return [
    ...heading(request, "//"),
    "// Right after `const app = fastify()`, awaited, so its onRequest hook runs before any added later",
    "// (auth, redirects). Its default hook answers preflights before routing and body parsing.",
    'await app.register(require("@fastify/cors"), {',
    ...options,
    "});",
  ].join("\n");
}
