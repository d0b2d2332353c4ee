import type { FixRequest } from "./policy";
import { list } from "./policy";

/** Go net/http middleware. */
export function go({ policy, summary }: FixRequest): string {
  const origin = JSON.stringify(policy.origin);
  const allow =
    policy.origin === "*"
      ? ['\t\tw.Header().Set("Access-Control-Allow-Origin", "*")']
      : [
          `\t\tif r.Header.Get("Origin") == ${origin} {`,
          `\t\t\tw.Header().Set("Access-Control-Allow-Origin", ${origin})`,
          ...(policy.credentials ? ['\t\t\tw.Header().Set("Access-Control-Allow-Credentials", "true")'] : []),
          "\t\t}",
          '\t\tw.Header().Add("Vary", "Origin")',
        ];
  return [
    `// ${summary}`,
    "// Wrap the whole mux, so error responses and OPTIONS get the headers too.",
    "func withCORS(next http.Handler) http.Handler {",
    "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
    ...allow,
    ...(policy.exposeHeaders.length > 0
      ? [`\t\tw.Header().Set("Access-Control-Expose-Headers", ${JSON.stringify(list(policy.exposeHeaders))})`]
      : []),
    '\t\tif r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {',
    `\t\t\tw.Header().Set("Access-Control-Allow-Methods", ${JSON.stringify(list(policy.methods, "GET, POST"))})`,
    ...(policy.headers.length > 0
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
