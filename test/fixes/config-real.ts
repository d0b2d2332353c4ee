/**
 * Real nginx for the `cors-lens fix --config` suite: a main nginx.conf that `include`s the user's
 * site file (the file CORS Lens reads and patches), an upstream application in Node, requests sent
 * as a browser sends them (preflight first when one is needed), and the engine's verdict on the real
 * responses. The HAR handed to `cors-lens fix` is made of those real responses.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import { join } from "node:path";
import { expect } from "vitest";
import {
  corsUnsafeHeaderNames,
  diagnose,
  type HeaderList,
  type Hop,
  type ObservedExchange,
  observedExchange,
  preflightNeeded,
  type Verdict,
  visibilityOf,
} from "../../src/engine";
import { freePort, type Running, startProcess } from "./harness";

export const NGINX = "/usr/sbin/nginx";

export function mainConf(dir: string, site: string): string {
  return `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${site};
}
`;
}

export function nginxTest(dir: string): { ok: boolean; output: string } {
  const r = spawnSync(NGINX, ["-t", "-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], {
    encoding: "utf8",
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export async function startNginx(dir: string, port: number): Promise<Running> {
  return startProcess(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], port);
}

export function prepare(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "nginx.conf"), mainConf(dir, join(dir, "site.conf")));
}

/** The application behind nginx: JSON for everything, a 500 on /api/fail, its own OPTIONS answer. */
export interface AppShape {
  optionsStatus?: number;
  ownCors?: HeaderList;
}

export async function startApp(shape: AppShape): Promise<{ port: number; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    for (const [n, v] of shape.ownCors ?? []) res.setHeader(n, v);
    if (req.method === "OPTIONS") {
      res.writeHead(shape.optionsStatus ?? 405, { allow: "GET, HEAD" });
      res.end();
      return;
    }
    res.writeHead(req.url?.startsWith("/api/fail") ? 500 : 200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return { port, server };
}

export function send(
  method: string,
  url: string,
  headers: HeaderList,
): Promise<{ status: number; headers: HeaderList }> {
  // A body of the type the request says, as a page sends it (a JSON parser before cors() answers
  // a body that is not JSON with a 400 of its own), with its Content-Length as a browser sends it:
  // headers given as a list make Node send the body chunked, which Django's runserver does not read
  // (the chunk lines are then parsed as the next request on the kept-alive connection).
  const json = headers.some(([n, v]) => n.toLowerCase() === "content-type" && /json/i.test(v));
  const body =
    method === "POST" || method === "PUT" || method === "PATCH" ? (json ? '{"a":1}' : "a=1") : null;
  const length: HeaderList = body === null ? [] : [["Content-Length", String(Buffer.byteLength(body))]];
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method,
        headers: [["Host", u.host], ...headers, ...length].flat() as unknown as Record<string, string>,
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          const raw = res.rawHeaders;
          const list: Array<[string, string]> = [];
          for (let i = 0; i < raw.length; i += 2) list.push([raw[i] as string, raw[i + 1] as string]);
          resolve({ status: res.statusCode ?? 0, headers: list });
        });
      },
    );
    req.on("error", reject);
    if (body !== null) req.end(body);
    else req.end();
  });
}

/** A request as the page makes it. */
export interface PageCall {
  method: string;
  path: string;
  origin: string;
  headers?: HeaderList;
  credentials?: boolean;
  /**
   * Response headers the page's script reads (react-admin reads a list's X-Total-Count): in the
   * browser suites, one the browser hides (not exposed) fails the call as a blocked one does.
   */
  reads?: string[];
}

let seq = 0;

/**
 * The fix's standard requests (what the old configuration allowed, from `fix --format json`'s
 * `requests`), sent to the real patched server: each must still be allowed. Returns how many.
 */
export async function standardStillAllowed(
  base: string,
  requests: unknown,
  patched: string,
  /**
   * The real server with the old files, for a standard request the patched one blocks: the old
   * model's "allowed" rests on what it assumed (a file under DocumentRoot exists), and the claim
   * is about the old configuration as served. Blocked there too, it is no request the patch took.
   */
  before?: (call: PageCall) => Promise<Verdict>,
): Promise<number> {
  const standard = (
    requests as Array<{
      source: string;
      method: string;
      url: string;
      origin: string;
      credentials: string;
      headers: Array<[string, string]>;
    }>
  ).filter((r) => r.source === "standard");
  for (const s of standard) {
    const call = {
      method: s.method,
      path: new URL(s.url).pathname,
      origin: s.origin,
      credentials: s.credentials === "include",
      headers: s.headers,
    };
    const r = await observe(base, call);
    if (r.verdict !== "allowed" && before && (await before(call)) !== "allowed") continue;
    expect(
      r.verdict,
      `standard ${JSON.stringify(call)}: ${r.cause}\n${patched}\n${JSON.stringify(r.exchange.hops.map((h) => [h.status, h.responseHeaders]))}`,
    ).toBe("allowed");
  }
  return standard.length;
}

/**
 * Sends the call as Chromium would (the preflight, then the request unless the preflight failed)
 * and returns the exchange Chromium's DevTools would record, with the engine's verdict on it.
 */
export async function observe(
  base: string,
  call: PageCall,
): Promise<{ exchange: ObservedExchange; verdict: Verdict; cause: string | null }> {
  const url = `${base}${call.path}`;
  const headers: HeaderList = call.headers ?? [];
  const actualHeaders: HeaderList = [
    ...headers,
    ["Origin", call.origin],
    ...(call.credentials ? ([["Cookie", "session=1"]] as HeaderList) : []),
  ];
  let preflight: Hop | null = null;
  // The call's headers are the page script's own (an If-None-Match included): every CORS-unsafe one
  // is asked for, as Chromium does for a fetch() (the engine reads such a header on a recorded
  // request as one the browser's cache may have added).
  const unsafe = corsUnsafeHeaderNames(headers);
  if (preflightNeeded(call.method, unsafe)) {
    const asked: HeaderList = [
      ["Origin", call.origin],
      ["Access-Control-Request-Method", call.method],
      ...(unsafe.length ? ([["Access-Control-Request-Headers", unsafe.join(",")]] as HeaderList) : []),
    ];
    const r = await send("OPTIONS", url, asked);
    preflight = {
      url,
      method: "OPTIONS",
      status: r.status,
      requestHeaders: asked,
      responseHeaders: r.headers,
      error: null,
      fromCache: false,
    };
  }
  const r = await send(call.method, url, actualHeaders);
  const hop: Hop = {
    url,
    method: call.method,
    status: r.status,
    requestHeaders: actualHeaders,
    responseHeaders: r.headers,
    error: null,
    fromCache: false,
  };
  const make = (hops: Hop[], error: string | null, pf: Hop | null) =>
    observedExchange({
      id: `call-${++seq}`,
      url,
      method: call.method,
      recordedBy: "chromium",
      initiator: call.origin,
      resourceType: "fetch",
      mode: "cors",
      credentials: call.credentials ? "include" : "omit",
      requestHeaders: actualHeaders,
      preflight: pf,
      hops,
      error,
      startedAt: 1_700_000_000_000 + seq,
      visibility: visibilityOf("chromium", true),
    });
  // A redirect the CORS check lets through is followed, as the browser's fetch does (same-server
  // redirects only: the Origin header stays; https://fetch.spec.whatwg.org/#http-redirect-fetch).
  const hops: Hop[] = [hop];
  for (let i = 0; i < 5; i++) {
    const last = hops.at(-1) as Hop;
    const location = last.responseHeaders.find(([n]) => n.toLowerCase() === "location")?.[1];
    if (![301, 302, 303, 307, 308].includes(last.status ?? 0) || !location) break;
    const next = new URL(location, last.url);
    if (next.origin !== new URL(url).origin) break;
    if (diagnose(make(hops, null, preflight), { browser: "chromium" }).verdict === "blocked") break;
    const method =
      last.status === 303 || ([301, 302].includes(last.status ?? 0) && call.method === "POST")
        ? "GET"
        : call.method;
    const again = await send(method, next.href, actualHeaders);
    hops.push({
      url: next.href,
      method,
      status: again.status,
      requestHeaders: actualHeaders,
      responseHeaders: again.headers,
      error: null,
      fromCache: false,
    });
  }
  const d = diagnose(make(hops, null, preflight), { browser: "chromium" });
  if (d.verdict !== "blocked")
    return { exchange: make(hops, null, preflight), verdict: d.verdict, cause: null };
  const cause = d.causes[0]?.code ?? null;
  // As Chromium records it: a failed preflight stops the request (never sent); a failed response keeps its headers.
  if (d.causes[0]?.stage === "preflight" && preflight) {
    const pf = { ...preflight, error: "net::ERR_FAILED" };
    const never: Hop = { ...hop, status: null, responseHeaders: [], error: "net::ERR_FAILED" };
    return { exchange: make([never], "net::ERR_FAILED", pf), verdict: "blocked", cause };
  }
  const failed = hops.at(-1) as Hop;
  return {
    exchange: make(
      [...hops.slice(0, -1), { ...failed, error: "net::ERR_FAILED" }],
      "net::ERR_FAILED",
      preflight,
    ),
    verdict: "blocked",
    cause,
  };
}

/**
 * What `fix --write` left of the user's files: each written file's `.orig` is its original, and every
 * original line the printed diff does not remove is still there, in order (formatting and comments
 * outside the edited lines untouched). Returns the diff's removed lines.
 */
export function expectKeptOutsideDiff(
  diff: string,
  originals: ReadonlyArray<readonly [file: string, text: string]>,
): string[] {
  const removed = diff.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"));
  for (const [file, text] of originals) {
    expect(readFileSync(`${file}.orig`, "utf8")).toBe(text);
    const after = readFileSync(file, "utf8").split("\n");
    let at = 0;
    for (const line of text.split("\n").filter((l) => !removed.includes(`-${l}`))) {
      at = after.indexOf(line, at);
      expect(at, `line kept: ${line}`).toBeGreaterThanOrEqual(0);
      at++;
    }
  }
  return removed;
}
