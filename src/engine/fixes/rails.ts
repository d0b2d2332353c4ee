import type { FixRequest } from "./policy";
import { anyOrigin, heading, quoted } from "./policy";

export const railsWhere =
  "config/initializers/cors.rb in Rails (replacing its allow block); in a plain Rack app, `use Rack::Cors` as the first middleware in config.ru, before auth.";

/** Rails / Rack with `rack-cors`. */
export function rails(request: FixRequest): string {
  const { policy } = request;
  const methods = [...new Set(["GET", "HEAD", "POST", ...policy.methods])].map((m) => `:${m.toLowerCase()}`);
  const options = [`      methods: [${[...new Set([...methods, ":options"])].join(", ")}],`];
  options.push(`      headers: ${policy.headers.length > 0 ? `[${quoted(policy.headers)}]` : ":any"},`);
  if (policy.exposeHeaders.length > 0) options.push(`      expose: [${quoted(policy.exposeHeaders)}],`);
  if (policy.credentials && !anyOrigin(policy)) options.push("      credentials: true,");
  options.push(`      max_age: ${policy.maxAge}`);
  return [
    ...heading(request, "#"),
    "# insert_before 0 puts it ahead of authentication and error middleware",
    "# (in a plain Rack app: `use Rack::Cors do … end` first in config.ru).",
    "Rails.application.config.middleware.insert_before 0, Rack::Cors do",
    "  allow do",
    `    origins ${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}`,
    '    resource "*",',
    ...options,
    "  end",
    "end",
  ].join("\n");
}
