import { roomTranslator } from "../../i18n";
import { KO } from "./aspnet.ko";
import type { FixRequest } from "./policy";
import { comment, heading, quoted } from "./policy";

/** The ASP.NET Core fix's own words in English (where it goes, its comments), the source; Korean in ./aspnet.ko.ts. */
export const EN = {
  where: "Program.cs: AddCors with the services, UseCors after UseRouting and before UseAuthentication.",
  place: "After UseRouting and before UseAuthentication/UseAuthorization, so preflights are answered first.",
  /** The set-up as the change sentence names it. */
  setup: "your `AddCors` policy",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/**
 * ASP.NET Core CORS middleware (Program.cs), written from its documentation, not run here
 * (https://learn.microsoft.com/en-us/aspnet/core/security/cors): a policy allows no request header
 * and no method beyond the safelisted ones unless told, so a server that allowed any keeps that
 * with AllowAnyMethod / AllowAnyHeader (both valid with AllowCredentials; only any origin is not).
 */
export function aspnet(request: FixRequest): string {
  const { policy } = request;
  const chain = [`    .WithOrigins(${quoted(policy.origins)})`];
  chain.push(
    policy.anyMethods
      ? "    .AllowAnyMethod()"
      : `    .WithMethods(${quoted([...new Set(["GET", "HEAD", "POST", ...policy.methods])])})`,
  );
  if (policy.anyHeaders) chain.push("    .AllowAnyHeader()");
  else if (policy.headers.length > 0) chain.push(`    .WithHeaders(${quoted(policy.headers)})`);
  if (policy.exposeHeaders.length > 0) chain.push(`    .WithExposedHeaders(${quoted(policy.exposeHeaders)})`);
  if (policy.credentials) chain.push("    .AllowCredentials()");
  chain.push(`    .SetPreflightMaxAge(TimeSpan.FromSeconds(${policy.maxAge}))));`);
  return [
    ...heading(request, "//"),
    'builder.Services.AddCors(options => options.AddPolicy("frontend", policy => policy',
    ...chain,
    "",
    ...comment("//", words(request.t.lang)("place")),
    'app.UseCors("frontend");',
  ].join("\n");
}
