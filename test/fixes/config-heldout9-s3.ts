/**
 * Issue #23's ninth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case, SDK_PUT } from "./config-s3-cases";

export const HELD_OUT9_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/odysseyscience/react-s3-uploader/issues/81 — "Method PUT is not allowed by
    // Access-Control-Allow-Methods": the bucket's rule allows GET and HEAD only, and the uploader PUTs
    // to a presigned URL. Root: the rule's first AllowedMethod line (XML).
    name: "heldout9 S3: the rule allows GET and HEAD only, the presigned PUT refused (XML)",
    url: "https://github.com/odysseyscience/react-s3-uploader/issues/81",
    rootText: "<AllowedMethod>GET</AllowedMethod>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://github.com/transloadit/uppy/issues/605 — the bucket's rule allows Authorization as its
    // only header, while the upload sends Content-Type and the SDK's x-amz-* headers: the PUT's
    // preflight is refused. Root: the AllowedHeaders line (JSON).
    name: "heldout9 S3: AllowedHeaders lists Authorization only, the SDK upload's headers refused (JSON)",
    url: "https://github.com/transloadit/uppy/issues/605",
    rootText: '"AllowedHeaders": ["Authorization"],',
    text: `[
  {
    "AllowedHeaders": ["Authorization"],
    "AllowedMethods": ["GET", "PUT"],
    "AllowedOrigins": ["ORIGIN"],
    "ExposeHeaders": ["ETag"],
    "MaxAgeSeconds": 3000
  }
]
`,
    calls: [GET_OBJECT, SDK_PUT],
    check: [],
  },
];
