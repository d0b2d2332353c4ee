/**
 * Issue #23's sixth never-seen measure, S3 bucket CORS: broken files rebuilt from public write-ups
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case, SDK_PUT } from "./config-s3-cases";

export const HELD_OUT6_S3: Array<S3Case & Held3> = [
  {
    // https://www.media-processing-workflows.com/backend-validation-cloud-storage-architecture/cors-configuration-for-uploads/fixing-cors-preflight-errors-on-s3-uploads/
    // — "preflight 403": the rule serves the app's downloads (GET, HEAD) and the presigned PUT upload
    // is not among its methods. Root: the AllowedMethods line.
    name: "heldout6 S3: AllowedMethods GET and HEAD only, the presigned PUT's preflight refused (JSON)",
    url: "https://www.media-processing-workflows.com/backend-validation-cloud-storage-architecture/cors-configuration-for-uploads/fixing-cors-preflight-errors-on-s3-uploads/",
    rootText: '"AllowedMethods": ["GET", "HEAD"],',
    text: `[
  {
    "AllowedHeaders": ["*"],
    "AllowedMethods": ["GET", "HEAD"],
    "AllowedOrigins": ["ORIGIN"],
    "ExposeHeaders": ["ETag"],
    "MaxAgeSeconds": 3000
  }
]
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://spoold.com/blog/cors-policy-browser-uploads-guide — upload headers that trigger the
    // preflight: the SDK's upload sends x-amz-meta-* and x-amz-acl besides Content-Type, the rule
    // allows content-type only. Root: the AllowedHeader line.
    name: "heldout6 S3: AllowedHeader content-type only, the SDK upload's x-amz-* headers refused (XML)",
    url: "https://spoold.com/blog/cors-policy-browser-uploads-guide",
    rootText: "<AllowedHeader>content-type</AllowedHeader>",
    text: `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>content-type</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, SDK_PUT],
    check: [],
  },
];
