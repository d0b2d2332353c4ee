import type { MessageKey } from "../../i18n";
import type { FixImport } from "../types";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

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

/** The cors package's default methods (lib/index.js `defaults`). */
const EXPRESS_METHODS = ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"];

/** How a Node package is imported, in both module systems; the snippet itself is valid in either. */
export function nodeImports(esm: string, cjs: string): FixImport[] {
  return [
    { form: "esm", code: esm },
    { form: "cjs", code: cjs },
  ];
}

export const expressImports = () => nodeImports('import cors from "cors";', 'const cors = require("cors");');

/** Express with the `cors` package. */
export function express(request: FixRequest): string {
  const { policy, focus } = request;
  const options = [`  origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("  credentials: true,");
  const methods = methodOption(policy, EXPRESS_METHODS);
  if (methods) options.push(`  methods: [${quoted(methods)}],`);
  // Left out, cors reflects the headers each preflight asks for: kept where the server did that.
  if (policy.headers.length > 0 && !policy.anyHeaders)
    options.push(`  allowedHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposedHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`);
  const note = NOTES[focus];
  return [
    ...heading(request, "//"),
    ...comment(request, "//", "fix.express.place"),
    ...(note ? comment(request, "//", note) : []),
    "app.use(cors({",
    ...options,
    "}));",
  ].join("\n");
}
