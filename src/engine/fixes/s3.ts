import { roomTranslator } from "../../i18n";
import type { FixRequest } from "./policy";
import { KO } from "./s3.ko";

/** The S3 fix's own words in English (where it goes, its comments), the source; Korean in ./s3.ko.ts. */
export const EN = {
  where:
    "The bucket's CORS configuration (console → Permissions → CORS, or `aws s3api put-bucket-cors`), replacing its rules.",
  /** The set-up as the change sentence names it. */
  setup: "the bucket's CORS rule",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The methods an S3 CORS rule can allow (put-bucket-cors rejects any other). */
export const S3_METHODS: ReadonlySet<string> = new Set(["GET", "PUT", "POST", "DELETE", "HEAD"]);

/** An AWS S3 bucket CORS configuration (JSON, as the console and `put-bucket-cors` take it). */
export function s3({ policy }: FixRequest): string {
  // S3 matches a rule by the request's method too, the safelisted POST included
  // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html, "How does Amazon S3 evaluate
  // the CORS configuration on a bucket?"): every method the page sent is listed.
  const methods = [
    ...new Set(["GET", "HEAD", ...policy.methods, ...policy.pageMethods].map((m) => m.toUpperCase())),
  ].filter((m) => S3_METHODS.has(m));
  const rule: Record<string, unknown> = {
    AllowedOrigins: policy.origins,
    AllowedMethods: methods,
    // `*` where the server allowed any header (S3 then answers the request's own list) or none was asked.
    AllowedHeaders: policy.headers.length > 0 && !policy.anyHeaders ? policy.headers : ["*"],
  };
  if (policy.exposeHeaders.length > 0) rule.ExposeHeaders = policy.exposeHeaders;
  rule.MaxAgeSeconds = policy.maxAge;
  return JSON.stringify([rule], null, 2);
}
