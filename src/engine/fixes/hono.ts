import { jsOrigin } from "./express";
import type { FixRequest } from "./policy";
import { anyOrigin, heading, quoted } from "./policy";

export const honoWhere =
  "Right after `const app = new Hono()`, before every route and every other app.use() (auth first would answer the preflight). Replace any existing cors() middleware.";

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
    "// Right after `const app = new Hono()`, before every route and other middleware.",
    'const { cors } = require("hono/cors");',
    "app.use(",
    '  "*",',
    "  cors({",
    ...options,
    "  }),",
    ");",
  ].join("\n");
}
