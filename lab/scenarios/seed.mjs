// The seed note's server: a hand-written Django middleware that answers every response with
// `Access-Control-Allow-Origin: *`, a fixed Allow-Headers list and Max-Age 86400; an S3 bucket
// whose CORS policy allows everything; errors that skip the middleware.
import { isPreflight, send } from "../respond.mjs";

const DJANGO_ALLOW_HEADERS =
  "accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, x-csrftoken, x-requested-with";

/** The seed's middleware: OPTIONS with Access-Control-Request-Method gets an empty 200 and Max-Age. */
function djangoMiddleware(req, res, status = 200, body = undefined) {
  const headers = [
    ["Access-Control-Allow-Origin", "*"],
    ["Access-Control-Allow-Methods", "DELETE, GET, OPTIONS, PATCH, POST, PUT"],
    ["Access-Control-Allow-Headers", DJANGO_ALLOW_HEADERS],
  ];
  if (isPreflight(req)) return send(res, 200, [...headers, ["Access-Control-Max-Age", "86400"]], "");
  return send(res, status, headers, body);
}

/** S3 with AllowedOrigins ["*"], AllowedHeaders ["*"]: `*`, the asked headers echoed, never credentials. */
function s3Bucket(req, res) {
  const headers = [
    ["Access-Control-Allow-Origin", "*"],
    ["Access-Control-Allow-Methods", "HEAD, PUT, GET, POST, DELETE"],
    [
      "Access-Control-Expose-Headers",
      "x-amz-request-id, x-amz-server-side-encryption, x-amz-version-id, Content-Length, Content-Type, Connection, Date, ETag, x-amz-delete-marker",
    ],
    ["Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method"],
  ];
  if (isPreflight(req)) {
    const asked = req.headers["access-control-request-headers"];
    return send(res, 200, [...headers, ...(asked ? [["Access-Control-Allow-Headers", asked]] : [])], "");
  }
  return send(res, 200, [...headers, ["ETag", '"abc"'], ["x-amz-request-id", "R1"]]);
}

export const SEED = [
  {
    id: "seed-django-wildcard-credentials",
    title: "Django middleware answers * to a credentialed request",
    client: { kind: "fetch", credentials: "include" },
    api: (req, res) => djangoMiddleware(req, res),
  },
  {
    id: "seed-django-missing-header",
    title: "Fixed Allow-Headers list lacks the frontend's X-Api-Key",
    client: {
      kind: "fetch",
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Api-Key": "k-123" },
      body: "{}",
    },
    api: (req, res) => djangoMiddleware(req, res),
  },
  {
    id: "seed-django-allowed-max-age",
    title: "Middleware allows the request; Max-Age 86400 is capped to 7200 s by Chromium",
    client: {
      kind: "fetch",
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-CSRFToken": "t" },
      body: "{}",
    },
    api: (req, res) => djangoMiddleware(req, res),
  },
  {
    id: "seed-django-500-masked",
    title: "Unhandled exception: Django's 500 page skips the middleware",
    client: { kind: "fetch" },
    api: (req, res) => send(res, 500, [["Content-Type", "text/html"]], "<h1>Server Error (500)</h1>"),
  },
  {
    id: "seed-django-403-csrf",
    title: "CSRF failure: 403 from Django's CsrfViewMiddleware without CORS headers",
    client: {
      kind: "fetch",
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "text/plain" },
      body: "x",
    },
    api: (req, res) =>
      send(
        res,
        403,
        [["Content-Type", "text/html"]],
        "<h1>Forbidden (403)</h1><p>CSRF verification failed.</p>",
      ),
  },
  {
    id: "seed-s3-upload",
    title: "S3 bucket policy allowing everything: an anonymous PUT passes",
    client: { kind: "fetch", method: "PUT", headers: { "Content-Type": "image/png" }, body: "png" },
    api: s3Bucket,
  },
  {
    id: "seed-s3-credentials",
    title: "S3 answers * to a request with credentials",
    client: { kind: "fetch", credentials: "include" },
    api: s3Bucket,
  },
];
