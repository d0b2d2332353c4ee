import { jsOrigin } from "./express";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

/** Hono's built-in `hono/cors` middleware. */
export function hono(request: FixRequest): string {
  const { policy } = request;
  const options = [`    origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("    credentials: true,");
  options.push(`    allowMethods: [${quoted([...new Set(["GET", "HEAD", "POST", ...policy.methods])])}],`);
  if (policy.headers.length > 0) options.push(`    allowHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`    exposeHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`    maxAge: ${policy.maxAge},`);
  return [
    ...heading(request, "//"),
    ...comment(request, "//", "fix.hono.place"),
    'const { cors } = require("hono/cors");',
    "app.use(",
    '  "*",',
    "  cors({",
    ...options,
    "  }),",
    ");",
  ].join("\n");
}
