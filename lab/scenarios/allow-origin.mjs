// Access-Control-Allow-Origin and -Credentials as servers get them wrong.
import { echo, goodPreflight, isPreflight, originOf, send } from "../respond.mjs";

const get = { kind: "fetch" };
const withCookies = { kind: "fetch", credentials: "include" };
const acao = (value) => (req, res) => send(res, 200, [["Access-Control-Allow-Origin", value(req)]]);

/** The page revalidates its own copy: the script sets If-None-Match (a preflight asks for it). */
const ifNoneMatch = { kind: "fetch", headers: { "If-None-Match": '"v1"' } };
const answer304 = (headers) => (req, res, ctx) =>
  isPreflight(req) ? goodPreflight(req, res, ctx) : send(res, 304, [["ETag", '"v1"'], ...headers(req, ctx)]);

export const ALLOW_ORIGIN = [
  { id: "acao-missing", title: "No CORS headers at all", client: get, api: (req, res) => send(res, 200) },
  {
    // hono/etag's own 304 keeps only its short header list (FreiFahren/FreiFahren#470).
    id: "acao-missing-on-page-304",
    title: "The page's If-None-Match answered 304 without CORS headers (an ETag middleware's own 304)",
    client: ifNoneMatch,
    api: answer304(() => []),
  },
  {
    id: "acao-on-page-304",
    title: "The page's If-None-Match answered 304 with its Access-Control-Allow-Origin",
    client: ifNoneMatch,
    api: answer304((req, ctx) => echo(req, ctx)),
  },
  {
    id: "acao-duplicate-proxy-and-app",
    title: "nginx and the app both add Access-Control-Allow-Origin",
    client: get,
    api: (req, res, ctx) =>
      send(res, 200, [
        ["Access-Control-Allow-Origin", originOf(req, ctx)],
        ["Access-Control-Allow-Origin", originOf(req, ctx)],
      ]),
  },
  {
    id: "acao-origin-and-star",
    title: "The proxy adds * and the app its origin: two Access-Control-Allow-Origin lines",
    client: get,
    api: (req, res, ctx) =>
      send(res, 200, [
        ["Access-Control-Allow-Origin", originOf(req, ctx)],
        ["Access-Control-Allow-Origin", "*"],
      ]),
  },
  {
    id: "acao-list",
    title: "A list of allowed origins in one header",
    client: get,
    api: (req, res, ctx) =>
      send(res, 200, [["Access-Control-Allow-Origin", `${ctx.page}, https://admin.example.com`]]),
  },
  {
    id: "acao-trailing-slash",
    title: "The allowed origin has a trailing slash",
    client: get,
    api: (req, res, ctx) => send(res, 200, [["Access-Control-Allow-Origin", `${ctx.page}/`]]),
  },
  {
    id: "acao-https-vs-http",
    title: "https allowed, the page is http",
    client: get,
    api: (req, res, ctx) =>
      send(res, 200, [["Access-Control-Allow-Origin", ctx.page.replace("http:", "https:")]]),
  },
  {
    id: "acao-other-port",
    title: "The dev server's old port is allowed",
    client: get,
    api: (req, res, ctx) => send(res, 200, [["Access-Control-Allow-Origin", "http://127.0.0.1:3000"]]),
  },
  {
    id: "acao-host-without-scheme",
    title: "Allow-Origin set to host:port without scheme",
    client: get,
    api: acao((req) => new URL(req.headers.origin ?? "http://x").host),
  },
  {
    id: "acao-null",
    title: "Access-Control-Allow-Origin: null for a normal page",
    client: get,
    api: acao(() => "null"),
  },
  {
    id: "acao-echo-no-vary",
    title: "Origin echoed without Vary: Origin",
    client: get,
    api: (req, res, ctx) => send(res, 200, [["Access-Control-Allow-Origin", originOf(req, ctx)]]),
  },
  {
    id: "acao-expose-missing",
    title: "X-Request-Id sent but not exposed to scripts",
    client: get,
    api: (req, res, ctx) =>
      send(res, 200, [...echo(req, ctx), ["X-Request-Id", "r-42"], ["X-RateLimit-Remaining", "99"]]),
  },
  {
    id: "credentials-no-acac",
    title: "Credentials, origin echoed, Allow-Credentials missing",
    client: withCookies,
    api: (req, res, ctx) => send(res, 200, echo(req, ctx)),
  },
  {
    id: "credentials-acac-capitalized",
    title: "Access-Control-Allow-Credentials: True",
    client: withCookies,
    api: (req, res, ctx) => send(res, 200, [...echo(req, ctx), ["Access-Control-Allow-Credentials", "True"]]),
  },
  {
    id: "credentials-ok",
    title: "Credentials allowed correctly",
    client: withCookies,
    api: (req, res, ctx) => send(res, 200, [...echo(req, ctx), ["Access-Control-Allow-Credentials", "true"]]),
  },
  {
    // The second API is on another host (localhost): the page's cookie is not sent there, yet the
    // request is still credentialed (Fetch "CORS check": the mode, not the Cookie header, counts).
    id: "credentials-no-cookie-wildcard",
    title: "credentials: include to an API the browser has no cookie for, answered *",
    client: { kind: "fetch", credentials: "include", target: "other" },
    other: acao(() => "*"),
  },
  {
    id: "xhr-with-credentials-wildcard",
    title: "XMLHttpRequest withCredentials against *",
    client: { kind: "xhr", withCredentials: true },
    api: acao(() => "*"),
  },
  {
    id: "error-502-proxy",
    title: "The proxy's 502 page has no CORS headers",
    client: get,
    api: (req, res) => send(res, 502, [["Content-Type", "text/html"]], "Bad Gateway"),
  },
];
