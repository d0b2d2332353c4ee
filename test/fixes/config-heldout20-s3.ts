/**
 * Issue #23's twentieth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, HOST its host and port. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";
import type { PageRequest } from "./page";

/** The player wrapper's HEAD of the stream before loading it. */
const HEAD_OBJECT: PageRequest = {
  name: "me",
  method: "HEAD",
  path: "/photos/public/logo.txt",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT20_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/videojs/http-streaming/issues/395 — "Video corruption playing certain HLS streams":
    // the test streams' bucket has a CORS rule with `*` and GET only, and the reporter's player wrapper
    // makes a HEAD request to the stream first, which the bucket answers without CORS headers, so the
    // player fails; the bucket's owner adds HEAD to the allowed methods. Written as that rule in XML, the
    // player's page (a HEAD, then the GET) as the page. Root: the rule's only method, GET.
    name: "heldout20 S3: the rule allows GET only, the player's HEAD of the stream refused (XML)",
    url: "https://github.com/videojs/http-streaming/issues/395",
    rootText: "<AllowedMethod>GET</AllowedMethod>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
<CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
</CORSRule>
</CORSConfiguration>
`,
    calls: [HEAD_OBJECT, GET_OBJECT],
    check: [],
  },
  {
    // https://github.com/formkiq/formkiq-core/issues/187 — "Staging Bucket should include 'GET' on
    // AllowedMethods for CORS to enable browser access to document archives": the document API returns a
    // presigned URL into the staging bucket for a compressed archive, but the bucket's CORS rule only allows
    // the upload methods, so the browser cannot GET it; the reporter asks for GET in the template's rule.
    // Written as such a rule in JSON (the upload's PUT passes), the web console as the page. Root: the
    // AllowedMethods without GET.
    name: "heldout20 S3: the staging bucket's rule has no GET, the console's archive download refused (JSON)",
    url: "https://github.com/formkiq/formkiq-core/issues/187",
    rootText: '"AllowedMethods": ["PUT", "POST"],',
    text: `[
  {
    "AllowedHeaders": ["*"],
    "AllowedMethods": ["PUT", "POST"],
    "AllowedOrigins": ["*"],
    "ExposeHeaders": [],
    "MaxAgeSeconds": 3600
  }
]
`,
    calls: [PRESIGNED_PUT, GET_OBJECT],
    check: [],
  },
];
