// Small helpers the lab's endpoints answer with. Each endpoint reproduces one real server behaviour.

/** @param {import("node:http").ServerResponse} res @param {number} status @param {Array<[string, string]>} headers */
export function send(res, status, headers = [], body = undefined) {
  const flat = [];
  for (const [name, value] of headers) flat.push(name, value);
  if (!headers.some(([n]) => n.toLowerCase() === "content-type"))
    flat.push("Content-Type", "application/json");
  res.writeHead(status, flat);
  res.end(body ?? (status === 204 ? "" : JSON.stringify({ ok: status < 400, status })));
}

/** The request's Origin header, or the page origin when absent. */
export const originOf = (req, ctx) => req.headers.origin ?? ctx.page;

export const isPreflight = (req) =>
  req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;

/** A correct answer for a preflight: echo origin, the asked method and headers. */
export function goodPreflight(req, res, ctx, extra = []) {
  send(res, 204, [
    ["Access-Control-Allow-Origin", originOf(req, ctx)],
    ["Access-Control-Allow-Methods", req.headers["access-control-request-method"] ?? "GET"],
    ["Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? ""],
    ["Vary", "Origin"],
    ...extra,
  ]);
}

export const echo = (req, ctx) => [
  ["Access-Control-Allow-Origin", originOf(req, ctx)],
  ["Vary", "Origin"],
];
