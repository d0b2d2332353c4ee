/**
 * Broken S3 bucket CORS files as projects write them, each rebuilding a situation public docs, Q&A
 * and issue threads keep reporting for browser uploads with presigned URLs: an origin with a trailing
 * slash, https written where the page runs on http, a rule with GET only when the page uploads with
 * PUT, PUT without AllowedHeaders (the upload's Content-Type preflight gets 403), the SDK's
 * `x-amz-*` headers not allowed, a `*` rule before the rule that was meant to give credentials,
 * OPTIONS or `*` listed as a method (S3 refuses the whole file), the XML written with the JSON's
 * plural names, a method in lower case, an origin without its scheme, a subdomain wildcard that
 * misses the bare host. JSON as `aws s3api put-bucket-cors --cors-configuration` takes it (and
 * as `get-bucket-cors` prints it, and as the console's editor holds it: a bare array); XML as the
 * REST API takes it. `ORIGIN` is the page's origin, `OTHER_SCHEME` the same host with the other
 * scheme, `SCHEME` its scheme, `HOST` its host and port. `check`: what `cors-lens check` must find,
 * on the first line holding `at`.
 */
import type { PageRequest } from "./page";

export interface S3Case {
  name: string;
  text: string;
  calls: PageRequest[];
  check: Array<{ code: string; at: string }>;
  /** S3 (and s3rver) refuse the broken file: the bucket answers with no rule at all. */
  refused?: boolean;
}

/** A presigned PUT's query string (SigV4 query authentication), dated now so it has not expired. */
export function presignedQuery(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]|\.\d+/g, "");
  return [
    "X-Amz-Algorithm=AWS4-HMAC-SHA256",
    `X-Amz-Credential=S3RVER%2F${stamp.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request`,
    `X-Amz-Date=${stamp}`,
    "X-Amz-Expires=900",
    "X-Amz-SignedHeaders=host",
    `X-Amz-Signature=${"5d".repeat(32)}`,
  ].join("&");
}

export const GET_OBJECT: PageRequest = {
  name: "list",
  method: "GET",
  path: "/photos/public/logo.txt",
  headers: {},
  credentials: "omit",
  body: null,
};
export const PRESIGNED_PUT: PageRequest = {
  name: "update",
  method: "PUT",
  path: `/photos/uploads/cat.jpg?${presignedQuery()}`,
  headers: { "content-type": "image/jpeg" },
  credentials: "omit",
  body: "not really a jpeg",
};
export const SDK_PUT: PageRequest = {
  name: "create",
  method: "PUT",
  path: "/photos/uploads/dog.jpg",
  headers: { "content-type": "image/jpeg", "x-amz-meta-owner": "u1", "x-amz-acl": "private" },
  credentials: "omit",
  body: "not really a jpeg",
};
export const CREDENTIALED_GET: PageRequest = {
  name: "me",
  method: "GET",
  path: "/photos/private/me.txt",
  headers: {},
  credentials: "include",
  body: null,
};
export const DELETE_OBJECT: PageRequest = {
  name: "remove",
  method: "DELETE",
  path: "/photos/uploads/old.jpg",
  headers: {},
  credentials: "omit",
  body: null,
};

export const S3_CASES: S3Case[] = [
  {
    name: "JSON: the origin written with a trailing slash",
    text: `{
  "CORSRules": [
    {
      "AllowedHeaders": ["*"],
      "AllowedMethods": ["GET", "PUT"],
      "AllowedOrigins": ["ORIGIN/"],
      "ExposeHeaders": ["ETag"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-origin-path", at: '"ORIGIN/"' }],
  },
  {
    name: "JSON: https written where the page runs on http",
    text: `{
    "CORSRules": [
        {
            "AllowedOrigins": [
                "OTHER_SCHEME"
            ],
            "AllowedMethods": [
                "GET",
                "HEAD"
            ],
            "MaxAgeSeconds": 600
        }
    ]
}
`,
    calls: [GET_OBJECT],
    check: [],
  },
  {
    name: "console JSON (a bare array): GET only, the presigned upload is a PUT",
    text: `[
    {
        "AllowedHeaders": [
            "*"
        ],
        "AllowedMethods": [
            "GET"
        ],
        "AllowedOrigins": [
            "ORIGIN"
        ],
        "ExposeHeaders": []
    }
]
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [],
  },
  {
    name: "JSON: PUT without AllowedHeaders, the upload's Content-Type preflight gets 403",
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["ORIGIN"],
      "AllowedMethods": ["GET", "PUT", "POST"],
      "ExposeHeaders": ["ETag"]
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-no-headers", at: '"AllowedMethods"' }],
  },
  {
    name: "JSON: only Content-Type allowed, the SDK's x-amz-* headers refused",
    text: `{
  "CORSRules": [
    {
      "ID": "uploads",
      "AllowedOrigins": ["ORIGIN"],
      "AllowedMethods": ["PUT", "GET"],
      "AllowedHeaders": ["Content-Type"],
      "ExposeHeaders": ["ETag", "x-amz-request-id"],
      "MaxAgeSeconds": 3600
    }
  ]
}
`,
    calls: [PRESIGNED_PUT, SDK_PUT],
    check: [],
  },
  {
    name: "JSON: a * rule first answers the origin with *, the credentialed rule after it is never used",
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["*"],
      "AllowedMethods": ["GET", "HEAD"]
    },
    {
      "AllowedOrigins": ["ORIGIN"],
      "AllowedMethods": ["GET", "PUT"],
      "AllowedHeaders": ["*"],
      "ExposeHeaders": ["ETag"]
    }
  ]
}
`,
    calls: [GET_OBJECT, CREDENTIALED_GET, PRESIGNED_PUT],
    check: [{ code: "s3-shadowed", at: '"ORIGIN"' }],
  },
  {
    name: "JSON: OPTIONS listed as a method, S3 refuses the whole file",
    refused: true,
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["ORIGIN"],
      "AllowedMethods": ["GET", "PUT", "OPTIONS"],
      "AllowedHeaders": ["*"],
      "ExposeHeaders": ["ETag"]
    }
  ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-method", at: '"AllowedMethods"' }],
  },
  {
    name: "JSON (get-bucket-cors output): the origin written without its scheme",
    text: `{
    "CORSRules": [
        {
            "ID": "web",
            "AllowedHeaders": [
                "Authorization",
                "Content-Type"
            ],
            "AllowedMethods": [
                "GET",
                "PUT"
            ],
            "AllowedOrigins": [
                "HOST"
            ],
            "ExposeHeaders": [
                "ETag"
            ],
            "MaxAgeSeconds": 3000
        }
    ]
}
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-origin-scheme", at: '"HOST"' }],
  },
  {
    name: "XML: the JSON's plural names (AllowedOrigins, AllowedMethods), S3 refuses it",
    refused: true,
    text: `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigins>ORIGIN</AllowedOrigins>
    <AllowedMethods>GET</AllowedMethods>
    <AllowedMethods>PUT</AllowedMethods>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-unknown-field", at: "<AllowedOrigins>" }],
  },
  {
    name: "XML without xmlns: methods in lower case, S3 refuses them",
    refused: true,
    text: `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration>
    <CORSRule>
        <AllowedOrigin>ORIGIN</AllowedOrigin>
        <AllowedMethod>get</AllowedMethod>
        <AllowedMethod>put</AllowedMethod>
        <AllowedHeader>*</AllowedHeader>
        <ExposeHeader>ETag</ExposeHeader>
        <MaxAgeSeconds>3000</MaxAgeSeconds>
    </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-method", at: "<AllowedMethod>get" }],
  },
  {
    name: "XML: a trailing slash on the origin, and GET only for a PUT upload",
    text: `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <!-- the web app -->
    <AllowedOrigin>ORIGIN/</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
    <AllowedHeader>Authorization</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-origin-path", at: "<AllowedOrigin>ORIGIN/" }],
  },
  {
    name: "XML: * as the method, S3 refuses it",
    refused: true,
    text: `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedMethod>*</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, DELETE_OBJECT],
    check: [{ code: "s3-method", at: "<AllowedMethod>*" }],
  },
  {
    name: "XML: PUT and POST allowed with no AllowedHeader",
    text: `<CORSConfiguration>
 <CORSRule>
   <AllowedOrigin>ORIGIN</AllowedOrigin>
   <AllowedMethod>PUT</AllowedMethod>
   <AllowedMethod>POST</AllowedMethod>
   <AllowedMethod>GET</AllowedMethod>
   <ExposeHeader>ETag</ExposeHeader>
 </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, PRESIGNED_PUT],
    check: [{ code: "s3-no-headers", at: "<AllowedMethod>PUT" }],
  },
  {
    name: "XML: a * rule before the credentialed rule",
    text: `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
  </CORSRule>
  <CORSRule>
    <AllowedOrigin>ORIGIN</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`,
    calls: [GET_OBJECT, CREDENTIALED_GET, DELETE_OBJECT],
    check: [{ code: "s3-shadowed", at: "<AllowedOrigin>ORIGIN" }],
  },
  {
    name: "JSON: a subdomain wildcard that misses the bare host the page runs on",
    text: `{
  "CORSRules": [
    {
      "AllowedOrigins": ["SCHEME://*.HOST"],
      "AllowedMethods": ["GET", "HEAD"],
      "MaxAgeSeconds": 86400
    }
  ]
}
`,
    calls: [GET_OBJECT],
    check: [],
  },
];

/** Correct files: `check` finds no error in them. */
export const S3_CORRECT: string[] = [
  `{
  "CORSRules": [
    {
      "AllowedHeaders": ["*"],
      "AllowedMethods": ["GET", "PUT", "POST", "DELETE", "HEAD"],
      "AllowedOrigins": ["https://app.example.com", "https://*.example.org"],
      "ExposeHeaders": ["ETag", "x-amz-server-side-encryption", "x-amz-request-id"],
      "MaxAgeSeconds": 3000
    }
  ]
}
`,
  `[
  {
    "AllowedOrigins": ["*"],
    "AllowedMethods": ["GET", "HEAD"]
  }
]
`,
  `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <ID>uploads</ID>
    <AllowedOrigin>https://app.example.com</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>Content-Type</AllowedHeader>
    <AllowedHeader>x-amz-*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
  </CORSRule>
</CORSConfiguration>
`,
];

/** The case's text for one page origin. */
export function fillS3(text: string, origin: string): string {
  const u = new URL(origin);
  const other = `${u.protocol === "https:" ? "http:" : "https:"}//${u.host}`;
  return text
    .replaceAll("OTHER_SCHEME", other)
    .replaceAll("SCHEME", u.protocol.slice(0, -1))
    .replaceAll("ORIGIN", origin)
    .replaceAll("HOST", u.host);
}

/** The 1-based line of the first line holding `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  return i + 1;
}
