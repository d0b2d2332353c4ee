/**
 * Issue #23's fourteenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, OTHER_SCHEME the same host with the other scheme. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";
import type { PageRequest } from "./page";

/** ng-file-upload's S3 upload: a form POST to the bucket (no header that needs a preflight). */
const FORM_POST: PageRequest = {
  name: "create",
  method: "POST",
  path: "/photos/",
  headers: { "content-type": "text/plain" },
  credentials: "omit",
  body: "key=uploads/note.txt",
};

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
  {
    // https://github.com/danialfarid/ng-file-upload/issues/535 — "Not able to load files on S3": the
    // bucket's CORS rule allows PUT and GET from any origin, but the library uploads with a form POST to
    // the bucket, and S3 sends no Allow-Origin for a method no rule allows, so the upload's answer is
    // refused ("Are you sending PUT or POST? Enable post as well."). The upload is the POST the page
    // makes to the bucket (no preflight). Root: the rule's methods, without POST (XML).
    name: "heldout14 S3: the rule allows PUT and GET, the library's form POST upload refused (XML)",
    url: "https://github.com/danialfarid/ng-file-upload/issues/535",
    rootText: "<AllowedMethod>PUT</AllowedMethod>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>*</AllowedOrigin>
        <AllowedMethod>PUT</AllowedMethod>
        <AllowedMethod>GET</AllowedMethod>
        <MaxAgeSeconds>3000</MaxAgeSeconds>
        <AllowedHeader>*</AllowedHeader>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, FORM_POST],
    check: [],
  },
];
