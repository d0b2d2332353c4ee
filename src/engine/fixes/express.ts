import type { FixRequest } from "./policy";
import { quoted } from "./policy";

const NOTES: Partial<Record<FixRequest["focus"], string>> = {
  "preflight-before-auth":
    "Register cors() before authentication middleware: preflights carry no credentials.",
  "preflight-route":
    "cors() answers OPTIONS itself; keep it above the router so unrouted OPTIONS still get 204.",
  "error-responses": "cors() runs before your routes, so responses from the error handler keep its headers.",
  "no-preflight-redirect":
    'Disable redirects for this route (e.g. app.set("strict routing", false)) or call the final URL.',
};

/** Express with the `cors` package. */
export function express({ policy, focus, summary }: FixRequest): string {
  const options = [`  origin: ${JSON.stringify(policy.origin === "*" ? "*" : policy.origin)},`];
  if (policy.credentials) options.push("  credentials: true,");
  if (policy.methods.length > 0) options.push(`  methods: [${quoted(policy.methods)}],`);
  if (policy.headers.length > 0) options.push(`  allowedHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposedHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`);
  const note = NOTES[focus];
  return [
    `// ${summary}`,
    ...(note ? [`// ${note}`] : []),
    'const cors = require("cors");',
    "",
    "app.use(cors({",
    ...options,
    "}));",
  ].join("\n");
}
