/**
 * Issue #23's seventh never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT7_S3: Array<S3Case & Held3> = [
  {
    // https://docs.aws.amazon.com/en_us/AmazonS3/latest/userguide/cors-troubleshooting.html — the
    // bucket's only rule names another site's origin: the page's origin matches no rule and S3 answers
    // without CORS. Root: the AllowedOrigin line (XML).
    name: "heldout7 S3: the only rule's AllowedOrigin names another site (XML)",
    url: "https://docs.aws.amazon.com/en_us/AmazonS3/latest/userguide/cors-troubleshooting.html",
    rootText: "<AllowedOrigin>http://www.example1.com</AllowedOrigin>",
    text: `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>http://www.example1.com</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT],
    check: [],
  },
  {
    // https://oneuptime.com/blog/post/2026-02-12-configure-cors-s3-bucket/view — the basic
    // read-only rule (GET) kept when the app started uploading with presigned PUTs: the PUT's preflight
    // is refused. Root: the AllowedMethods line (JSON).
    name: "heldout7 S3: AllowedMethods GET only, the presigned upload's PUT refused (JSON)",
    url: "https://oneuptime.com/blog/post/2026-02-12-configure-cors-s3-bucket/view",
    rootText: '"AllowedMethods": ["GET"],',
    text: `[
  {
    "AllowedHeaders": ["*"],
    "AllowedMethods": ["GET"],
    "AllowedOrigins": ["ORIGIN"],
    "ExposeHeaders": [],
    "MaxAgeSeconds": 3600
  }
]
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
];
