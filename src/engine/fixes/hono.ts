import { jsOrigin, nodeImports } from "./express";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

/** hono/cors's default allowMethods (src/middleware/cors/index.ts). */
const HONO_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"];

export const honoImports = () =>
  nodeImports('import { cors } from "hono/cors";', 'const { cors } = require("hono/cors");');

/** Hono's built-in `hono/cors` middleware. */
export function hono(request: FixRequest): string {
  const { policy } = request;
  const options = [`    origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("    credentials: true,");
  const methods = methodOption(policy, HONO_METHODS);
  if (methods) options.push(`    allowMethods: [${quoted(methods)}],`);
  if (policy.headers.length > 0 && !policy.anyHeaders)
    options.push(`    allowHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`    exposeHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`    maxAge: ${policy.maxAge},`);
  return [
    ...heading(request, "//"),
    ...comment(request, "//", "fix.hono.place"),
    "app.use(",
    '  "*",',
    "  cors({",
    ...options,
    "  }),",
    ");",
  ].join("\n");
}
