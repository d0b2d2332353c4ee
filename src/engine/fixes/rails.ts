import type { FixRequest } from "./policy";
import { anyOrigin, heading, quoted } from "./policy";

export const railsWhere =
  "config/initializers/cors.rb in Rails (replacing its allow block); in a plain Rack app, `use Rack::Cors` as the first middleware in config.ru, before auth.";

/** Rails / Rack with `rack-cors`. */
/** Rails rescues exceptions inside its stack; a plain Rack app lets them pass Rack::Cors bare. */
const RACK_ERRORS = [
  "",
  "# In a plain Rack app (Rails rescues on its own): an exception must become a 500 inside Rack::Cors,",
  "# or the server answers it without CORS headers. Define this and `use ErrorsInsideCors` right after",
  "# the `use Rack::Cors` block.",
  "class ErrorsInsideCors",
  "  def initialize(app)",
  "    @app = app",
  "  end",
  "",
  "  def call(env)",
  "    @app.call(env)",
  "  rescue StandardError",
  '    [500, { "content-type" => "text/plain" }, ["Internal Server Error"]]',
  "  end",
  "end",
];

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
    ...(request.focus === "error-responses" ? RACK_ERRORS : []),
  ].join("\n");
}
