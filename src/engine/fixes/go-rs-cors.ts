import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading } from "./policy";

const goStrings = (items: readonly string[]) => `[]string{${items.map((i) => JSON.stringify(i)).join(", ")}}`;

/** Go with github.com/rs/cors: it checks every method, safelisted ones included, against AllowedMethods. */
export function goRsCors(request: FixRequest): string {
  const { policy } = request;
  const fields = [`\tAllowedOrigins:   ${goStrings(anyOrigin(policy) ? ["*"] : policy.origins)},`];
  if (policy.credentials && !anyOrigin(policy)) fields.push("\tAllowCredentials: true,");
  fields.push(`\tAllowedMethods:   ${goStrings([...new Set(["GET", "HEAD", "POST", ...policy.methods])])},`);
  if (policy.headers.length > 0) fields.push(`\tAllowedHeaders:   ${goStrings(policy.headers)},`);
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
