import { roomTranslator } from "../../i18n";
import type { StackPackage } from "../types";
import { nodeImports } from "./express";
import { KO } from "./koa.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

/** The Koa fix's own words in English (where it goes, its comments), the source; Korean in ./koa.ko.ts. */
export const EN = {
  where:
    "Right after `const app = new Koa()`, before every other app.use() (auth, body parser, router). An app that has a cors() middleware makes the change above instead of adding a second one.",
  place: "Right after `const app = new Koa()`, before every other app.use().",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "npm",
  name: "@koa/cors",
  modules: ["@koa/cors"],
  install: "npm install @koa/cors",
};

/** @koa/cors's default allowMethods (index.js). */
const KOA_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"];

export const koaImports = () =>
  nodeImports('import cors from "@koa/cors";', 'const cors = require("@koa/cors");');

/** Koa with `@koa/cors` (v5 keeps its headers on thrown errors by default). */
export function koa(request: FixRequest): string {
  const { policy } = request;
  const several = policy.origins.length > 1;
  const origin = anyOrigin(policy)
    ? '"*"'
    : several
      ? `(ctx) => ([${quoted(policy.origins)}].includes(ctx.get("Origin")) ? ctx.get("Origin") : "")`
      : JSON.stringify(policy.origins[0]);
  const options = [`  origin: ${origin},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("  credentials: true,");
  const methods = methodOption(policy, KOA_METHODS);
  if (methods) options.push(`  allowMethods: [${quoted(methods)}],`);
  if (policy.headers.length > 0 && !policy.anyHeaders)
    options.push(`  allowHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposeHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`, "  keepHeadersOnError: true,");
  return [
    ...heading(request, "//"),
    ...comment("//", words(request.t.lang)("place")),
    "app.use(cors({",
    ...options,
    "}));",
  ].join("\n");
}
