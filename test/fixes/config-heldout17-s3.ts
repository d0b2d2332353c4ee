/**
 * Issue #23's seventeenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, HOST its host and port. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT17_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/cloud-gov/cg-site/pull/2364 — "CORS example should include protocol": the
    // platform's documentation told tenants to write their site in the bucket's CORS policy as a bare
    // host name, and "AllowedOrigins requires the protocol be specified": an Origin always carries its
    // scheme, so a rule written that way matches no page and the site's reads and uploads are refused.
    // Written as the documented put-bucket-cors JSON with the page's host. Root: the origin without its
    // scheme.
    name: "heldout17 S3: AllowedOrigins gives the site's host without its scheme, the page's reads and uploads refused (JSON)",
    url: "https://github.com/cloud-gov/cg-site/pull/2364",
    rootText: '"AllowedOrigins": ["HOST"],',
    text: `{
  "CORSRules": [
    {
      "AllowedHeaders": ["*"],
      "AllowedMethods": ["HEAD", "GET", "PUT", "POST"],
      "AllowedOrigins": ["HOST"],
      "ExposeHeaders": ["ETag"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    // https://github.com/alphagov/govuk-infrastructure/pull/1245 — "Add www.data.gov.uk to allowed origins
    // for DGU organogram bucket": when the bucket moved to the new infrastructure its CORS rule kept the
    // bare domain only; "this origin was missed during the migration, and is causing CORS issues in
    // production": the organogram viewer on the www host reads the data files from the bucket and is
    // refused. Written as the bucket's rule in XML, the www site as the page. Root: the AllowedOrigin that
    // leaves the www host out.
    name: "heldout17 S3: the migrated rule allows the bare domain only, the www site's organogram reads refused (XML)",
    url: "https://github.com/alphagov/govuk-infrastructure/pull/1245",
    rootText: "<AllowedOrigin>https://data.gov.uk</AllowedOrigin>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>https://data.gov.uk</AllowedOrigin>
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
