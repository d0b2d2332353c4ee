import type { FixRequest } from "./policy";
import { comment, heading, quoted } from "./policy";

/** ASP.NET Core CORS middleware (Program.cs). */
export function aspnet(request: FixRequest): string {
  const { policy } = request;
  const chain = [`    .WithOrigins(${quoted(policy.origins)})`];
  chain.push(`    .WithMethods(${quoted(policy.methods.length > 0 ? policy.methods : ["GET", "POST"])})`);
  if (policy.headers.length > 0) chain.push(`    .WithHeaders(${quoted(policy.headers)})`);
  if (policy.exposeHeaders.length > 0) chain.push(`    .WithExposedHeaders(${quoted(policy.exposeHeaders)})`);
  if (policy.credentials) chain.push("    .AllowCredentials()");
  chain.push(`    .SetPreflightMaxAge(TimeSpan.FromSeconds(${policy.maxAge}))));`);
  return [
    ...heading(request, "//"),
    'builder.Services.AddCors(options => options.AddPolicy("frontend", policy => policy',
    ...chain,
    "",
    ...comment(request, "//", "fix.aspnet.place"),
    'app.UseCors("frontend");',
  ].join("\n");
}
