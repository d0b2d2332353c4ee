import { roomTranslator } from "../../i18n";
import type { FixRequest } from "./policy";
import { comment, heading, quoted } from "./policy";
import { KO } from "./spring.ko";

/** The Spring fix's own words in English (where it goes, its comments), the source; Korean in ./spring.ko.ts. */
export const EN = {
  where:
    "A @Configuration class; with Spring Security also http.cors(), so preflights pass before authentication.",
  security:
    "With Spring Security, also call http.cors(Customizer.withDefaults()) so preflights pass before authentication.",
  /** The set-up as the change sentence names it. */
  setup: "your `CorsRegistry` mapping",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/**
 * Spring MVC `WebMvcConfigurer` (with Spring Security, also `http.cors(...)`), written from Spring's
 * documentation, not run here. `addMapping` starts from permit-default values: GET, HEAD and POST,
 * every header (CorsRegistration, CorsConfiguration#applyPermitDefaultValues:
 * https://docs.spring.io/spring-framework/docs/current/javadoc-api/org/springframework/web/cors/CorsConfiguration.html);
 * `allowedMethods` replaces that list and is checked on actual requests too (DefaultCorsProcessor
 * `handleInternal`, https://github.com/spring-projects/spring-framework/blob/main/spring-web/src/main/java/org/springframework/web/cors/DefaultCorsProcessor.java),
 * so the defaults stay in it; `allowedHeaders` is written only where the server listed headers
 * rather than mirrored them.
 */
export function spring(request: FixRequest): string {
  const { policy } = request;
  const chain = [`            .allowedOrigins(${quoted(policy.origins)})`];
  const methods = policy.anyMethods ? ["*"] : [...new Set(["GET", "HEAD", "POST", ...policy.methods])];
  chain.push(`            .allowedMethods(${quoted(methods)})`);
  if (policy.headers.length > 0 && !policy.anyHeaders)
    chain.push(`            .allowedHeaders(${quoted(policy.headers)})`);
  if (policy.exposeHeaders.length > 0)
    chain.push(`            .exposedHeaders(${quoted(policy.exposeHeaders)})`);
  if (policy.credentials) chain.push("            .allowCredentials(true)");
  chain.push(`            .maxAge(${policy.maxAge});`);
  return [
    ...heading(request, "//"),
    ...comment("//", words(request.t.lang)("security")),
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
