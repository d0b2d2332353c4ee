import { roomTranslator } from "../../i18n";
import type { StackPackage } from "../types";
import { KO } from "./go-rs-cors.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, STANDARD_METHODS } from "./policy";

/** The rs/cors fix's own words in English (where it goes, its comments), the source; Korean in ./go-rs-cors.ko.ts. */
export const EN = {
  place: 'import "github.com/rs/cors"; wrap the whole mux: http.ListenAndServe(addr, c.Handler(mux)).',
  where:
    "Replace the cors.Options you pass to cors.New (or add it), and wrap the whole handler, outside any auth middleware: http.ListenAndServe(addr, c.Handler(mux)).",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "go",
  name: "github.com/rs/cors",
  modules: ["github.com/rs/cors"],
  install: "go get github.com/rs/cors",
};

const goStrings = (items: readonly string[]) => `[]string{${items.map((i) => JSON.stringify(i)).join(", ")}}`;

/** Go with github.com/rs/cors: it checks every method, safelisted ones included, against AllowedMethods. */
export function goRsCors(request: FixRequest): string {
  const { policy } = request;
  const fields = [`\tAllowedOrigins:   ${goStrings(anyOrigin(policy) ? ["*"] : policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) fields.push("\tAllowCredentials: true,");
  fields.push(
    `\tAllowedMethods:   ${goStrings([...new Set(["GET", "HEAD", "POST", ...(policy.anyMethods ? STANDARD_METHODS : []), ...policy.methods])])},`,
  );
  // rs/cors' "*" reflects every requested header: kept where the server allowed any.
  if (policy.anyHeaders) fields.push(`\tAllowedHeaders:   ${goStrings(["*"])},`);
  else if (policy.headers.length > 0) fields.push(`\tAllowedHeaders:   ${goStrings(policy.headers)},`);
  if (policy.exposeHeaders.length > 0) fields.push(`\tExposedHeaders:   ${goStrings(policy.exposeHeaders)},`);
  fields.push(`\tMaxAge:           ${policy.maxAge},`);
  return [
    ...heading(request, "//"),
    ...comment("//", words(request.t.lang)("place")),
    "c := cors.New(cors.Options{",
    ...fields,
    "})",
  ].join("\n");
}
