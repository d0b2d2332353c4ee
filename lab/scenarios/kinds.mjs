// Other initiators: fonts, images with crossorigin, a worker, no-cors, a referer check, a dead port.
import { echo, goodPreflight, isPreflight, send } from "../respond.mjs";

export const KINDS = [
  {
    id: "font-no-cors-headers",
    title: "A web font from another origin without CORS headers",
    client: { kind: "font" },
    api: (req, res) => send(res, 200, [["Content-Type", "font/woff2"]], "wOF2"),
  },
  {
    id: "image-crossorigin-missing",
    title: "<img crossorigin> without Access-Control-Allow-Origin",
    client: { kind: "img" },
    api: (req, res) =>
      send(res, 200, [["Content-Type", "image/svg+xml"]], '<svg xmlns="http://www.w3.org/2000/svg"/>'),
  },
  {
    id: "image-crossorigin-ok",
    title: "<img crossorigin> with Access-Control-Allow-Origin: *",
    client: { kind: "img" },
    api: (req, res) =>
      send(
        res,
        200,
        [
          ["Content-Type", "image/svg+xml"],
          ["Access-Control-Allow-Origin", "*"],
        ],
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
      ),
  },
  {
    id: "worker-fetch-missing",
    title: "A dedicated worker fetches without CORS headers in the answer",
    client: { kind: "worker" },
    api: (req, res) => send(res, 200),
  },
  {
    id: "shared-worker-fetch-missing",
    title: "A shared worker fetches without CORS headers in the answer",
    client: { kind: "shared-worker" },
    api: (req, res) => send(res, 200),
  },
  {
    id: "module-script-missing",
    title: "<script type=module> from the API without Access-Control-Allow-Origin",
    client: { kind: "module" },
    api: (req, res) => send(res, 200, [["Content-Type", "text/javascript"]], "export const x = 1;"),
  },
  {
    // On a page whose service worker is cache-first, the second request never reaches the network:
    // nothing for CORS Lens to see, and nothing blocked. Without the worker, two allowed requests.
    id: "sw-cache-first-twice",
    title: "The same allowed GET twice; a cache-first service worker answers the second from its cache",
    client: { kind: "fetch", warmUp: true, swStrategy: "cache-first" },
    api: (req, res) => send(res, 200, [["Access-Control-Allow-Origin", "*"]]),
  },
  {
    id: "eventsource-missing",
    title: "An EventSource stream without Access-Control-Allow-Origin",
    client: { kind: "eventsource" },
    api: (req, res) => send(res, 200, [["Content-Type", "text/event-stream"]], "data: hello\n\n"),
  },
  {
    id: "preload-missing",
    title: "<link rel=preload as=fetch crossorigin> without Access-Control-Allow-Origin",
    client: { kind: "preload" },
    api: (req, res) => send(res, 200, [["Content-Type", "application/json"]], "{}"),
  },
  {
    id: "frame-fetch-echo-top",
    title: "A cross-origin iframe fetches; the API allows the top page's origin, not the frame's",
    client: { kind: "frame" },
    api: (req, res, ctx) => send(res, 200, [["Access-Control-Allow-Origin", ctx.page]]),
  },
  {
    id: "no-cors-opaque",
    title: "mode: no-cors: sent, but the page gets an opaque response",
    client: { kind: "fetch", mode: "no-cors" },
    api: (req, res) => send(res, 200),
  },
  {
    id: "referer-check-no-referrer",
    title: "Referrer-Policy: no-referrer, and the API rejects requests without Referer (403)",
    client: {
      kind: "fetch",
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "x",
      referrerPolicy: "no-referrer",
    },
    api: (req, res, ctx) =>
      req.headers.referer
        ? send(res, 200, echo(req, ctx))
        : send(res, 403, [["Content-Type", "text/plain"]], "Referer checking failed - no Referer."),
  },
  {
    id: "slow-preflighted-put",
    title: "A preflighted PUT whose answer takes 2.5 s (the worker may be stopped meanwhile)",
    client: { kind: "fetch", method: "PUT", headers: { "Content-Type": "application/json" }, body: "{}" },
    api: (req, res, ctx) =>
      isPreflight(req)
        ? goodPreflight(req, res, ctx)
        : setTimeout(() => send(res, 200, echo(req, ctx)), 2500),
  },
  {
    // sendBeacon is credentialed (Beacon §3.2: credentials mode "include"); a JSON blob needs a preflight.
    id: "beacon-json-wildcard",
    title: "navigator.sendBeacon with a JSON blob; the API answers * without credentials support",
    client: { kind: "beacon", contentType: "application/json", body: '{"event":"view"}' },
    api: (req, res) =>
      send(
        res,
        isPreflight(req) ? 204 : 200,
        isPreflight(req)
          ? [
              ["Access-Control-Allow-Origin", "*"],
              ["Access-Control-Allow-Methods", "POST"],
              ["Access-Control-Allow-Headers", "content-type"],
            ]
          : [["Access-Control-Allow-Origin", "*"]],
      ),
  },
  {
    id: "network-refused",
    title: "Nothing listens on the port (connection refused)",
    client: { kind: "fetch", target: "closed" },
    api: (req, res) => send(res, 200),
  },
];
