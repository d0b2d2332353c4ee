import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT17_AIOHTTP } from "./config-heldout17-aiohttp";
import { HELD_OUT17_APACHE } from "./config-heldout17-apache";
import { HELD_OUT17_CADDY } from "./config-heldout17-caddy";
import { HELD_OUT17_DJANGO } from "./config-heldout17-django";
import { HELD_OUT17_EXPRESS } from "./config-heldout17-express";
import { HELD_OUT17_FASTAPI } from "./config-heldout17-fastapi";
import { HELD_OUT17_FASTIFY } from "./config-heldout17-fastify";
import { HELD_OUT17_FLASK } from "./config-heldout17-flask";
import { HELD_OUT17_HONO } from "./config-heldout17-hono";
import { HELD_OUT17_KOA, HELD_OUT17_KOA_CORRECT } from "./config-heldout17-koa";
import { HELD_OUT17_NGINX, HELD_OUT17_NGINX_CORRECT } from "./config-heldout17-nginx";
import { HELD_OUT17_RACK, HELD_OUT17_RACK_CORRECT } from "./config-heldout17-rack";
import { HELD_OUT17_S3 } from "./config-heldout17-s3";
import { prepare, startApp, startNginx } from "./config-real";
import { freePort, startProcess } from "./harness";
import {
  CORRECT_CALLS,
  type Entry,
  fillCorrect,
  fillJs,
  fillPy,
  heldoutCheck,
  heldoutEntries,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT17_NGINX,
    apache: HELD_OUT17_APACHE,
    caddy: HELD_OUT17_CADDY,
    express: HELD_OUT17_EXPRESS,
    fastify: HELD_OUT17_FASTIFY,
    koa: HELD_OUT17_KOA,
    hono: HELD_OUT17_HONO,
    fastapi: HELD_OUT17_FASTAPI,
    flask: HELD_OUT17_FLASK,
    aiohttp: HELD_OUT17_AIOHTTP,
    django: HELD_OUT17_DJANGO,
    rack: HELD_OUT17_RACK,
    s3: HELD_OUT17_S3,
  });
}

/**
 * Issue #23's seventeenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 17 case (config-heldout17-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. The first run (the measure, in
 * HELDOUT17.md) named 9 of 30; asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (nginx, Koa, rack-cors — nginx answering the preflight of
 * both front ends itself before its proxy, @koa/cors with an origin function over a list of two front
 * ends, Rack::Cors first with both front ends on /api/*), served for real: the page's calls pass, `check`
 * reports no error, `fix` prints nothing.
 */
const PAGE = PAGE_RELATIVE;
const NOT_READ =
  "the part of the app that decides is not read (fix says so and writes nothing): nothing to name";
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 17's cases
 * (16/30; the first run, the measure, named 9 — see HELDOUT17.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout17 nginx: the origin map lists localhost, 127.0.0.1 and [::1] only, the deployed client refused":
    PAGE,
  "heldout17 Apache: the vhost sets Allow-Origin to the site while the tile server sends its own *, two values refused":
    "the second Allow-Origin is the application's own (not in the file): the proxy (9) is named, the case marks the vhost's Header line (5)",
  "heldout17 Apache: the tile server's site sends no CORS header, the other site's map refused": PAGE,
  "heldout17 Caddy: the gateway's default Allow-Headers list leaves out x-forwarded-host, supabase-js's user call refused at the preflight":
    PAGE,
  "heldout17 Express: the hand CORS middleware sends no Allow-Methods, the plugin update and comment removal refused at the preflight":
    PAGE,
  "heldout17 Fastify: @fastify/cors registered with no options, the admin front end's credentialed calls refused":
    PAGE,
  "heldout17 Koa: the CORS middleware's headers are dropped when the token check throws, the expired-token 422 unreadable":
    "named five lines below (koa-hand-headers-lost-on-throw on the factory's ctx.set, 10, naming the throw), where the case marks the factory (5)",
  "heldout17 Hono: the allowed origins default to the app's own port 1871, the web front end's dev server refused":
    PAGE,
  "heldout17 FastAPI: the allowed origins hardcode localhost:3000 and 5173, the front end from another address refused":
    PAGE,
  "heldout17 aiohttp: ComfyUI without --enable-cors-header uses its origin-only middleware, the extension's calls answered 403":
    NOT_READ,
  "heldout17 Django: the origin regex whitelist writes the local front end without its scheme, the developer's front end refused":
    "named two lines below (django-regex-no-scheme on the regex, 35), where the case marks the setting (33)",
  "heldout17 Django: CORS_ALLOW_CREDENTIALS read from the environment defaults to False, the front end's login cookie calls refused":
    PAGE,
  "heldout17 Django: CORS_ALLOW_HEADERS left at the defaults, OSIM's Bugzilla-Api-Key update refused at the preflight":
    PAGE,
  "heldout17 S3: the migrated rule allows the bare domain only, the www site's organogram reads refused (XML)":
    PAGE,
};
const { scratch, correct } = heldoutCheck(17, entries(), KNOWN_STATIC_MISSES);

describe("heldout17: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout17 correct: nginx answering the preflight of both front ends itself (an origin map) before the proxy, credentials on every answer", async () => {
    const dir = join(scratch, "nginx");
    prepare(dir);
    const path = join(dir, "site.conf");
    const app = await startApp({});
    const port = await freePort();
    const text = fillCorrect(HELD_OUT17_NGINX_CORRECT, port, app.port);
    writeFileSync(path, text);
    try {
      await correct("nginx", path, text, () => startNginx(dir, port), `http://127.0.0.1:${port}`, calls);
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout17 correct: Koa with @koa/cors first, an origin function over two front ends, credentials", async () => {
    const dir = join(scratch, "koa");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT17_KOA_CORRECT);
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

  it("heldout17 correct: rack-cors with Rack::Cors first, both front ends on /api/*, credentials, the page's methods and headers", async () => {
    const dir = join(scratch, "rack");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "config.ru");
    const text = fillPy(HELD_OUT17_RACK_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "rack-cors",
      path,
      text,
      () =>
        startProcess("/usr/bin/puma", ["-b", `tcp://127.0.0.1:${port}`, "-t", "1:2", "config.ru"], port, {
          cwd: dir,
        }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });
});
