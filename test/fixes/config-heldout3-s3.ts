/**
 * Issue #23's third never-seen measure, S3 bucket CORS: files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. `ORIGIN` is the page's origin;
 * `rootText`: the text of the root cause's line.
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case, SDK_PUT } from "./config-s3-cases";

export const HELD_OUT3_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/aws/aws-sdk-js/issues/204 — the browser SDK's putObject from the page, the
    // bucket's rule allows GET and POST with the Authorization header only: the PUT's preflight
    // finds no rule. Root: the rule's method list (no PUT).
    name: "heldout3 S3: the SDK's PUT, the rule allows GET and POST with Authorization only (XML)",
    url: "https://github.com/aws/aws-sdk-js/issues/204",
    rootText: "<AllowedMethod>POST</AllowedMethod>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <AllowedHeader>Authorization</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, SDK_PUT],
    check: [],
  },
  {
    // https://github.com/decocms/studio/pull/1204 — the bucket allows the headers origin and
    // content-type only: an upload that sends x-amz-meta-* / x-amz-acl fails its preflight.
    // Root: the AllowedHeaders line.
    name: "heldout3 S3: AllowedHeaders origin and content-type only, the SDK upload's x-amz-* refused (JSON)",
    url: "https://github.com/decocms/studio/pull/1204",
    rootText: '"AllowedHeaders": ["origin", "content-type"],',
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["https://studio.example.com", "ORIGIN"],
      "AllowedMethods": ["GET", "PUT"],
      "AllowedHeaders": ["origin", "content-type"],
      "ExposeHeaders": ["etag"],
      "MaxAgeSeconds": 3600
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT, SDK_PUT],
    check: [],
  },
];
