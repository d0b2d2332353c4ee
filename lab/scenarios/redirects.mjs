// Redirects of the actual request: same origin, cross-origin (Origin becomes null), userinfo.
import { echo, goodPreflight, isPreflight, send } from "../respond.mjs";

/**
 * Redirects once within the API (to the same URL with `&final=1`, rewritten by `target`), then
 * answers correctly. `corsOnRedirect` false: the 302 itself has no CORS headers.
 */
const redirectOnce =
  ({ corsOnRedirect = true, target = (url) => url } = {}) =>
  (req, res, ctx) => {
    const url = new URL(req.url, ctx.api);
    if (url.searchParams.has("final")) return send(res, 200, echo(req, ctx));
    const location = target(new URL(`${url.pathname}${url.search}&final=1`, ctx.api)).href;
    return send(res, 302, [...(corsOnRedirect ? echo(req, ctx) : []), ["Location", location]]);
  };

/** Redirects to the second API origin (`localhost`), which `other` then answers. */
const toOtherOrigin = (req, res, ctx) =>
  send(res, 302, [
    ...echo(req, ctx),
    ["Location", `${ctx.other}${new URL(req.url, ctx.api).pathname}/final`],
  ]);

export const REDIRECTS = [
  {
    id: "redirect-same-origin-ok",
    title: "Redirect within the API origin, both hops allow the page",
    client: { kind: "fetch" },
    api: redirectOnce(),
  },
  {
    id: "redirect-cross-origin-null",
    title: "Redirect to another origin: Origin becomes null, the page's origin no longer matches",
    client: { kind: "fetch" },
    api: toOtherOrigin,
    other: (req, res, ctx) =>
      send(res, 200, [
        ["Access-Control-Allow-Origin", ctx.page],
        ["Vary", "Origin"],
      ]),
  },
  {
    id: "redirect-cross-origin-wildcard",
    title: "Redirect to another origin that answers *",
    client: { kind: "fetch" },
    api: toOtherOrigin,
    other: (req, res) => send(res, 200, [["Access-Control-Allow-Origin", "*"]]),
  },
  {
    id: "redirect-without-cors",
    title: "The redirect response itself has no CORS headers",
    client: { kind: "fetch" },
    api: redirectOnce({ corsOnRedirect: false }),
  },
  {
    // Two preflights (the redirect re-runs the CORS preflight), two PUTs: pairing must not depend on
    // which event arrives first (it once made this "allowed" in one run and "unknown" in another).
    id: "redirect-307-preflighted-put",
    title: "A preflighted PUT answered by a same-origin 307, then allowed",
    client: {
      kind: "fetch",
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Api-Key": "k" },
      body: "{}",
    },
    api: (req, res, ctx) => {
      if (isPreflight(req)) return goodPreflight(req, res, ctx);
      const url = new URL(req.url, ctx.api);
      if (url.searchParams.has("final")) return send(res, 200, echo(req, ctx));
      return send(res, 307, [...echo(req, ctx), ["Location", `${url.pathname}${url.search}&final=1`]]);
    },
  },
  {
    // 300 is not a redirect status of the Fetch Standard (https://fetch.spec.whatwg.org/#redirect-status):
    // the request ends at the 300, which allows the page (its target has no CORS headers). Chromium
    // 156 and Firefox ESR 153 both do so, although Gecko's nsHttpChannel lists 300 among its
    // redirect statuses.
    id: "status-300-with-location",
    title: "A 300 with a Location, its target without CORS headers",
    client: { kind: "fetch" },
    api: (req, res, ctx) => {
      const url = new URL(req.url, ctx.api);
      if (url.searchParams.has("final")) return send(res, 200);
      return send(res, 300, [...echo(req, ctx), ["Location", `${url.pathname}${url.search}&final=1`]]);
    },
  },
  {
    id: "redirect-userinfo",
    title: "Redirect to a URL with user:password",
    client: { kind: "fetch" },
    api: redirectOnce({
      target: (url) => {
        url.username = "lab";
        url.password = "secret";
        return url;
      },
    }),
  },
];
