import { roomTranslator } from "../../i18n";
import { KO } from "./go.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, list, methodsOr } from "./policy";

/** The Go's hand-written middleware fix's own words in English (where it goes, its comments), the source; Korean in ./go.ko.ts. */
export const EN = {
  where:
    "Replace your own CORS middleware with this function and wrap the whole mux with it, outside any auth middleware: http.ListenAndServe(addr, withCORS(mux)).",
  place: "Wrap the whole mux, so error responses and OPTIONS get the headers too: withCORS(mux).",
  /** The set-up as the change sentence names it. */
  setup: 'your handler\'s `w.Header().Set("Access-Control-…")` lines',
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** Go net/http middleware, hand-written. */
export function go(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const allowed = `map[string]bool{${policy.origins.map((o) => `${JSON.stringify(o)}: true`).join(", ")}}`;
  const allow = any
    ? ['\t\tw.Header().Set("Access-Control-Allow-Origin", "*")']
    : [
        `\t\tif origin := r.Header.Get("Origin"); ${allowed}[origin] {`,
        '\t\t\tw.Header().Set("Access-Control-Allow-Origin", origin)',
        ...(policy.credentials ? ['\t\t\tw.Header().Set("Access-Control-Allow-Credentials", "true")'] : []),
        "\t\t}",
        '\t\tw.Header().Add("Vary", "Origin")',
      ];
  return [
    ...heading(request, "//"),
    ...comment("//", words(request.t.lang)("place")),
    "func withCORS(next http.Handler) http.Handler {",
    "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
    ...allow,
    ...(policy.exposeHeaders.length > 0
      ? [`\t\tw.Header().Set("Access-Control-Expose-Headers", ${JSON.stringify(list(policy.exposeHeaders))})`]
      : []),
    '\t\tif r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {',
    `\t\t\tw.Header().Set("Access-Control-Allow-Methods", ${JSON.stringify(list(methodsOr(policy)))})`,
    // Where the server allowed any header, the request's own list is answered back, as before.
    ...(policy.anyHeaders
      ? [
          '\t\t\tw.Header().Set("Access-Control-Allow-Headers", r.Header.Get("Access-Control-Request-Headers"))',
        ]
      : policy.headers.length > 0
        ? [`\t\t\tw.Header().Set("Access-Control-Allow-Headers", ${JSON.stringify(list(policy.headers))})`]
        : []),
    `\t\t\tw.Header().Set("Access-Control-Max-Age", "${policy.maxAge}")`,
    "\t\t\tw.WriteHeader(http.StatusNoContent)",
    "\t\t\treturn",
    "\t\t}",
    "\t\tnext.ServeHTTP(w, r)",
    "\t})",
    "}",
  ].join("\n");
}
