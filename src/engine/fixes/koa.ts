import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

/** Koa with `@koa/cors` (v5 keeps its headers on thrown errors by default). */
export function koa(request: FixRequest): string {
  const { policy } = request;
  const several = policy.origins.length > 1;
  const origin = anyOrigin(policy)
    ? '"*"'
    : several
      ? '(ctx) => (ALLOWED_ORIGINS.includes(ctx.get("Origin")) ? ctx.get("Origin") : "")'
      : JSON.stringify(policy.origins[0]);
  const options = [`  origin: ${origin},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("  credentials: true,");
  options.push(`  allowMethods: [${quoted([...new Set(["GET", "HEAD", "POST", ...policy.methods])])}],`);
  if (policy.headers.length > 0) options.push(`  allowHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposeHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`, "  keepHeadersOnError: true,");
  return [
    ...heading(request, "//"),
    ...comment(request, "//", "fix.koa.place"),
    'const cors = require("@koa/cors");',
    ...(several && !anyOrigin(policy) ? [`const ALLOWED_ORIGINS = [${quoted(policy.origins)}];`] : []),
    "app.use(cors({",
    ...options,
    "}));",
  ].join("\n");
}
