import type { FixRequest } from "./policy";

const S3_METHODS = new Set(["GET", "PUT", "POST", "DELETE", "HEAD"]);

/** An AWS S3 bucket CORS configuration (JSON, as the console and `put-bucket-cors` take it). */
export function s3({ policy }: FixRequest): string {
  const methods = [...new Set(["GET", "HEAD", ...policy.methods.map((m) => m.toUpperCase())])].filter((m) =>
    S3_METHODS.has(m),
  );
  const rule: Record<string, unknown> = {
    AllowedOrigins: policy.origins,
    AllowedMethods: methods,
    AllowedHeaders: policy.headers.length > 0 ? policy.headers : ["*"],
  };
  if (policy.exposeHeaders.length > 0) rule.ExposeHeaders = policy.exposeHeaders;
  rule.MaxAgeSeconds = policy.maxAge;
  return JSON.stringify([rule], null, 2);
}
