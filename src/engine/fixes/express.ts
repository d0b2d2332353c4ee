import type { MessageKey } from "../../i18n";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

const NOTES: Partial<Record<FixRequest["focus"], MessageKey>> = {
  "preflight-before-auth": "fix.express.note.preflight-before-auth",
  "preflight-route": "fix.express.note.preflight-route",
  "error-responses": "fix.express.note.error-responses",
  "no-preflight-redirect": "fix.express.note.no-preflight-redirect",
};

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
    ...comment(request, "//", "fix.express.place"),
    ...(note ? comment(request, "//", note) : []),
    'const cors = require("cors");',
    "app.use(cors({",
    ...options,
    "}));",
  ].join("\n");
}
