import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT11_AIOHTTP } from "./config-heldout11-aiohttp";
import { HELD_OUT11_APACHE } from "./config-heldout11-apache";
import { HELD_OUT11_CADDY } from "./config-heldout11-caddy";
import { HELD_OUT11_DJANGO } from "./config-heldout11-django";
import { HELD_OUT11_EXPRESS } from "./config-heldout11-express";
import { HELD_OUT11_FASTAPI } from "./config-heldout11-fastapi";
import { HELD_OUT11_FASTIFY } from "./config-heldout11-fastify";
import { HELD_OUT11_FLASK } from "./config-heldout11-flask";
import { HELD_OUT11_HONO, HELD_OUT11_HONO_CORRECT } from "./config-heldout11-hono";
import { HELD_OUT11_KOA, HELD_OUT11_KOA_CORRECT } from "./config-heldout11-koa";
import { HELD_OUT11_NGINX, HELD_OUT11_NGINX_CORRECT } from "./config-heldout11-nginx";
import { HELD_OUT11_RACK } from "./config-heldout11-rack";
import { HELD_OUT11_S3 } from "./config-heldout11-s3";
import { prepare, startApp, startNginx } from "./config-real";
import { freePort, startProcess } from "./harness";
import {
  CORRECT_CALLS,
  type Entry,
  fillCorrect,
  fillJs,
  heldoutCheck,
  heldoutEntries,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT11_NGINX,
    apache: HELD_OUT11_APACHE,
    caddy: HELD_OUT11_CADDY,
    express: HELD_OUT11_EXPRESS,
    fastify: HELD_OUT11_FASTIFY,
    koa: HELD_OUT11_KOA,
    hono: HELD_OUT11_HONO,
    fastapi: HELD_OUT11_FASTAPI,
    flask: HELD_OUT11_FLASK,
    aiohttp: HELD_OUT11_AIOHTTP,
    django: HELD_OUT11_DJANGO,
    rack: HELD_OUT11_RACK,
    s3: HELD_OUT11_S3,
  });
}

/**
 * Issue #23's eleventh never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 11 case (config-heldout11-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. This is the set's first run (the
 * measure, in HELDOUT11.md), asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (nginx, Koa, Hono — an nginx site with an `if` on
 * $http_origin and no map, a Koa app and a Hono app each with its own CORS middleware, shapes other
 * than the earlier sets' correct ones), served for real: the page's calls pass, `check` reports no
 * error, `fix` prints nothing.
 */
/** What the proxied application sends itself (its own Access-Control-Allow-Origin): not in the file. */
const UPSTREAM = "the application behind the proxy sends its own Allow-Origin: not in the file";
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 11's cases
 * (31/34; the first run, the measure, named 9 — see HELDOUT11.md; the rack-cors credentials case is
 * named since by rack-cors-methods-partial on its resource line, another finding of that line). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout11 nginx: the CDN's CORS location regex leaves out the font extensions": PAGE_RELATIVE,
  "heldout11 Apache: Header always set Allow-Origin over the image server's own, sent twice": UPSTREAM,
  "heldout11 Caddy: header Allow-Origin for the client over the upstream's own '*', two values": UPSTREAM,
};
const { scratch, correct } = heldoutCheck(11, entries(), KNOWN_STATIC_MISSES);

describe("heldout11: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout11 correct: nginx with an if on $http_origin over two front ends, credentials, always, preflight answered", async () => {
    const dir = join(scratch, "nginx");
    prepare(dir);
    const app = await startApp({});
    const port = await freePort();
    const site = join(dir, "site.conf");
    const text = fillCorrect(HELD_OUT11_NGINX_CORRECT, port, app.port);
    writeFileSync(site, text);
    try {
      await correct("nginx", site, text, () => startNginx(dir, port), `http://127.0.0.1:${port}`, calls);
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout11 correct: Koa with its own CORS middleware, an allowlist over two front ends, credentials", async () => {
    const dir = join(scratch, "koa");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT11_KOA_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "Koa",
      path,
      text,
      () =>
        startProcess(process.execPath, [path], port, { env: { PORT: String(port), NODE_ENV: "production" } }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });

  it("heldout11 correct: Hono with its own createMiddleware CORS, an allowlist over two front ends, credentials", async () => {
    const dir = join(scratch, "hono");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.mjs");
    const text = fillJs(HELD_OUT11_HONO_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "Hono",
      path,
      text,
      () =>
        startProcess(process.execPath, [path], port, { env: { PORT: String(port), NODE_ENV: "production" } }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });
});
