/**
 * Issue #23's fifteenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, OTHER_SCHEME the same host with the other scheme. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";
import type { PageRequest } from "./page";

/** The JavaScript SDK's ListObjectsV2 from the page: its own headers force a preflight. */
const SDK_LIST: PageRequest = {
  name: "create",
  method: "GET",
  path: "/photos?list-type=2&prefix=public%2F",
  headers: {
    "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "x-amz-user-agent": "aws-sdk-js/3.540.0",
    "amz-sdk-invocation-id": "5d0f1c8e-6a2b-4f5e-9c3d-2b1a0e9f8c7d",
    "amz-sdk-request": "attempt=1; max=3",
  },
  credentials: "omit",
  body: null,
};

export const HELD_OUT15_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/Kitware/VolView/issues/869 — "Imaging Data Commons S3 bucket integration is
    // broken": the viewer lists the open bucket with the JavaScript SDK, which adds its own headers
    // (x-amz-content-sha256, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request); the bucket's CORS
    // rule allows GET and HEAD from any origin but names no allowed header, so the listing's preflight
    // is refused (plain object GETs still pass). Written as the bucket's rule in XML, the listing and an
    // object read as the page's calls. Root: the rule, which has no AllowedHeader.
    name: "heldout15 S3: the rule allows GET and HEAD but no headers, the SDK listing's preflight refused (XML)",
    url: "https://github.com/Kitware/VolView/issues/869",
    rootText: "<CORSRule>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>*</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
        <ExposeHeader>ETag</ExposeHeader>
        <ExposeHeader>Content-Length</ExposeHeader>
        <MaxAgeSeconds>3600</MaxAgeSeconds>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, SDK_LIST],
    check: [],
  },
  {
    // https://github.com/faisalsayed10/firefiles/issues/28 — "Getting CORS issue for AWS buckets after
    // switching from localhost to production": the app writes the bucket's CORS rule with the origin it
    // runs on when the bucket is added, so a bucket added from the development server keeps allowing
    // only http://localhost:3000 and the deployed app's reads and uploads are refused ("fixed by simply
    // re-setting the CORS whenever it breaks"). Written as the rule in put-bucket-cors JSON. Root: the
    // AllowedOrigins line.
    name: "heldout15 S3: the rule the app wrote from its dev server allows localhost:3000 only, the deployed app refused (JSON)",
    url: "https://github.com/faisalsayed10/firefiles/issues/28",
    rootText: '"AllowedOrigins": ["http://localhost:3000"],',
    text: `{
  "CORSRules": [
    {
      "AllowedHeaders": ["*"],
      "AllowedMethods": ["GET", "PUT", "POST", "DELETE", "HEAD"],
      "AllowedOrigins": ["http://localhost:3000"],
      "ExposeHeaders": ["ETag"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
];
