// The lab: a page origin, an API origin and a second API origin on loopback, whose endpoints
// reproduce real CORS misconfigurations (lab/scenarios). `node lab/server.mjs` serves it alone.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { send } from "./respond.mjs";
import { SCENARIOS } from "./scenarios/index.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const CLIENT = readFileSync(join(here, "client.js"), "utf8");
const WORKER = `self.onmessage = async (e) => {
  try { const r = await fetch(e.data.url); self.postMessage({ ok: true, status: r.status }); }
  catch (err) { self.postMessage({ ok: false, error: String(err) }); }
};`;

// A shared worker: one per origin, for every page of it; each port asks it to fetch a URL.
const SHARED_WORKER = `self.onconnect = (e) => {
  const port = e.ports[0];
  port.onmessage = async (m) => {
    try { const r = await fetch(m.data.url); port.postMessage({ ok: true, status: r.status }); }
    catch (err) { port.postMessage({ ok: false, error: String(err) }); }
  };
};`;

// A pass-through service worker, the core of every caching strategy: it re-issues the page's
// cross-origin requests itself (`fetch(e.request)`), so the browser reports them as the worker's.
// It also tells the lab how each of its own fetches ended (/sw-outcome, same-origin, not
// intercepted): the browser's verdict on the request the worker re-issued, which the page cannot
// always see (a beacon's page learns nothing; a preload's may hear "load" either way).
const SERVICE_WORKER = `self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
const tell = (url, ok) =>
  fetch("/sw-outcome?" + new URLSearchParams({ url, ok: String(ok) }), { method: "POST" }).catch(() => {});
// "?sw=cache-first" in a request's URL: answered from the worker's cache when it holds it (no
// network at all), else fetched and cached, as cache-first strategies do (Workbox's CacheFirst).
const cacheFirst = (request) =>
  caches.open("lab").then(async (cache) => {
    const hit = await cache.match(request);
    if (hit) return hit;
    const response = await fetch(request).then(
      (r) => (tell(request.url, true), r),
      (err) => {
        tell(request.url, false);
        throw err;
      },
    );
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (url.origin === self.location.origin) return;
  if (url.searchParams.get("sw") === "cache-first") return e.respondWith(cacheFirst(e.request));
  e.respondWith(
    fetch(e.request).then(
      (r) => (tell(e.request.url, true), r),
      (err) => {
        tell(e.request.url, false);
        throw err;
      },
    ),
  );
});`;

// A page on the second API's origin that an embedding page asks to fetch: a cross-origin iframe's
// own requests carry its origin, not the top page's.
const FRAME = `<!doctype html><meta charset="utf-8"><script>
addEventListener("message", async (e) => {
  let result;
  try { const r = await fetch(e.data.url); result = { ok: true, status: r.status }; }
  catch (err) { result = { ok: false, error: String(err) }; }
  e.source.postMessage(result, e.origin);
});
</script>`;

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function pageHtml(ctx) {
  const rows = SCENARIOS.map(
    (s) =>
      `<tr data-scenario="${s.id}"><td><button data-run="${s.id}">Run</button></td><td><code>${s.id}</code></td><td>${escapeHtml(s.title)}</td><td class="outcome"></td></tr>`,
  ).join("\n");
  const config = {
    api: ctx.api,
    other: ctx.other,
    closed: ctx.closed,
    scenarios: SCENARIOS.map(({ id, title, client }) => ({ id, title, client })),
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CORS Lens lab</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em}td{padding:2px 8px;border-bottom:1px solid #ddd}code{font-size:12px}</style></head>
<body><h1>CORS Lens lab</h1><p>Page origin <code>${ctx.page}</code>, API <code>${ctx.api}</code>, second API <code>${ctx.other}</code>.
Open DevTools → <b>CORS Lens</b>, then run scenarios. <button id="run-all">Run all</button></p>
<table>${rows}</table>
<script>window.LAB = ${JSON.stringify(config)};</script><script src="/lab.js"></script></body></html>`;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

/**
 * Starts the lab. Ports 0 pick free ones. The second API is on `localhost` so redirects to it
 * cross origins (and sites) from the 127.0.0.1 page.
 */
export async function startLab({ pagePort = 0, apiPort = 0, otherPort = 0 } = {}) {
  const ctx = { page: "", api: "", other: "", closed: "" };
  const log = [];
  /** How the page's service worker's own fetches ended, by URL (true: the browser let it through). */
  const workerOutcomes = new Map();
  const route = (which) => (req, res) => {
    const url = new URL(req.url, "http://lab");
    log.push({
      server: which,
      method: req.method,
      url: url.pathname + url.search,
      origin: req.headers.origin ?? null,
    });
    if (which === "page") {
      if (url.pathname === "/")
        return send(res, 200, [["Content-Type", "text/html; charset=utf-8"]], pageHtml(ctx));
      if (url.pathname === "/lab.js") return send(res, 200, [["Content-Type", "text/javascript"]], CLIENT);
      if (url.pathname === "/worker.js") return send(res, 200, [["Content-Type", "text/javascript"]], WORKER);
      if (url.pathname === "/shared-worker.js")
        return send(res, 200, [["Content-Type", "text/javascript"]], SHARED_WORKER);
      if (url.pathname === "/sw.js")
        return send(res, 200, [["Content-Type", "text/javascript"]], SERVICE_WORKER);
      if (url.pathname === "/sw-outcome") {
        workerOutcomes.set(url.searchParams.get("url") ?? "", url.searchParams.get("ok") === "true");
        return send(res, 204);
      }
      return send(res, 404, [["Content-Type", "text/plain"]], "not found");
    }
    if (which === "other" && url.pathname === "/frame.html")
      return send(res, 200, [["Content-Type", "text/html; charset=utf-8"]], FRAME);
    const id = url.pathname.split("/")[2];
    const scenario = SCENARIOS.find((s) => s.id === id);
    const handler = scenario ? (which === "api" ? scenario.api : scenario.other) : undefined;
    if (!handler) return send(res, 404, [["Content-Type", "text/plain"]], "no such scenario");
    req.resume();
    // `delay=ms` (the page's runScenario(id, delayMs)): a slow server, up to 10 s.
    const delay = Math.min(Number(url.searchParams.get("delay")) || 0, 10_000);
    if (delay > 0) return void setTimeout(() => handler(req, res, ctx), delay);
    return handler(req, res, ctx);
  };
  const servers = {
    page: createServer(route("page")),
    api: createServer(route("api")),
    other: createServer(route("other")),
  };
  const ports = {
    page: await listen(servers.page, pagePort, "127.0.0.1"),
    api: await listen(servers.api, apiPort, "127.0.0.1"),
    other: await listen(servers.other, otherPort, "127.0.0.1"),
  };
  // A port that was just free and is closed again: connection refused.
  const probe = createServer();
  const closedPort = await listen(probe, 0, "127.0.0.1");
  await new Promise((r) => probe.close(r));
  ctx.page = `http://127.0.0.1:${ports.page}`;
  ctx.api = `http://127.0.0.1:${ports.api}`;
  ctx.other = `http://localhost:${ports.other}`;
  ctx.closed = `http://127.0.0.1:${closedPort}`;
  return {
    ...ctx,
    scenarios: SCENARIOS,
    log,
    workerOutcomes,
    close: () => Promise.all(Object.values(servers).map((s) => new Promise((r) => s.close(r)))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lab = await startLab({ pagePort: 5601, apiPort: 5602, otherPort: 5603 });
  process.stdout.write(
    `CORS Lens lab: ${lab.page}/ (API ${lab.api}, second API ${lab.other}); ${lab.scenarios.length} scenarios\n`,
  );
}
