import { roomTranslator } from "../../i18n";
import type { StackPackage } from "../types";
import { jsOrigin, nodeImports } from "./express";
import { KO } from "./fastify.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

/** The Fastify fix's own words in English (where it goes, its comments), the source; Korean in ./fastify.ko.ts. */
export const EN = {
  where:
    "Right after `const app = fastify()`, before any route and any onRequest hook that authenticates or redirects (hooks run in the order they are added). An app that registers @fastify/cors makes the change above instead of registering it twice.",
  place:
    "Right after `const app = fastify()`, so its onRequest hook runs before any added later\n(auth, redirects). Its default hook answers preflights before routing and body parsing.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "npm",
  name: "@fastify/cors",
  modules: ["@fastify/cors"],
  install: "npm install @fastify/cors",
};

export const fastifyImports = () =>
  nodeImports('import cors from "@fastify/cors";', 'const cors = require("@fastify/cors");');

/** Fastify with `@fastify/cors` (its onRequest hook answers preflights before routes and later hooks). */
export function fastify(request: FixRequest): string {
  const { policy } = request;
  const options = [`  origin: ${jsOrigin(policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) options.push("  credentials: true,");
  const methods = methodOption(policy, ["GET", "HEAD", "POST"]);
  if (methods) options.push(`  methods: [${quoted(methods)}],`);
  if (policy.headers.length > 0 && !policy.anyHeaders)
    options.push(`  allowedHeaders: [${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`  exposedHeaders: [${quoted(policy.exposeHeaders)}],`);
  options.push(`  maxAge: ${policy.maxAge},`);
  return [
    ...heading(request, "//"),
    ...comment("//", words(request.t.lang)("place")),
    // No `await`: register() queues the plugin before listen(), and a top-level await is invalid in CommonJS.
    "app.register(cors, {",
    ...options,
    "});",
  ].join("\n");
}
