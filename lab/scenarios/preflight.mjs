// Preflights that fail: auth layers, routers, redirects, malformed or incomplete allow lists.
import { echo, goodPreflight, isPreflight, originOf, send } from "../respond.mjs";

const PUT_JSON = {
  kind: "fetch",
  method: "PUT",
  headers: { "Content-Type": "application/json" },
  body: "{}",
};
const AUTH_GET = { kind: "fetch", headers: { Authorization: "Bearer lab-token" } };

/** The actual request, when it comes, is answered correctly: only the preflight is broken. */
const actualOk = (req, res, ctx) => send(res, 200, echo(req, ctx));

/**
 * An endpoint whose preflight answer is 204 with the page's origin plus `headers` (null: the right
 * methods and headers, as asked), and whose actual response is correct.
 */
const preflightAnswers =
  (headers, extra = []) =>
  (req, res, ctx) => {
    if (!isPreflight(req)) return actualOk(req, res, ctx);
    if (headers === null) return goodPreflight(req, res, ctx, extra);
    return send(res, 204, [...echo(req, ctx), ...headers, ...extra]);
  };

export const PREFLIGHT = [
  {
    id: "preflight-401-auth-first",
    title: "OPTIONS rejected by the auth layer (401, no CORS headers)",
    client: AUTH_GET,
    api: (req, res, ctx) =>
      req.method === "OPTIONS"
        ? send(res, 401, [["WWW-Authenticate", 'Bearer realm="api"']])
        : actualOk(req, res, ctx),
  },
  {
    id: "preflight-401-with-cors",
    title: "CORS headers present, but OPTIONS still hits auth: 401",
    client: AUTH_GET,
    api: (req, res, ctx) =>
      req.method === "OPTIONS" ? send(res, 401, echo(req, ctx)) : actualOk(req, res, ctx),
  },
  {
    id: "preflight-404-not-routed",
    title: "No route for OPTIONS: 404 without CORS headers",
    client: PUT_JSON,
    api: (req, res, ctx) =>
      req.method === "OPTIONS"
        ? send(res, 404, [["Content-Type", "text/html"]], "Not Found")
        : actualOk(req, res, ctx),
  },
  {
    id: "preflight-405-router",
    title: "CORS middleware adds headers, the router answers OPTIONS with 405",
    client: PUT_JSON,
    api: (req, res, ctx) =>
      req.method === "OPTIONS"
        ? send(res, 405, [...echo(req, ctx), ["Allow", "GET, PUT"]])
        : actualOk(req, res, ctx),
  },
  {
    id: "preflight-500",
    title: "OPTIONS crashes the app: 500 with CORS headers",
    client: PUT_JSON,
    api: (req, res, ctx) =>
      req.method === "OPTIONS" ? send(res, 500, echo(req, ctx)) : actualOk(req, res, ctx),
  },
  {
    id: "preflight-304",
    title: "A caching layer answers OPTIONS 304 Not Modified (with CORS headers)",
    client: PUT_JSON,
    api: (req, res, ctx) =>
      req.method === "OPTIONS" ? send(res, 304, echo(req, ctx)) : actualOk(req, res, ctx),
  },
  {
    id: "preflight-redirect-trailing-slash",
    title: "APPEND_SLASH: OPTIONS /items redirected to /items/",
    client: PUT_JSON,
    api: (req, res, ctx) => {
      const url = new URL(req.url, ctx.api);
      if (!url.pathname.endsWith("/")) return send(res, 301, [["Location", `${url.pathname}/${url.search}`]]);
      return isPreflight(req) ? goodPreflight(req, res, ctx) : actualOk(req, res, ctx);
    },
  },
  {
    id: "preflight-methods-unparseable",
    title: "Access-Control-Allow-Methods: PUT;GET",
    client: PUT_JSON,
    api: preflightAnswers([
      ["Access-Control-Allow-Methods", "PUT;GET"],
      ["Access-Control-Allow-Headers", "content-type"],
    ]),
  },
  {
    id: "preflight-headers-unparseable",
    title: "Access-Control-Allow-Headers separated by spaces",
    client: {
      kind: "fetch",
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Api-Key": "k" },
      body: "{}",
    },
    api: preflightAnswers([
      ["Access-Control-Allow-Methods", "PUT"],
      ["Access-Control-Allow-Headers", "content-type x-api-key"],
    ]),
  },
  {
    id: "preflight-method-missing",
    title: "DELETE not in Access-Control-Allow-Methods",
    client: { kind: "fetch", method: "DELETE" },
    api: preflightAnswers([["Access-Control-Allow-Methods", "GET, POST"]]),
  },
  {
    id: "preflight-method-lowercase",
    title: "fetch sends `patch` as written; the server allows PATCH",
    client: { kind: "fetch", method: "patch", headers: { "Content-Type": "application/json" }, body: "{}" },
    api: preflightAnswers([
      ["Access-Control-Allow-Methods", "GET, PATCH"],
      ["Access-Control-Allow-Headers", "content-type"],
    ]),
  },
  {
    id: "preflight-json-content-type",
    title: "application/json makes a POST preflighted; Allow-Headers is empty",
    client: { kind: "fetch", method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" },
    api: preflightAnswers([["Access-Control-Allow-Methods", "POST"]]),
  },
  {
    id: "preflight-wildcard-headers-credentials",
    title: "Allow-Headers: * does not count for a credentialed request",
    client: { kind: "fetch", credentials: "include", headers: { "X-Trace": "1" } },
    api: (req, res, ctx) => {
      const creds = [
        ["Access-Control-Allow-Origin", originOf(req, ctx)],
        ["Access-Control-Allow-Credentials", "true"],
        ["Vary", "Origin"],
      ];
      return isPreflight(req)
        ? send(res, 204, [...creds, ["Access-Control-Allow-Headers", "*"]])
        : send(res, 200, creds);
    },
  },
  {
    id: "preflight-authorization-wildcard",
    title: "Authorization allowed only through Allow-Headers: * (deprecated, still passes)",
    client: AUTH_GET,
    api: (req, res) =>
      isPreflight(req)
        ? send(res, 204, [
            ["Access-Control-Allow-Origin", "*"],
            ["Access-Control-Allow-Headers", "*"],
          ])
        : send(res, 200, [["Access-Control-Allow-Origin", "*"]]),
  },
  {
    id: "preflight-response-header-in-request",
    title: "The page sends Access-Control-Allow-Origin as a request header",
    client: { kind: "fetch", headers: { "Access-Control-Allow-Origin": "*" } },
    api: preflightAnswers([["Access-Control-Allow-Methods", "GET"]]),
  },
  {
    id: "preflight-ok-put",
    title: "A correct preflight and PUT",
    client: {
      kind: "fetch",
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Api-Key": "k" },
      body: "{}",
    },
    api: preflightAnswers(null, [["Access-Control-Max-Age", "600"]]),
  },
  {
    id: "preflight-cached-second-request",
    title: "The same PUT twice: the second reuses the cached preflight (Max-Age 600)",
    client: {
      kind: "fetch",
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Api-Key": "k" },
      body: "{}",
      warmUp: true,
    },
    api: preflightAnswers(null, [["Access-Control-Max-Age", "600"]]),
  },
  {
    id: "actual-401-after-preflight",
    title: "Preflight passes, the API answers 401 (expired token) without CORS headers",
    client: AUTH_GET,
    api: (req, res, ctx) =>
      isPreflight(req)
        ? goodPreflight(req, res, ctx)
        : send(res, 401, [["WWW-Authenticate", 'Bearer error="invalid_token"']]),
  },
];
