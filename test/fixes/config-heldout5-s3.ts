/**
 * Issue #23's fifth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN, HOST and SCHEME are
 * filled by the suite (fillS3). `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT5_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/boto/boto3/issues/1149 — an image uploaded from the browser to a presigned
    // PUT URL with its Content-Type; the bucket's rule (the console's old default plus PUT) allows the
    // Authorization header only, so the preflight for content-type finds no rule. Root: the one
    // AllowedHeader.
    name: "heldout5 S3: presigned PUT with Content-Type, the rule allows the Authorization header only (XML)",
    url: "https://github.com/boto/boto3/issues/1149",
    rootText: "<AllowedHeader>Authorization</AllowedHeader>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <AllowedHeader>Authorization</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://codewisdom.io/blog/web-development-frontend-techs-security-cors-s3-cors/ — S3 matches
    // origins exactly: the rule lists the production site and localhost:3000, the front end runs on
    // another localhost port. Root: the localhost:3000 entry.
    name: "heldout5 S3: AllowedOrigins has localhost:3000, the page runs on another port (JSON)",
    url: "https://codewisdom.io/blog/web-development-frontend-techs-security-cors-s3-cors/",
    rootText: '"http://localhost:3000"',
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["https://app.example.com", "http://localhost:3000"],
      "AllowedMethods": ["GET", "PUT", "POST", "DELETE"],
      "AllowedHeaders": ["*"],
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
