import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT4_AIOHTTP } from "./config-heldout4-aiohttp";
import { HELD_OUT4_APACHE } from "./config-heldout4-apache";
import { HELD_OUT4_CADDY, HELD_OUT4_CADDY_CORRECT } from "./config-heldout4-caddy";
import { HELD_OUT4_DJANGO } from "./config-heldout4-django";
import { HELD_OUT4_EXPRESS } from "./config-heldout4-express";
import { HELD_OUT4_FASTAPI } from "./config-heldout4-fastapi";
import { HELD_OUT4_FASTIFY } from "./config-heldout4-fastify";
import { HELD_OUT4_FLASK } from "./config-heldout4-flask";
import { HELD_OUT4_HONO } from "./config-heldout4-hono";
import { HELD_OUT4_KOA, HELD_OUT4_KOA_CORRECT } from "./config-heldout4-koa";
import { HELD_OUT4_NGINX, HELD_OUT4_NGINX_CORRECT } from "./config-heldout4-nginx";
import { HELD_OUT4_RACK } from "./config-heldout4-rack";
import { HELD_OUT4_S3 } from "./config-heldout4-s3";
import { prepare, startApp, startNginx } from "./config-real";
import { freePort, startProcess } from "./harness";
import {
  ADMIN,
  APP_ORIGIN,
  type Entry,
  fillCorrect,
  heldoutCheck,
  heldoutEntries,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT4_NGINX,
    apache: HELD_OUT4_APACHE,
    caddy: HELD_OUT4_CADDY,
    express: HELD_OUT4_EXPRESS,
    fastify: HELD_OUT4_FASTIFY,
    koa: HELD_OUT4_KOA,
    hono: HELD_OUT4_HONO,
    fastapi: HELD_OUT4_FASTAPI,
    flask: HELD_OUT4_FLASK,
    aiohttp: HELD_OUT4_AIOHTTP,
    django: HELD_OUT4_DJANGO,
    rack: HELD_OUT4_RACK,
    s3: HELD_OUT4_S3,
  });
}

const UPSTREAM = "the second Allow-Origin is the proxied app's, in its answer, not in the file";
const NOT_READ = "CORS Lens does not read this app (fix refuses it, said): nothing to name";
/**
 * Issue #23's fourth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it):
 * every held-out set 4 case (config-heldout4-*.ts, written blind to the readers), each file filled
 * as its suite fills it, its root cause's line named or not asserted against KNOWN_STATIC_MISSES both
 * ways (the first run, the measure, is in HELDOUT4.md); and the set's three correct configurations,
 * served for real: the page's calls pass, `check` reports no error, `fix` prints nothing.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout4 nginx: nginx and the proxied app both send Access-Control-Allow-Origin (two values)": UPSTREAM,
  "heldout4 nginx: the OPTIONS block's Allow-Headers lacks Authorization (token calls refused)":
    PAGE_RELATIVE,
  "heldout4 Caddy: the imported CORS snippet and the upstream both set Allow-Origin (two values)": UPSTREAM,
  "heldout4 Express: cors() used inside one controller's router, the other controller has none":
    PAGE_RELATIVE,
  "heldout4 Express: hand-written Allow-Headers without Authorization": PAGE_RELATIVE,
  "heldout4 Fastify: an onRequest auth hook refuses the preflight before @fastify/cors answers it":
    "not found from the file: a root onRequest hook runs before the hook @fastify/cors adds (check reads no hook order)",
  "heldout4 Hono: the cors policy is chosen by a header the preflight does not carry": NOT_READ,
  "heldout4 aiohttp: aiohttp's built-in 404 has no CORS header (unknown URL)": PAGE_RELATIVE,
  "heldout4 Django: CORS_ALLOWED_ORIGINS chosen by DEBUG, the page's origin only in the debug list":
    PAGE_RELATIVE,
  "heldout4 Django: CORS_ORIGIN_ALLOW_ALL without CORS_ALLOW_CREDENTIALS, the cookie call refused":
    PAGE_RELATIVE,
  "heldout4 Django: CORS_URLS_REGEX matches the list view only, the item DELETE refused": PAGE_RELATIVE,
};

const { scratch, correct } = heldoutCheck(4, entries(), KNOWN_STATIC_MISSES);

describe("heldout4: correct configurations (check: no error; fix: nothing to change)", () => {
  const json: Array<[string, string]> = [["Content-Type", "application/json"]];
  it("heldout4 correct: nginx map regex of two front ends, preflight answered by nginx, credentials", async () => {
    const dir = join(scratch, "correct-nginx");
    prepare(dir);
    const app = await startApp({});
    const port = await freePort();
    const file = join(dir, "site.conf");
    writeFileSync(file, fillCorrect(HELD_OUT4_NGINX_CORRECT, port, app.port));
    try {
      await correct(
        "nginx",
        file,
        HELD_OUT4_NGINX_CORRECT,
        () => startNginx(dir, port),
        `http://127.0.0.1:${port}`,
        [
          { method: "GET", path: "/api/items", origin: APP_ORIGIN },
          {
            method: "PUT",
            path: "/api/items/1",
            origin: ADMIN,
            credentials: true,
            headers: [...json, ["Authorization", "Bearer t"]],
          },
          { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
        ],
      );
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout4 correct: Koa @koa/cors with an origin function over an allowlist and credentials", async () => {
    const dir = join(scratch, "correct-koa");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const file = join(dir, "server.js");
    const text = HELD_OUT4_KOA_CORRECT.replaceAll("ORIGIN2", ADMIN).replaceAll("ORIGIN", APP_ORIGIN);
    writeFileSync(file, text);
    const port = await freePort();
    await correct(
      "Koa",
      file,
      text,
      () =>
        startProcess(process.execPath, [file], port, { env: { PORT: String(port), NODE_ENV: "production" } }),
      `http://127.0.0.1:${port}`,
      [
        { method: "GET", path: "/api/items", origin: APP_ORIGIN },
        { method: "PUT", path: "/api/items/1", origin: ADMIN, headers: json, credentials: true },
        { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
      ],
    );
  });

  it("heldout4 correct: Caddy preflight matched by method and Origin, answered before the proxy", async () => {
    const dir = join(scratch, "correct-caddy");
    mkdirSync(dir, { recursive: true });
    const app = await startApp({});
    const port = await freePort();
    const file = join(dir, "Caddyfile");
    writeFileSync(file, fillCorrect(HELD_OUT4_CADDY_CORRECT, port, app.port));
    try {
      await correct(
        "Caddy",
        file,
        HELD_OUT4_CADDY_CORRECT,
        () =>
          startProcess("/usr/bin/caddy", ["run", "--config", file, "--adapter", "caddyfile"], port, {
            env: { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
          }),
        `http://127.0.0.1:${port}`,
        [
          { method: "GET", path: "/api/items", origin: APP_ORIGIN },
          {
            method: "PUT",
            path: "/api/items/1",
            origin: APP_ORIGIN,
            headers: [...json, ["Authorization", "Bearer t"]],
          },
        ],
      );
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });
});
