/**
 * Issue #23's twelfth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, OTHER_SCHEME the same host with the other scheme. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT12_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/MeRahulAhire/S3-Ultimate-Guide/issues/2 — "CORS issues running static site
    // hosted on S3": the bucket's CORS policy (the guide's console JSON, a bare array) allows PUT, POST
    // and DELETE for any origin but not GET, so the site's reads of the objects are refused. Root: the
    // AllowedMethods entry (JSON).
    name: "heldout12 S3: the rule allows PUT, POST and DELETE but not GET, the object reads refused (JSON)",
    url: "https://github.com/MeRahulAhire/S3-Ultimate-Guide/issues/2",
    rootText: '"AllowedMethods": ["PUT", "POST", "DELETE"],',
    text: `[
  {
    "AllowedHeaders": ["*"],
    "AllowedMethods": ["PUT", "POST", "DELETE"],
    "AllowedOrigins": ["*"],
    "ExposeHeaders": []
  }
]
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://github.com/codevise/pageflow/issues/1197 — "Problem with image upload": the upload rule's
    // AllowedOrigin names the editor with the other scheme (http for an https page) and a trailing
    // slash, so only the public GET rule matches and the upload is refused. (The report's upload is a
    // POST; the page here uploads with the presigned PUT, which the rule is written for.) Root: the
    // upload rule's AllowedOrigin (XML).
    name: "heldout12 S3: the upload rule's origin has the wrong scheme and a trailing slash (XML)",
    url: "https://github.com/codevise/pageflow/issues/1197",
    rootText: "/</AllowedOrigin>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
<CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <MaxAgeSeconds>28800</MaxAgeSeconds>
    <AllowedHeader>*</AllowedHeader>
</CORSRule>
<CORSRule>
    <AllowedOrigin>OTHER_SCHEME/</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <AllowedHeader>*</AllowedHeader>
</CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
];
