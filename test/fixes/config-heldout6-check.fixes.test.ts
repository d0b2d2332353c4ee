import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT6_AIOHTTP } from "./config-heldout6-aiohttp";
import { HELD_OUT6_APACHE } from "./config-heldout6-apache";
import { HELD_OUT6_CADDY } from "./config-heldout6-caddy";
import { HELD_OUT6_DJANGO } from "./config-heldout6-django";
import { HELD_OUT6_EXPRESS } from "./config-heldout6-express";
import { HELD_OUT6_FASTAPI } from "./config-heldout6-fastapi";
import { HELD_OUT6_FASTIFY } from "./config-heldout6-fastify";
import { HELD_OUT6_FLASK, HELD_OUT6_FLASK_CORRECT } from "./config-heldout6-flask";
import { HELD_OUT6_HONO } from "./config-heldout6-hono";
import { HELD_OUT6_KOA, HELD_OUT6_KOA_CORRECT } from "./config-heldout6-koa";
import { HELD_OUT6_NGINX, HELD_OUT6_NGINX_CORRECT } from "./config-heldout6-nginx";
import { HELD_OUT6_RACK } from "./config-heldout6-rack";
import { HELD_OUT6_S3 } from "./config-heldout6-s3";
import { prepare, startApp, startNginx } from "./config-real";
import { freePort, startProcess } from "./harness";
import {
  CORRECT_CALLS,
  type Entry,
  fillCorrect,
  fillJs,
  heldoutCheck,
  heldoutEntries,
  OTHER_LINE,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT6_NGINX,
    apache: HELD_OUT6_APACHE,
    caddy: HELD_OUT6_CADDY,
    express: HELD_OUT6_EXPRESS,
    fastify: HELD_OUT6_FASTIFY,
    koa: HELD_OUT6_KOA,
    hono: HELD_OUT6_HONO,
    fastapi: HELD_OUT6_FASTAPI,
    flask: HELD_OUT6_FLASK,
    aiohttp: HELD_OUT6_AIOHTTP,
    django: HELD_OUT6_DJANGO,
    rack: HELD_OUT6_RACK,
    s3: HELD_OUT6_S3,
  });
}

const APP_ROUTES = "relative to the proxied application's routes (which methods it takes), not in the file";
/**
 * Issue #23's sixth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 6 case (config-heldout6-*.ts, written blind to the readers), each file filled as its
 * suite fills it, its root cause's line named or not asserted against KNOWN_STATIC_MISSES both ways
 * (the first run, the measure, is in HELDOUT6.md: 10/34; this list is of the head that fixed set 6's
 * cases: 19/34). And the set's three correct configurations (nginx, Flask, Koa), served for real: the
 * page's calls pass, `check` reports no error, `fix` prints nothing.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout6 nginx: the preflight answered by nginx, Allow-Headers lacks Authorization": PAGE_RELATIVE,
  "heldout6 nginx: map $http_origin lists the shop front ends, not the admin one": PAGE_RELATIVE,
  "heldout6 Apache: mirrored Origin, Allow-Methods GET, POST, OPTIONS only (PUT and DELETE refused)":
    APP_ROUTES,
  "heldout6 Caddy: Caddy answers the preflight, its Allow-Methods lacks PUT": APP_ROUTES,
  "heldout6 Express: allowedHeaders lacks the X-Request-Id the page sends": PAGE_RELATIVE,
  "heldout6 Hono: cors() in the POST route's definition, the preflight matches no route":
    "a POST is preflighted only for what the page sends (a JSON body, a custom header): the app does not read JSON",
  "heldout6 Flask: a before_request key check aborts the preflight with 401": OTHER_LINE,
  "heldout6 Flask: allow_headers='Content-Type' only, the X-Api-Key call refused": PAGE_RELATIVE,
  "heldout6 aiohttp: aiohttp_cors.setup() with defaults, no route ever given to cors.add()":
    "named at each route never given to cors.add(), not at setup()",
  "heldout6 Django: CORS_URLS_REGEX names /api/v1/, the API is under /api/":
    "relative to the URLs the page calls (urls.py is not passed)",
  "heldout6 Django: CORS_ALLOW_METHODS overridden without PATCH, the page's PATCH refused": PAGE_RELATIVE,
  "heldout6 rack-cors: origins names localhost:3001, the page runs on another port": PAGE_RELATIVE,
  "heldout6 S3: AllowedMethods GET and HEAD only, the presigned PUT's preflight refused (JSON)":
    PAGE_RELATIVE,
  "heldout6 S3: AllowedHeader content-type only, the SDK upload's x-amz-* headers refused (XML)":
    PAGE_RELATIVE,
};
const { scratch, correct, correctPython } = heldoutCheck(6, entries(), KNOWN_STATIC_MISSES);

describe("heldout6: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout6 correct: nginx map over two front ends, credentials, always, the preflight answered in the if block", async () => {
    const dir = join(scratch, "nginx");
    prepare(dir);
    const app = await startApp({});
    const port = await freePort();
    const site = join(dir, "site.conf");
    const text = fillCorrect(HELD_OUT6_NGINX_CORRECT, port, app.port);
    writeFileSync(site, text);
    try {
      await correct("nginx", site, text, () => startNginx(dir, port), `http://127.0.0.1:${port}`, calls);
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout6 correct: Flask flask-cors on /api/* with two front ends and credentials", async () => {
    await correctPython("Flask", "flask", fillJs(HELD_OUT6_FLASK_CORRECT), calls);
  });

  it("heldout6 correct: Koa @koa/cors before the router, an origin function over two front ends, credentials", async () => {
    const dir = join(scratch, "koa");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT6_KOA_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "Koa",
      path,
      text,
      () =>
        startProcess(process.execPath, [path], port, {
          env: { PORT: String(port), NODE_ENV: "production" },
        }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });
});
