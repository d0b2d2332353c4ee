import type { FixRequest } from "./policy";
import { comment, heading, quoted } from "./policy";

/** Spring MVC `WebMvcConfigurer` (with Spring Security, also `http.cors(...)`). */
export function spring(request: FixRequest): string {
  const { policy } = request;
  const chain = [`            .allowedOrigins(${quoted(policy.origins)})`];
  chain.push(
    `            .allowedMethods(${quoted(policy.methods.length > 0 ? policy.methods : ["GET", "POST"])})`,
  );
  if (policy.headers.length > 0) chain.push(`            .allowedHeaders(${quoted(policy.headers)})`);
  if (policy.exposeHeaders.length > 0)
    chain.push(`            .exposedHeaders(${quoted(policy.exposeHeaders)})`);
  if (policy.credentials) chain.push("            .allowCredentials(true)");
  chain.push(`            .maxAge(${policy.maxAge});`);
  return [
    ...heading(request, "//"),
    ...comment(request, "//", "fix.spring.security"),
    "@Configuration",
    "public class CorsConfig implements WebMvcConfigurer {",
    "    @Override",
    "    public void addCorsMappings(CorsRegistry registry) {",
    '        registry.addMapping("/**")',
    ...chain,
    "    }",
    "}",
  ].join("\n");
}
