import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted, STANDARD_METHODS } from "./policy";

/** Rails / Rack with `rack-cors`. */
/** Rails rescues exceptions inside its stack; a plain Rack app lets them pass Rack::Cors bare. */
const rackErrors = (request: FixRequest) => [
  "",
  ...comment(request, "#", "fix.rails.errors"),
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
  const methods = [
    ...new Set(["GET", "HEAD", "POST", ...(policy.anyMethods ? STANDARD_METHODS : []), ...policy.methods]),
  ].map((m) => `:${m.toLowerCase()}`);
  const options = [`      methods: [${[...new Set([...methods, ":options"])].join(", ")}],`];
  options.push(
    `      headers: ${policy.headers.length > 0 && !policy.anyHeaders ? `[${quoted(policy.headers)}]` : ":any"},`,
  );
  if (policy.exposeHeaders.length > 0) options.push(`      expose: [${quoted(policy.exposeHeaders)}],`);
  if (policy.credentials && !anyOrigin(policy)) options.push("      credentials: true,");
  options.push(`      max_age: ${policy.maxAge}`);
  return [
    ...heading(request, "#"),
    ...comment(request, "#", "fix.rails.place"),
    "Rails.application.config.middleware.insert_before 0, Rack::Cors do",
    "  allow do",
    `    origins ${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}`,
    '    resource "*",',
    ...options,
    "  end",
    "end",
    ...(request.focus === "error-responses" ? rackErrors(request) : []),
  ].join("\n");
}
