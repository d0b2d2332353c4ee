/**
 * Issue #23's tenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";
import type { PageRequest } from "./page";

/** The SDK's getObject from the browser: its x-amz-* headers make it a preflighted GET. */
const SDK_GET: PageRequest = {
  name: "list",
  method: "GET",
  path: "/photos/public/logo.txt",
  headers: { "x-amz-date": "20260101T000000Z", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT10_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/aws/aws-sdk-js/issues/1817 — "bucket.getObject: No 'Access-Control-Allow-Origin'
    // header is present": the bucket's (sample) rule allows GET from any origin but names Authorization
    // as its only allowed header, and the SDK's getObject sends x-amz-* headers, so the preflight is
    // refused (403). Root: the AllowedHeader line (XML).
    name: "heldout10 S3: the sample rule allows the Authorization header only, the SDK's getObject refused (XML)",
    url: "https://github.com/aws/aws-sdk-js/issues/1817",
    rootText: "<AllowedHeader>Authorization</AllowedHeader>",
    text: `<!-- Sample policy -->
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
	<CORSRule>
		<AllowedOrigin>*</AllowedOrigin>
		<AllowedMethod>GET</AllowedMethod>
		<MaxAgeSeconds>3000</MaxAgeSeconds>
		<AllowedHeader>Authorization</AllowedHeader>
	</CORSRule>
</CORSConfiguration>
`,
    calls: [SDK_GET],
    check: [],
  },
  {
    // https://github.com/keboola/developer-portal/issues/121 — "to upload icons from the browser, CORS
    // must allow PUT requests": the bucket's rule serves the public icons (GET from any origin) and
    // the portal uploads with PUT to a presigned URL, so its preflight is refused. Root: the
    // AllowedMethods line (JSON).
    name: "heldout10 S3: the bucket's rule allows GET only, the icon upload's PUT refused (JSON)",
    url: "https://github.com/keboola/developer-portal/issues/121",
    rootText: '"AllowedMethods": ["GET"],',
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["*"],
      "AllowedMethods": ["GET"],
      "AllowedHeaders": ["*"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
];

/**
 * A correct bucket CORS file (the set's correct S3 configuration, XML): the two front ends, the GET
 * and the presigned PUT the page makes, any request header, ETag exposed. ORIGIN and ORIGIN2: the
 * front ends.
 */
export const HELD_OUT10_S3_CORRECT = `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedOrigin>ORIGIN2</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>
`;
