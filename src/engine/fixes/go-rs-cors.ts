import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, STANDARD_METHODS } from "./policy";

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
    ...comment(request, "//", "fix.go-rs-cors.place"),
    "c := cors.New(cors.Options{",
    ...fields,
    "})",
  ].join("\n");
}
