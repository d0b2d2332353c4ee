/**
 * Issue #23's fourth never-seen measure, S3 bucket CORS: broken rule files rebuilt from public
 * reports (cited above each case; situation rebuilt, no text copied), written blind to the readers.
 * `ORIGIN` is the page's origin. `rootText`: the root cause's line.
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT4_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/jamhall/s3rver/issues/346 — a local bucket for browser uploads whose rule
    // allows the Authorization header only: the PUT's Content-Type is refused at the preflight
    // (the fix found there: AllowedHeader Content-Type). Root: the AllowedHeader line.
    name: "heldout4 S3: AllowedHeader Authorization only, the upload's Content-Type refused (XML)",
    url: "https://github.com/jamhall/s3rver/issues/346",
    rootText: "<AllowedHeader>Authorization</AllowedHeader>",
    text: `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <AllowedHeader>Authorization</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://github.com/jamhall/s3rver/issues/383 — "allow everything" written with `*` as the
    // method too: S3 (and s3rver) refuse a rule file with an invalid AllowedMethod, so the bucket
    // keeps no CORS rule at all. Root: the AllowedMethods line.
    name: "heldout4 S3: AllowedMethods ['*'] makes S3 refuse the whole file (JSON)",
    url: "https://github.com/jamhall/s3rver/issues/383",
    rootText: '"AllowedMethods": ["*"],',
    text: `[
  {
    "AllowedHeaders": ["*"],
    "AllowedMethods": ["*"],
    "AllowedOrigins": ["*"],
    "MaxAgeSeconds": 3000
  }
]
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
    refused: true,
  },
];
