import { jsOrigin, nodeImports } from "./express";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

export const fastifyImports = () =>
  nodeImports('import cors from "@fastify/cors";', 'const cors = require("@fastify/cors");');

/** Fastify with `@fastify/cors` (its onRequest hook answers preflights before routes and later hooks). */
export function fastify(request: FixRequest): string {
  const { policy } = request;
  const options = [`  origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("  credentials: true,");
  const methods = methodOption(policy, ["GET", "HEAD", "POST"]);
  if (methods) options.push(`  methods: [${quoted(methods)}],`);
  if (policy.headers.length > 0 && !policy.anyHeaders)
    options.push(`  allowedHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposedHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`);
  return [
    ...heading(request, "//"),
    ...comment(request, "//", "fix.fastify.place"),
    // No `await`: register() queues the plugin before listen(), and a top-level await is invalid in CommonJS.
    "app.register(cors, {",
    ...options,
    "});",
  ].join("\n");
}
