import { jsOrigin } from "./express";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

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
    ...comment(request, "//", "fix.fastify.place"),
    'await app.register(require("@fastify/cors"), {',
    ...options,
    "});",
  ].join("\n");
}
