import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { mainConf, startApache } from "./config-apache-real";
import { AUTH, RUN, URLS } from "./config-django-cases";
import { HELD_OUT16_AIOHTTP } from "./config-heldout16-aiohttp";
import { HELD_OUT16_APACHE, HELD_OUT16_APACHE_CORRECT } from "./config-heldout16-apache";
import { HELD_OUT16_CADDY } from "./config-heldout16-caddy";
import { HELD_OUT16_DJANGO, HELD_OUT16_DJANGO_CORRECT } from "./config-heldout16-django";
import { HELD_OUT16_EXPRESS } from "./config-heldout16-express";
import { HELD_OUT16_FASTAPI } from "./config-heldout16-fastapi";
import { HELD_OUT16_FASTIFY, HELD_OUT16_FASTIFY_CORRECT } from "./config-heldout16-fastify";
import { HELD_OUT16_FLASK } from "./config-heldout16-flask";
import { HELD_OUT16_HONO } from "./config-heldout16-hono";
import { HELD_OUT16_KOA } from "./config-heldout16-koa";
import { HELD_OUT16_NGINX } from "./config-heldout16-nginx";
import { HELD_OUT16_RACK } from "./config-heldout16-rack";
import { HELD_OUT16_S3 } from "./config-heldout16-s3";
import { startApp } from "./config-real";
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
    nginx: HELD_OUT16_NGINX,
    apache: HELD_OUT16_APACHE,
    caddy: HELD_OUT16_CADDY,
    express: HELD_OUT16_EXPRESS,
    fastify: HELD_OUT16_FASTIFY,
    koa: HELD_OUT16_KOA,
    hono: HELD_OUT16_HONO,
    fastapi: HELD_OUT16_FASTAPI,
    flask: HELD_OUT16_FLASK,
    aiohttp: HELD_OUT16_AIOHTTP,
    django: HELD_OUT16_DJANGO,
    rack: HELD_OUT16_RACK,
    s3: HELD_OUT16_S3,
  });
}

/**
 * Issue #23's sixteenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 16 case (config-heldout16-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. The first run (the measure, in
 * HELDOUT16.md) named 8 of 29; asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (Apache, Fastify, Django — Apache answering the preflight
 * of both front ends itself before its proxy, @fastify/cors with an origin list ahead of the API
 * plugin, django-cors-headers with both front ends on /api/), served for real: the page's calls pass,
 * `check` reports no error, `fix` prints nothing.
 */
const PAGE = PAGE_RELATIVE;
const NOT_READ =
  "the part of the app that decides is not read (fix says so and writes nothing): nothing to name";
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 16's cases
 * (14/29; the first run, the measure, named 8 — see HELDOUT16.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout16 Apache: the font FilesMatch lists eot, svg, ttf and woff only, the woff2 font refused": PAGE,
  "heldout16 Express: express.static serves the fonts without CORS, the other host's font request refused":
    PAGE,
  "heldout16 Fastify: allowedHeaders lists Content-Type and Authorization only, the web app's X-Requested-With call refused":
    PAGE,
  "heldout16 Koa: the framework's default cors() answers '*' without credentials, the React app's cookie calls refused":
    PAGE,
  "heldout16 Hono: the origin list keeps the Electron and server ports only, the Vite dev client refused":
    PAGE,
  "heldout16 FastAPI: the auth proxy forwards the preflight to the upstream API, whose CORS settings refuse Authorization (400)":
    NOT_READ,
  "heldout16 FastAPI: the allowed origins hardcode localhost:5173, the front end on another local port refused":
    PAGE,
  "heldout16 Flask: the after_request CORS hook sends no Allow-Headers, the custom-header call refused at the preflight":
    PAGE,
  "heldout16 aiohttp: exception_middleware re-raises the 404 for an unknown path, aiohttp sends it without CORS":
    NOT_READ,
  "heldout16 Django: CORS_ALLOW_HEADERS leaves out sentry-trace, the traced SDK call refused at the preflight":
    PAGE,
  "heldout16 Django: the origin whitelist read from the environment leaves out the front end's dev server, its cookie calls refused":
    PAGE,
  "heldout16 Django: CORS_URLS_REGEX covers the first API prefix only, the new version's endpoint gets no CORS":
    PAGE,
  "heldout16 rack-cors: the resource allows get and post only, the event update and removal refused at the preflight":
    PAGE,
  "heldout16 S3: the rule allows GET, HEAD and PUT, the SDK's multipart upload (POST ?uploads) refused at the preflight (JSON)":
    PAGE,
  "heldout16 S3: the rule allows origin *, the page's credentialed reads refused (XML)": PAGE,
};
const { scratch, correct } = heldoutCheck(16, entries(), KNOWN_STATIC_MISSES);

describe("heldout16: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout16 correct: Apache answering the preflight of both front ends itself before the proxy, credentials on every answer", async () => {
    const dir = join(scratch, "apache");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "site.conf");
    const app = await startApp({});
    const port = await freePort();
    const text = fillCorrect(HELD_OUT16_APACHE_CORRECT, port, app.port);
    writeFileSync(path, text);
    const conf = join(dir, "httpd.conf");
    writeFileSync(conf, mainConf(dir, port, path));
    try {
      await correct("Apache", path, text, () => startApache(conf, port), `http://127.0.0.1:${port}`, calls);
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout16 correct: Fastify with @fastify/cors ahead of the API plugin, an origin list of two front ends, credentials", async () => {
    const dir = join(scratch, "fastify");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT16_FASTIFY_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "Fastify",
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

  it("heldout16 correct: Django with django-cors-headers for both front ends on /api/, credentials, the default methods and headers", async () => {
    const dir = join(scratch, "django");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "settings.py");
    const text = fillPy(HELD_OUT16_DJANGO_CORRECT);
    writeFileSync(path, text);
    writeFileSync(join(dir, "urls.py"), URLS);
    writeFileSync(join(dir, "auth.py"), AUTH);
    const run = join(dir, "run.py");
    writeFileSync(run, RUN);
    const port = await freePort();
    await correct(
      "Django",
      path,
      text,
      () =>
        startProcess("/usr/bin/python3", [run], port, {
          cwd: dir,
          env: { PORT: String(port), PYTHONDONTWRITEBYTECODE: "1" },
        }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });
});
