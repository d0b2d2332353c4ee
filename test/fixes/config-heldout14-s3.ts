/**
 * Issue #23's fourteenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, OTHER_SCHEME the same host with the other scheme. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT14_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/aws-amplify/docs/pull/2909 — "Update getting-started.md with CORS Policy": the
    // JSON policy proposed for Amplify Storage lists as AllowedHeaders the headers S3 sends back
    // (x-amz-request-id, x-amz-id-2, ETag) besides x-amz-server-side-encryption, and not the
    // Content-Type the upload sends, so the upload's preflight is refused (the review asks for the
    // CLI's `"AllowedHeaders": ["*"]`). Written as the console's JSON array of rules. Root: the
    // AllowedHeaders list (JSON).
    name: "heldout14 S3: AllowedHeaders lists response headers, not the upload's Content-Type, the PUT refused (JSON)",
    url: "https://github.com/aws-amplify/docs/pull/2909",
    rootText: '"AllowedHeaders": [',
    text: `[
  {
    "AllowedHeaders": [
      "x-amz-server-side-encryption",
      "x-amz-request-id",
      "x-amz-id-2",
      "ETag"
    ],
    "AllowedMethods": ["GET", "PUT", "POST", "HEAD", "DELETE"],
    "AllowedOrigins": ["*"],
    "ExposeHeaders": [],
    "MaxAgeSeconds": 3000
  }
]
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
];
