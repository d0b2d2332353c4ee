/**
 * Held-out S3 bucket CORS files (JSON and XML) for `cors-lens fix --config` (issue #23's never-seen
 * measure), each rebuilding a public report, written blind to the readers (no src/config,
 * docs/config.md or test/config read). `check` is left empty: the finding codes are not known to the
 * case writer; each comment names the root cause's line, judged apart. ORIGIN is the page's origin.
 */
import type { S3Case } from "./config-s3-cases";
import { DELETE_OBJECT, GET_OBJECT, PRESIGNED_PUT, SDK_PUT } from "./config-s3-cases";

export const HELD_OUT_S3: S3Case[] = [
  // https://www.media-processing-workflows.com/backend-validation-cloud-storage-architecture/cors-configuration-for-uploads/fixing-cors-preflight-errors-on-s3-uploads/ :
  // the console's bare array with the production and Vite dev origins; the page runs on another port.
  // Root cause: lines 12-15.
  {
    name: "held-out: JSON array: origins for production and another dev port",
    text: `[
    {
        "AllowedHeaders": [
            "*"
        ],
        "AllowedMethods": [
            "PUT",
            "POST",
            "GET",
            "HEAD"
        ],
        "AllowedOrigins": [
            "https://app.example.com",
            "http://localhost:5173"
        ],
        "ExposeHeaders": [
            "ETag",
            "x-amz-request-id"
        ],
        "MaxAgeSeconds": 3000
    }
]
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  // https://github.com/cloudreve/cloudreve/issues/1871 : AllowedHeaders listed one by one; the SDK
  // adds an x-amz-meta-* header the list lacks. Root cause: line 5.
  {
    name: "held-out: JSON array: AllowedHeaders one by one, the SDK's x-amz-meta-owner missing",
    text: `[
  {
    "AllowedOrigins": ["ORIGIN"],
    "AllowedMethods": ["GET", "PUT", "POST"],
    "AllowedHeaders": ["content-type", "x-amz-acl"],
    "ExposeHeaders": ["ETag"]
  }
]
`,
    calls: [GET_OBJECT, SDK_PUT],
    check: [],
  },
  // FIRST RUN (failed): the table's standard requests named only stand-in origins, none of the page's
  // (its GET was allowed by the * rule). The table now tries the evidence's origins too. The root
  // cause (another origin on line 3) needs the page's origin: the file alone does not show it.
  // https://github.com/auth0/auth0-s3-sample/issues/8 : the upload rule names another dev origin;
  // only the `*` GET rule matches the page. Root cause: line 3.
  {
    name: "held-out: XML: the PUT rule names another dev origin, only the * GET rule matches",
    text: `<CORSConfiguration>
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
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  // FIRST RUN (failed): standard requests only from the stand-in https://other.example for the *
  // rule; the table now tries the page's origin too. Judged: s3-put-content-type on line 7.
  // https://github.com/jamhall/s3rver/issues/417 : AllowedHeaders names Authorization only; the
  // presigned PUT's Content-Type is refused at the preflight. Root cause: line 7.
  {
    name: "held-out: JSON: AllowedHeaders lists Authorization only, the upload sends Content-Type",
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["*"],
      "AllowedMethods": ["GET", "POST", "PUT"],
      "MaxAgeSeconds": 3000,
      "AllowedHeaders": ["Authorization"]
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-put-content-type", at: '"AllowedHeaders": ["Authorization"]' }],
  },
  // FIRST RUN (failed): check and fix exited 2 ("</MaxAgeSec> closes <MaxAgeSeconds>"). Now the tag
  // is a finding and fix writes </MaxAgeSeconds>. Judged: s3-xml-tag on line 7.
  // https://download.hds.com/download/epcra/HCP_v9_2_3_Product_Documentation_PDL-00HL232-19.zip
  // (a vendor's PUT bucket cors example): `<MaxAgeSeconds>3000</MaxAgeSec>` makes the XML malformed,
  // S3 refuses the file, the bucket keeps no rule. Root cause: line 7.
  {
    name: "held-out: XML: <MaxAgeSeconds> closed as </MaxAgeSec> (the whole file refused)",
    text: `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSec>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, DELETE_OBJECT],
    check: [{ code: "s3-xml-tag", at: "<MaxAgeSeconds>3000</MaxAgeSec>" }],
    refused: true,
  },
];

/** Held-out cases that failed because of CORS Lens on their first run: not run (see the report). */
export const HELD_OUT_S3_FAILING: S3Case[] = [];
