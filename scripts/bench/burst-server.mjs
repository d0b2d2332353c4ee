// The page-overhead bench's server: a page that fires a burst of cross-origin requests (60% simple,
// 25% preflighted, 15% failing, 6 at a time, unique URLs) and measures it with performance.now().
import { createServer } from "node:http";

const PAGE = `<!doctype html><meta charset="utf-8"><title>burst</title><script>
async function burst(api, n, tag) {
  let next = 0;
  const one = async (i) => {
    const kind = i % 20;
    const url = api + "/r/" + tag + "-" + i + (kind < 12 ? "?k=simple" : kind < 17 ? "?k=preflight" : "?k=fail");
    const init = kind >= 12 && kind < 17 ? { method: "PUT", headers: { "Content-Type": "application/json", "X-Bench": "1" }, body: "{}" } : {};
    try { await fetch(url, init); } catch {}
  };
  const worker = async () => { while (next < n) await one(next++); };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 6 }, worker));
  return performance.now() - t0;
}
</script>`;

function listen(server) {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
}

export async function startBurstServer() {
  const page = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(PAGE);
  });
  const api = createServer((req, res) => {
    const kind = new URL(req.url, "http://x").searchParams.get("k");
    const origin = req.headers.origin ?? "*";
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "PUT",
        "Access-Control-Allow-Headers": "content-type, x-bench",
      });
      return res.end();
    }
    res.writeHead(
      200,
      kind === "fail"
        ? { "Content-Type": "application/json" }
        : {
            "Content-Type": "application/json",
            "Access-Control-Allow-Origin": kind === "preflight" ? origin : "*",
          },
    );
    res.end('{"ok":true}');
  });
  page.keepAliveTimeout = 60_000;
  api.keepAliveTimeout = 60_000;
  const pagePort = await listen(page);
  const apiPort = await listen(api);
  return {
    page: `http://127.0.0.1:${pagePort}`,
    api: `http://127.0.0.1:${apiPort}`,
    close: () => Promise.all([page, api].map((s) => new Promise((r) => s.close(r)))),
  };
}
