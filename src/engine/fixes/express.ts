import { type Lang, roomTranslator } from "../../i18n";
import type { FixImport, StackPackage } from "../types";
import { KO } from "./express.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

/** The Express fix's own words in English (where it goes, its comments), the source; Korean in ./express.ko.ts. */
export const EN = {
  where:
    "In the app's entry file, directly after `const app = express()`, before every other app.use() (static files, routers, auth, body parsers). An app that has a cors() call makes the change above instead of adding a second one.",
  place: "Directly after `const app = express()`, before every other app.use().",
  "note.preflight-before-auth":
    "Above your authentication middleware: it answers preflights (which carry no credentials) itself.",
  "note.preflight-route": "cors() answers OPTIONS itself, so routes need no OPTIONS handler.",
  "note.error-responses":
    "Registered first, its headers are set before body parsers, validators or routes can fail.",
  "note.no-preflight-redirect": "Registered first, it answers the preflight before a redirect rule can.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "npm",
  name: "cors",
  modules: ["cors"],
  install: "npm install cors",
};

/** The focuses where the set-up's place is the fix: the snippet says why, and so does the change (./change.ts). */
const NOTES: Partial<Record<FixRequest["focus"], keyof typeof EN>> = {
  "preflight-before-auth": "note.preflight-before-auth",
  "preflight-route": "note.preflight-route",
  "error-responses": "note.error-responses",
  "no-preflight-redirect": "note.no-preflight-redirect",
};

/** Why cors() goes first, for a focus that turns on its place; null for the others. */
export function expressNote(focus: FixRequest["focus"], lang: Lang): string | null {
  const note = NOTES[focus];
  return note ? words(lang)(note) : null;
}

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
  const note = expressNote(focus, request.t.lang);
  return [
    ...heading(request, "//"),
    ...comment("//", words(request.t.lang)("place")),
    ...(note ? comment("//", note) : []),
    "app.use(cors({",
    ...options,
    "}));",
  ].join("\n");
}
