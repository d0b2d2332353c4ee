import { roomTranslator } from "../../i18n";
import type { FixImport, StackPackage } from "../types";
import { KO } from "./gorilla-handlers.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, STANDARD_METHODS } from "./policy";

/** The gorilla/handlers fix's own words in English (where it goes, its comments), the source; Korean in ./gorilla-handlers.ko.ts. */
export const EN = {
  place:
    "Wrap the whole router, outside any auth middleware: http.ListenAndServe(addr, handlers.CORS(…)(router)). Around a handlers.CORS(…) you have, it answers the origins it lists first.",
  where:
    "Wrap the handler you pass to http.ListenAndServe with this (outside any auth middleware): http.ListenAndServe(addr, handlers.CORS(…)(router)). An app that has a handlers.CORS(…) makes the change above instead.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "go",
  name: "github.com/gorilla/handlers",
  modules: ["github.com/gorilla/handlers"],
  install: "go get github.com/gorilla/handlers",
};

const goStrings = (items: readonly string[]) => `[]string{${items.map((i) => JSON.stringify(i)).join(", ")}}`;

export function gorillaImports(): FixImport[] {
  return [{ form: null, code: 'import "github.com/gorilla/handlers"' }];
}

/** gorilla/handlers 1.5.1 caps MaxAge at 600 seconds (cors.go, `MaxAge`). */
const GORILLA_MAX_AGE = 600;

/**
 * Go with github.com/gorilla/handlers' CORS (https://github.com/gorilla/handlers/blob/v1.5.1/cors.go):
 * an expression that wraps the handler passed to http.ListenAndServe. Wrapping twice is harmless:
 * the outer one answers preflights, and both Set the same headers on the others.
 */
export function gorillaHandlers(request: FixRequest): string {
  const { policy } = request;
  const options = [`handlers.AllowedOrigins(${goStrings(anyOrigin(policy) ? ["*"] : policy.origins)}),`];
  // AllowedMethods replaces GET, HEAD, POST: those are kept.
  options.push(
    `handlers.AllowedMethods(${goStrings([...new Set(["GET", "HEAD", "POST", ...(policy.anyMethods ? STANDARD_METHODS : []), ...policy.methods])])}),`,
  );
  // AllowedHeaders adds to Accept, Accept-Language, Content-Language and Origin; it has no "*".
  if (policy.headers.length > 0) options.push(`handlers.AllowedHeaders(${goStrings(policy.headers)}),`);
  if (policy.exposeHeaders.length > 0)
    options.push(`handlers.ExposedHeaders(${goStrings(policy.exposeHeaders)}),`);
  if (policy.credentials && !anyOrigin(policy)) options.push("handlers.AllowCredentials(),");
  options.push(`handlers.MaxAge(${Math.min(policy.maxAge, GORILLA_MAX_AGE)}),`);
  return [
    ...heading(request, "//", true),
    ...comment("//", words(request.t.lang)("place")),
    "handlers.CORS(",
    ...options.map((o) => `\t${o}`),
    ")",
  ].join("\n");
}
