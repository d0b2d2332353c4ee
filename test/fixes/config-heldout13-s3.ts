/**
 * Issue #23's thirteenth never-seen measure, S3 bucket CORS: broken rules rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin, OTHER_SCHEME the same host with the other scheme. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import { GET_OBJECT, PRESIGNED_PUT, type S3Case } from "./config-s3-cases";

export const HELD_OUT13_S3: Array<S3Case & Held3> = [
  {
    // https://github.com/rgrove/rawgit/issues/116 — "How to make webfonts work?": the font bucket has one
    // rule per site, each AllowedOrigin written with http://, and the fonts load from every site but
    // rawgit, whose pages are served over https: an S3 AllowedOrigin matches the scheme too, so that
    // origin never matches its rule. Here the page's host stands in for rawgit's, with the other scheme
    // (the page's origin is http, so the rule's is https). Root: that rule's AllowedOrigin (XML).
    name: "heldout13 S3: the site's font rule names its origin with the other scheme, the GETs refused (XML)",
    url: "https://github.com/rgrove/rawgit/issues/116",
    rootText: "<AllowedOrigin>https://",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <CORSRule>
        <AllowedOrigin>http://bl.ocks.org</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
    </CORSRule>
    <CORSRule>
        <AllowedOrigin>OTHER_SCHEME</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
    </CORSRule>
    <CORSRule>
        <AllowedOrigin>http://cdn.rawgit.com</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
    </CORSRule>
    <CORSRule>
        <AllowedOrigin>http://nosubstance.me</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
    </CORSRule>
    <CORSRule>
        <AllowedOrigin>http://oblita.com</AllowedOrigin>
        <AllowedMethod>GET</AllowedMethod>
        <AllowedMethod>HEAD</AllowedMethod>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT],
    check: [],
  },
  {
    // https://github.com/odysseyscience/react-s3-uploader/issues/148 — "How to upload if the CORS has
    // <AllowedHeader>Authorization</AllowedHeader>": the bucket's one rule allows PUT, POST and GET from
    // any origin but names Authorization as the only allowed request header, so the uploader's signed
    // PUT, which sends its Content-Type, is refused at the preflight. Root: the AllowedHeader (XML).
    name: "heldout13 S3: the rule's only AllowedHeader is Authorization, the uploader's signed PUT refused (XML)",
    url: "https://github.com/odysseyscience/react-s3-uploader/issues/148",
    rootText: "<AllowedHeader>Authorization</AllowedHeader>",
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
<CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <AllowedHeader>Authorization</AllowedHeader>
</CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
];
