/**
 * Issue #23's eighteenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, HOST its host and port. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, type S3Case } from "./config-s3-cases";
import type { PageRequest } from "./page";

/** The browser upload with the file's name in user metadata and a download name. */
const UPLOAD_WITH_META: PageRequest = {
  name: "create",
  method: "PUT",
  path: "/photos/uploads/inventory.csv",
  headers: {
    "content-type": "text/csv",
    "content-disposition": 'attachment; filename="inventory.csv"',
    "x-amz-meta-name": "inventory.csv",
  },
  credentials: "omit",
  body: "sku,qty\na1,3\n",
};

export const HELD_OUT18_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/localstack/localstack/issues/316 — "S3 Access-Control-Allow-Headers - not support
    // custom HEADER": uploading from the browser with `Content-Disposition` and `x-amz-meta-*` headers is
    // refused at the preflight ("Request header field x-amz-meta-name is not allowed by
    // Access-Control-Allow-Headers"), the allowed headers being a fixed list; the reporter asks for the
    // bucket's own put-bucket-cors rule to decide. Written as that rule, with the headers the SDK's signed
    // requests need listed and the upload's own headers left out. Root: the AllowedHeaders list.
    name: "heldout18 S3: AllowedHeaders lists the signing headers only, the upload's x-amz-meta-name refused (JSON)",
    url: "https://github.com/localstack/localstack/issues/316",
    rootText: '"AllowedHeaders": ["Authorization", "Content-Type", "X-Amz-Date", "X-Amz-Content-Sha256"],',
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["ORIGIN"],
      "AllowedMethods": ["GET", "PUT", "POST"],
      "AllowedHeaders": ["Authorization", "Content-Type", "X-Amz-Date", "X-Amz-Content-Sha256"],
      "ExposeHeaders": ["ETag"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [GET_OBJECT, UPLOAD_WITH_META],
    check: [],
  },
  {
    // https://github.com/cloud-gov/cg-site/pull/1004 — "Update S3 CORS language to be more precise and less
    // scary": the platform's example CORS policy listed IP addresses as the allowed origins, "but that's not
    // how CORS works -- you specify origins"; a tenant who writes their servers' addresses there allows no
    // page at all, and the site's reads of the bucket are refused. Written as the bucket's rule in XML with
    // two server addresses, the tenant's site as the page. Root: the AllowedOrigin holding an IP address.
    name: "heldout18 S3: the rule's AllowedOrigins are the servers' IP addresses, the site's reads refused (XML)",
    url: "https://github.com/cloud-gov/cg-site/pull/1004",
    rootText: "<AllowedOrigin>52.222.122.97</AllowedOrigin>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>52.222.122.97</AllowedOrigin>
        <AllowedOrigin>52.222.123.172</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
        <AllowedHeader>*</AllowedHeader>
        <MaxAgeSeconds>3000</MaxAgeSeconds>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT],
    check: [],
  },
];
