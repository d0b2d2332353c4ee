import type { FixRequest } from "./policy";
import { quoted } from "./policy";

/** Rails with `rack-cors` (config/initializers/cors.rb). */
export function rails({ policy, summary }: FixRequest): string {
  const methods = (policy.methods.length > 0 ? policy.methods : ["GET", "POST"]).map(
    (m) => `:${m.toLowerCase()}`,
  );
  const options = [`      methods: [${[...new Set([...methods, ":options"])].join(", ")}],`];
  options.push(`      headers: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`      expose: [${quoted(policy.exposeHeaders)}],`);
  if (policy.credentials) options.push("      credentials: true,");
  options.push(`      max_age: ${policy.maxAge}`);
  return [
    `# ${summary}`,
    "# insert_before 0 puts it ahead of authentication and error middleware.",
    "Rails.application.config.middleware.insert_before 0, Rack::Cors do",
    "  allow do",
    `    origins ${quoted([policy.origin])}`,
    '    resource "*",',
    ...options,
    "  end",
    "end",
  ].join("\n");
}
