// Writes a synthetic HAR of about the given size: Chrome-shaped entries (preflights, blocked
// responses with _error, redirects) with response bodies as real exports carry them.
import { createWriteStream } from "node:fs";

export async function makeHar(path, targetBytes, { mostlyBlocked = false } = {}) {
  const out = createWriteStream(path);
  const write = (s) => new Promise((resolve) => (out.write(s) ? resolve() : out.once("drain", resolve)));
  await write(
    '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"156"},"pages":[],"entries":[',
  );
  const body = JSON.stringify({
    items: Array.from({ length: 40 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ["a", "b", "c"] })),
  });
  const page = "http://127.0.0.1:5601";
  let bytes = 0;
  let n = 0;
  const headers = (pairs) => pairs.map(([name, value]) => ({ name, value }));
  const entry = (method, url, reqHeaders, status, resHeaders, extra = {}) =>
    JSON.stringify({
      startedDateTime: new Date(1_700_000_000_000 + n * 10).toISOString(),
      time: 12,
      request: {
        method,
        url,
        httpVersion: "HTTP/1.1",
        headers: headers(reqHeaders),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: -1,
      },
      response: {
        status,
        statusText: "",
        httpVersion: "HTTP/1.1",
        headers: headers(resHeaders),
        cookies: [],
        content: { size: body.length, mimeType: "application/json", text: status === 200 ? body : "" },
        redirectURL: "",
        headersSize: -1,
        bodySize: -1,
        ...(extra.error ? { _error: extra.error } : {}),
      },
      cache: {},
      timings: { send: 1, wait: 10, receive: 1 },
      _resourceType: extra.type ?? "fetch",
      _initiator: extra.initiator ?? { type: "script" },
    });
  while (bytes < targetBytes) {
    n++;
    const url = `http://127.0.0.1:5602/api/items/${n}?q=${n}`;
    const req = [
      ["Origin", page],
      ["Accept", "*/*"],
      ["Sec-Fetch-Mode", "cors"],
      ["Referer", `${page}/`],
      ["User-Agent", "Mozilla/5.0 HeadlessChrome/156"],
    ];
    // Mostly blocked: four in five requests fail (as in a HAR of a page whose API is misconfigured).
    const kind = mostlyBlocked ? (n % 5 === 0 ? 0 : 16 + (n % 4)) : n % 20;
    let text;
    if (kind < 12)
      text = entry("GET", url, req, 200, [
        ["Access-Control-Allow-Origin", "*"],
        ["Content-Type", "application/json"],
      ]);
    else if (kind < 17) {
      const pf = entry(
        "OPTIONS",
        url,
        [
          ["Origin", page],
          ["Access-Control-Request-Method", "PUT"],
          ["Access-Control-Request-Headers", "content-type,x-api-key"],
        ],
        204,
        [
          ["Access-Control-Allow-Origin", page],
          ["Access-Control-Allow-Methods", "PUT"],
          ["Access-Control-Allow-Headers", kind === 16 ? "content-type" : "content-type, x-api-key"],
        ],
        { type: "preflight", initiator: { type: "preflight", url } },
      );
      const actual =
        kind === 16
          ? entry("PUT", url, [...req, ["X-Api-Key", "k"]], 0, [], { error: "net::ERR_FAILED" })
          : entry("PUT", url, [...req, ["Content-Type", "application/json"], ["X-Api-Key", "k"]], 200, [
              ["Access-Control-Allow-Origin", page],
              ["Vary", "Origin"],
            ]);
      text = `${pf},${actual}`;
    } else
      text = entry("GET", url, req, kind === 19 ? 500 : 200, [["Content-Type", "text/html"]], {
        error: "net::ERR_FAILED",
      });
    await write(`${n > 1 ? "," : ""}${text}`);
    bytes += text.length + 1;
  }
  await write("]}}");
  await new Promise((resolve) => out.end(resolve));
  return { entries: n, bytes };
}
