import type { FixRequest } from "./policy";
import { quoted } from "./policy";

/** Flask with `flask-cors`. */
export function flaskCors({ policy, summary }: FixRequest): string {
  const args = [`origins=[${quoted([policy.origin])}]`];
  if (policy.credentials) args.push("supports_credentials=True");
  if (policy.methods.length > 0) args.push(`methods=[${quoted(policy.methods)}]`);
  if (policy.headers.length > 0) args.push(`allow_headers=[${quoted(policy.headers)}]`);
  if (policy.exposeHeaders.length > 0) args.push(`expose_headers=[${quoted(policy.exposeHeaders)}]`);
  args.push(`max_age=${policy.maxAge}`);
  return [
    `# ${summary}`,
    "from flask_cors import CORS",
    "",
    "CORS(",
    "    app,",
    ...args.map((a) => `    ${a},`),
    ")",
  ].join("\n");
}
