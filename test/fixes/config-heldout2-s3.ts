/**
 * Issue #23's second never-seen measure, S3 bucket CORS (XML as the REST API takes it, JSON as
 * `aws s3api put-bucket-cors` takes it), loaded into s3rver: each case rebuilds a public report
 * (cited above it), written blind to the readers. `ORIGIN` is the page's origin. `rootAt`: the root
 * cause's line; `check` left empty (codes not known blind).
 */
import { DELETE_OBJECT, GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export interface HeldOut2S3Case extends S3Case {
  source: string;
  /** The root cause's line: the first line of the file holding this text (after ORIGIN is filled). */
  rootAt: string;
}

export const HELD_OUT2_S3: HeldOut2S3Case[] = [
  {
    // https://github.com/cinely/mule-uploader/issues/59 — the AllowedOrigin written with a path,
    // `http://host:5000/*`: an Origin header never has a path, so the rule matches no page.
    // Root cause: the AllowedOrigin line.
    name: "heldout2: S3: AllowedOrigin written with a path (origin/*), XML",
    source: "https://github.com/cinely/mule-uploader/issues/59",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>ORIGIN/*</AllowedOrigin>
        <AllowedMethod>PUT</AllowedMethod>
        <AllowedMethod>POST</AllowedMethod>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
        <MaxAgeSeconds>3000</MaxAgeSeconds>
        <AllowedHeader>*</AllowedHeader>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [PRESIGNED_PUT, GET_OBJECT],
    check: [],
    rootAt: "<AllowedOrigin>",
  },
  {
    // https://github.com/localstack/localstack/issues/2168 — a restricted rule whose AllowedHeaders
    // names x-amz-tagging only: the upload's Content-Type is not allowed, its preflight gets 403.
    // Root cause: the AllowedHeaders line.
    name: "heldout2: S3: AllowedHeaders x-amz-tagging only, the upload sends Content-Type, JSON",
    source: "https://github.com/localstack/localstack/issues/2168",
    text: `{
    "CORSRules":[
       {
          "AllowedOrigins":["ORIGIN", "https://exampleB.com"],
          "AllowedHeaders":[
             "x-amz-tagging"
          ],
          "AllowedMethods":["GET", "PUT"],
          "MaxAgeSeconds":3000,
          "ExposeHeaders": ["x-amz-tagging"]
       }
    ]
 }
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
    rootAt: '"AllowedHeaders":[',
  },
  {
    // https://github.com/auth0/auth0-s3-sample/issues/8 — two identical rules for the developer's
    // localhost port and a `*` rule for GET: the page, served elsewhere, reads (GET) but cannot
    // delete. Root cause: the first rule's AllowedOrigin line.
    name: "heldout2: S3: rules for localhost:1338 twice and * for GET, the page deletes, XML",
    source: "https://github.com/auth0/auth0-s3-sample/issues/8",
    text: `<CORSConfiguration>
 <CORSRule>
   <AllowedOrigin>http://localhost:1338</AllowedOrigin>

   <AllowedMethod>PUT</AllowedMethod>
   <AllowedMethod>POST</AllowedMethod>
   <AllowedMethod>DELETE</AllowedMethod>

   <AllowedHeader>*</AllowedHeader>
 </CORSRule>
 <CORSRule>
   <AllowedOrigin>http://localhost:1338</AllowedOrigin>

   <AllowedMethod>PUT</AllowedMethod>
   <AllowedMethod>POST</AllowedMethod>
   <AllowedMethod>DELETE</AllowedMethod>

   <AllowedHeader>*</AllowedHeader>
 </CORSRule>
 <CORSRule>
   <AllowedOrigin>*</AllowedOrigin>
   <AllowedMethod>GET</AllowedMethod>
 </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, DELETE_OBJECT],
    check: [],
    rootAt: "<AllowedOrigin>http://localhost:1338</AllowedOrigin>",
  },
];

/** A correct bucket CORS file (check must report no error): the app's origin, the upload's methods and headers. */
export const HELD_OUT2_S3_CORRECT = `{
  "CORSRules": [
    {
      "AllowedOrigins": ["https://app.example.com"],
      "AllowedMethods": ["GET", "PUT", "POST"],
      "AllowedHeaders": ["*"],
      "ExposeHeaders": ["ETag"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`;
