/**
 * Issue #23's nineteenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, HOST its host and port. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";
import type { PageRequest } from "./page";

/** The web app's upload of an encrypted file, its body's MD5 sent as Content-MD5. */
const UPLOAD_WITH_MD5: PageRequest = {
  name: "create",
  method: "PUT",
  path: "/photos/uploads/4b1f9c2e.enc",
  headers: {
    "content-type": "application/octet-stream",
    "content-md5": "5MflT0jD9UNhy5ah+jL+WA==",
  },
  credentials: "omit",
  body: "encrypted file bytes",
};

export const HELD_OUT19_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/transloadit/uppy/pull/1539 — "Update AWS S3 Multipart documentation wrt CORS
    // settings": reading that the multipart uploader needs ETag exposed, the author took the documented
    // `<AllowedMethod>PUT</AllowedMethod>` for a mistake and allowed POST, as for the plain S3 form upload;
    // the parts are uploaded with PUT to presigned URLs, so every part's preflight is refused. Written as
    // that bucket rule in XML (GET and POST, ETag exposed), the app's page uploading with a presigned PUT as
    // the parts are. Root: the rule's methods, POST where PUT is needed.
    name: "heldout19 S3: the rule allows POST instead of PUT, the uploader's presigned part PUTs refused (XML)",
    url: "https://github.com/transloadit/uppy/pull/1539",
    rootText: "<AllowedMethod>POST</AllowedMethod>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <ExposeHeader>ETag</ExposeHeader>
    <AllowedHeader>Authorization</AllowedHeader>
    <AllowedHeader>x-amz-date</AllowedHeader>
    <AllowedHeader>x-amz-content-sha256</AllowedHeader>
    <AllowedHeader>content-type</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://github.com/ente/ente/pull/7617 — "[web] Specify content-length and md5 while requesting upload
    // urls": newer web builds send a Content-MD5 header with each upload to the presigned URL, and the
    // maintainers warn self-hosters that a bucket CORS rule with an explicit AllowedHeaders list instead of
    // `*` must now list Content-MD5, or the upload's preflight fails and uploads are blocked. Written as such
    // a self-hoster's rule in JSON, the web app as the page. Root: the AllowedHeaders list without
    // Content-MD5.
    name: "heldout19 S3: AllowedHeaders is an explicit list without Content-MD5, the web app's uploads refused (JSON)",
    url: "https://github.com/ente/ente/pull/7617",
    rootText: '"AllowedHeaders": ["Content-Type", "Content-Length", "X-Auth-Token", "X-Client-Package"],',
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["ORIGIN"],
      "AllowedMethods": ["GET", "HEAD", "POST", "PUT", "DELETE"],
      "AllowedHeaders": ["Content-Type", "Content-Length", "X-Auth-Token", "X-Client-Package"],
      "ExposeHeaders": ["ETag"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [GET_OBJECT, UPLOAD_WITH_MD5],
    check: [],
  },
];
