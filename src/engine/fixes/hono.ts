import { roomTranslator } from "../../i18n";
import { jsOrigin, nodeImports } from "./express";
import { KO } from "./hono.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

/** The Hono fix's own words in English (where it goes, its comments), the source; Korean in ./hono.ko.ts. */
export const EN = {
  where:
    "Right after `const app = new Hono()`, before every route and every other app.use() (auth first would answer the preflight). An app that has a cors() middleware makes the change above instead of adding a second one.",
  place: "Right after `const app = new Hono()`, before every route and other middleware.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** hono/cors's default allowMethods (src/middleware/cors/index.ts). */
const HONO_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"];

export const honoImports = () =>
  nodeImports('import { cors } from "hono/cors";', 'const { cors } = require("hono/cors");');

/** Hono's built-in `hono/cors` middleware. */
export function hono(request: FixRequest): string {
  const { policy } = request;
  const options = [`    origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("    credentials: true,");
  const methods = methodOption(policy, HONO_METHODS);
  if (methods) options.push(`    allowMethods: [${quoted(methods)}],`);
  if (policy.headers.length > 0 && !policy.anyHeaders)
    options.push(`    allowHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`    exposeHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`    maxAge: ${policy.maxAge},`);
  return [
    ...heading(request, "//"),
    ...comment("//", words(request.t.lang)("place")),
    "app.use(",
    '  "*",',
    "  cors({",
    ...options,
    "  }),",
    ");",
  ].join("\n");
}
