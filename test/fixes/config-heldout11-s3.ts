/**
 * Issue #23's eleventh never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT11_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/qoomon/aws-s3-bucket-browser/issues/17 — "Failed to fetch": the bucket's CORS
    // policy lists the site's URL with a trailing slash as its allowed origin; an Origin never ends in
    // a slash, so no rule matches and the listing is refused. Root: the AllowedOrigins entry (JSON).
    name: "heldout11 S3: the allowed origin is written with a trailing slash, no rule matches (JSON)",
    url: "https://github.com/qoomon/aws-s3-bucket-browser/issues/17",
    rootText: '"AllowedOrigins": ["ORIGIN/"],',
    text: `{
  "CORSRules": [
    {
      "AllowedHeaders": ["*"],
      "AllowedMethods": ["GET"],
      "AllowedOrigins": ["ORIGIN/"],
      "ExposeHeaders": ["x-amz-server-side-encryption", "x-amz-request-id", "x-amz-id-2"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [GET_OBJECT],
    check: [],
  },
  {
    // https://github.com/erikdahlstrand/shrine-rails-example/issues/14 — "Preflight requests issue":
    // the bucket's rule allows GET and POST only and names no allowed header, so the presigned upload's
    // preflight (a PUT with Content-Type here) is answered 403. Root: the rule's method list (XML).
    name: "heldout11 S3: the rule allows GET and POST only and no header, the presigned upload refused (XML)",
    url: "https://github.com/erikdahlstrand/shrine-rails-example/issues/14",
    rootText: "<AllowedMethod>POST</AllowedMethod>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>*</AllowedOrigin>
        <AllowedOrigin>ORIGIN</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>POST</AllowedMethod>
        <MaxAgeSeconds>3000</MaxAgeSeconds>
        <ExposeHeader>Accept-Ranges</ExposeHeader>
        <ExposeHeader>Content-Range</ExposeHeader>
        <ExposeHeader>Content-Encoding</ExposeHeader>
        <ExposeHeader>Content-Length</ExposeHeader>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
];
