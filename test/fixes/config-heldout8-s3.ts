/**
 * Issue #23's eighth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT8_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/aws/aws-sdk-js-v3/issues/5268 — a presigned upload sent with a Content-Type
    // header ("I still get 403 in the preflight request") to a bucket whose rule lists no
    // AllowedHeader: the PUT's preflight asks for content-type and is refused. Root: the rule's
    // opening line (it holds no AllowedHeader) (XML).
    name: "heldout8 S3: the rule lists no AllowedHeader, the presigned PUT's Content-Type refused (XML)",
    url: "https://github.com/aws/aws-sdk-js-v3/issues/5268",
    rootText: "<CORSRule>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://github.com/arafato/funcy-azure/pull/3 — the front end's origin written into the
    // storage CORS rule's allowed origins with a trailing slash: an Origin never ends with one, the
    // rule matches nothing. Root: the AllowedOrigins line (JSON).
    name: "heldout8 S3: the AllowedOrigins entry ends with a slash, no rule matches (JSON)",
    url: "https://github.com/arafato/funcy-azure/pull/3",
    rootText: '"AllowedOrigins": ["ORIGIN/"],',
    text: `[
  {
    "AllowedHeaders": ["*"],
    "AllowedMethods": ["GET", "HEAD"],
    "AllowedOrigins": ["ORIGIN/"],
    "MaxAgeSeconds": 3000
  }
]
`,
    calls: [GET_OBJECT],
    check: [],
  },
];
