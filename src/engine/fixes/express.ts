import type { FixRequest } from "./policy";
import { anyOrigin, heading, quoted } from "./policy";

const NOTES: Partial<Record<FixRequest["focus"], string>> = {
  "preflight-before-auth":
    "Above your authentication middleware: it answers preflights (which carry no credentials) itself.",
  "preflight-route": "cors() answers OPTIONS itself, so routes need no OPTIONS handler.",
  "error-responses":
    "Registered first, its headers are set before body parsers, validators or routes can fail.",
  "no-preflight-redirect": "Registered first, it answers the preflight before a redirect rule can.",
};

export const expressWhere =
  "In the app's entry file, directly after `const app = express()`, before every other app.use() (static files, routers, auth, body parsers). Replace any existing cors() call.";

/** The `origin` option: a string for one origin, an array for several (the cors package matches exactly). */
export function jsOrigin(origins: readonly string[]): string {
  if (origins.includes("*")) return '"*"';
  return origins.length === 1 ? JSON.stringify(origins[0]) : `[${quoted(origins)}]`;
}

/** Express with the `cors` package. */
export function express(request: FixRequest): string {
  const { policy, focus } = request;
  const options = [`  origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("  credentials: true,");
  if (policy.methods.length > 0)
    options.push(`  methods: [${quoted([...new Set(["GET", "HEAD", "POST", ...policy.methods])])}],`);
  if (policy.headers.length > 0) options.push(`  allowedHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposedHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`);
  const note = NOTES[focus];
  return [
    ...heading(request, "//"),
    "// Directly after `const app = express()`, before every other app.use(); replaces any other cors() call.",
    ...(note ? [`// ${note}`] : []),
    'const cors = require("cors");',
    "app.use(cors({",
    ...options,
    "}));",
  ].join("\n");
}
