/**
 * Issue #23's sixteenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { CREDENTIALED_GET, GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";
import type { PageRequest } from "./page";

/** The SDK's managed upload of a large file: CreateMultipartUpload is a POST to `?uploads`. */
const CREATE_MULTIPART: PageRequest = {
  name: "create",
  method: "POST",
  path: "/photos/uploads/trailer.mp4?uploads",
  headers: {
    "content-type": "video/mp4",
    "x-amz-user-agent": "aws-sdk-js/2.193.0 callback",
    "x-amz-date": "20180214T120000Z",
  },
  credentials: "omit",
  body: null,
};

export const HELD_OUT16_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/aws/aws-sdk-js/issues/1928 — "Bucket#upload _sometimes_ uses unexpected
    // Access-Control-Request-Method header": the bucket's CORS rule allows PUT (and GET, HEAD) for the
    // browser upload, and most uploads pass; large files are sent as a multipart upload, which starts
    // with a POST (`?uploads`), so their preflight asks for POST and "I do not have a POST entry in my
    // bucket's CORS config, so these requests are failing with a 403 and the upload is aborted" (the
    // maintainer: upload decides by size between PutObject and a multipart upload). Written as the rule in
    // put-bucket-cors JSON. Root: the AllowedMethods without POST.
    name: "heldout16 S3: the rule allows GET, HEAD and PUT, the SDK's multipart upload (POST ?uploads) refused at the preflight (JSON)",
    url: "https://github.com/aws/aws-sdk-js/issues/1928",
    rootText: '"AllowedMethods": ["GET", "HEAD", "PUT"],',
    text: `{
  "CORSRules": [
    {
      "AllowedHeaders": ["*"],
      "AllowedMethods": ["GET", "HEAD", "PUT"],
      "AllowedOrigins": ["ORIGIN"],
      "ExposeHeaders": ["ETag"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [PRESIGNED_PUT, CREATE_MULTIPART],
    check: [],
  },
  {
    // https://github.com/aws/aws-sdk-js/issues/779 — "modify origin": the page reads the bucket's objects
    // with `xhrWithCredentials` set, and the bucket's rule allows every origin with `*`; with credentials
    // the browser cannot use `Access-Control-Allow-Origin: *`, so the reads are refused (the maintainer:
    // "When that is set to true, the Access-Control-Allow-Origin can not be a wild-card character. If you
    // set up the CORS rule for that bucket so that Access-Control-Allow-Origin is http://localhost:8100,
    // that should resolve your issue"). Written as the bucket's rule in XML, the credentialed read and a
    // plain one as the page's calls. Root: the wildcard AllowedOrigin.
    name: "heldout16 S3: the rule allows origin *, the page's credentialed reads refused (XML)",
    url: "https://github.com/aws/aws-sdk-js/issues/779",
    rootText: "<AllowedOrigin>*</AllowedOrigin>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>*</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <MaxAgeSeconds>3000</MaxAgeSeconds>
        <AllowedHeader>*</AllowedHeader>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, CREDENTIALED_GET],
    check: [],
  },
];
