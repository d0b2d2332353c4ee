import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { AUTH, URLS } from "./config-django-cases";
import { HELD_OUT8_AIOHTTP } from "./config-heldout8-aiohttp";
import { HELD_OUT8_APACHE } from "./config-heldout8-apache";
import { HELD_OUT8_CADDY, HELD_OUT8_CADDY_CORRECT } from "./config-heldout8-caddy";
import { HELD_OUT8_DJANGO, HELD_OUT8_DJANGO_CORRECT } from "./config-heldout8-django";
import { HELD_OUT8_EXPRESS } from "./config-heldout8-express";
import { HELD_OUT8_FASTAPI } from "./config-heldout8-fastapi";
import { HELD_OUT8_FASTIFY, HELD_OUT8_FASTIFY_CORRECT } from "./config-heldout8-fastify";
import { HELD_OUT8_FLASK } from "./config-heldout8-flask";
import { HELD_OUT8_HONO } from "./config-heldout8-hono";
import { HELD_OUT8_KOA } from "./config-heldout8-koa";
import { HELD_OUT8_NGINX } from "./config-heldout8-nginx";
import { HELD_OUT8_RACK } from "./config-heldout8-rack";
import { HELD_OUT8_S3 } from "./config-heldout8-s3";
import { startApp } from "./config-real";
import { freePort, startProcess } from "./harness";
import {
  ADMIN,
  APP_ORIGIN,
  CORRECT_CALLS,
  type Entry,
  fillJs,
  fillPy,
  heldoutCheck,
  heldoutEntries,
  OTHER_LINE,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT8_NGINX,
    apache: HELD_OUT8_APACHE,
    caddy: HELD_OUT8_CADDY,
    express: HELD_OUT8_EXPRESS,
    fastify: HELD_OUT8_FASTIFY,
    koa: HELD_OUT8_KOA,
    hono: HELD_OUT8_HONO,
    fastapi: HELD_OUT8_FASTAPI,
    flask: HELD_OUT8_FLASK,
    aiohttp: HELD_OUT8_AIOHTTP,
    django: HELD_OUT8_DJANGO,
    rack: HELD_OUT8_RACK,
    s3: HELD_OUT8_S3,
  });
}

/**
 * Issue #23's eighth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 8 case (config-heldout8-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line, asserted against KNOWN_STATIC_MISSES
 * both ways (the first run, the measure, is in HELDOUT8.md). And the set's three correct configurations (Caddy,
 * Django, Fastify — stacks other than set 6's and set 7's), served for real: the page's calls pass,
 * `check` reports no error, `fix` prints nothing.
 */
const UPSTREAM = "the second Allow-Origin is the backend's, in its answer, not in the file";
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 8's cases
 * (26/34; the first run, the measure, named 11 — see HELDOUT8.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout8 Apache: Header always set Allow-Origin over the application's own, two values sent": UPSTREAM,
  "heldout8 Caddy: header Allow-Origin * added over the backend's own, two values sent": UPSTREAM,
  "heldout8 Koa: a credentials function trusting the production front end only, the cookie call refused":
    PAGE_RELATIVE,
  "heldout8 Flask: the route declared with a trailing slash, the preflight is redirected (308)":
    "relative to the URL the page calls (without the slash), not in the file",
  "heldout8 Django: CORS_URLS_REGEX names /api/v1/ only, the /api/ calls get no CORS":
    "relative to the URLs the page calls (urls.py is not given), not in the file",
  "heldout8 rack-cors: the resource does not allow credentials, the credentialed call refused": PAGE_RELATIVE,
  "heldout8 S3: the rule lists no AllowedHeader, the presigned PUT's Content-Type refused (XML)": OTHER_LINE,
};
const { scratch, correct } = heldoutCheck(8, entries(), KNOWN_STATIC_MISSES);

const ASGI = `import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

from django.core.asgi import get_asgi_application

application = get_asgi_application()
`;

describe("heldout8: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout8 correct: Caddy answers the preflight for two front ends, credentials", async () => {
    const dir = join(scratch, "caddy");
    mkdirSync(dir, { recursive: true });
    const app = await startApp({});
    try {
      const port = await freePort();
      const path = join(dir, "Caddyfile");
      // The Caddyfile's origins sit inside regular expressions: written with their dots escaped
      // (harness correction after the first run — the fill wrote them unescaped, which check rightly
      // names as origin-regex-dot).
      const filled = HELD_OUT8_CADDY_CORRECT.replaceAll("ORIGIN2", ADMIN.replaceAll(".", "\\."))
        .replaceAll("ORIGIN", APP_ORIGIN.replaceAll(".", "\\."))
        .replaceAll("PORT", String(port))
        .replaceAll("APP", String(app.port));
      writeFileSync(path, filled);
      await correct(
        "Caddy",
        path,
        filled,
        () =>
          startProcess("/usr/bin/caddy", ["run", "--config", path, "--adapter", "caddyfile"], port, {
            env: { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
          }),
        `http://127.0.0.1:${port}`,
        calls,
      );
    } finally {
      await new Promise<void>((r) => app.server.close(() => r()));
    }
  });

  it("heldout8 correct: Fastify @fastify/cors first, an allowlist over two front ends, credentials", async () => {
    const dir = join(scratch, "fastify");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const filled = fillJs(HELD_OUT8_FASTIFY_CORRECT);
    writeFileSync(path, filled);
    const port = await freePort();
    await correct(
      "Fastify",
      path,
      filled,
      () =>
        startProcess(process.execPath, [path], port, {
          env: { PORT: String(port), NODE_ENV: "production" },
        }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });

  it("heldout8 correct: Django CorsMiddleware first over two front ends with credentials", async () => {
    const dir = join(scratch, "django");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "settings.py");
    const text = fillPy(HELD_OUT8_DJANGO_CORRECT);
    writeFileSync(path, text);
    writeFileSync(join(dir, "urls.py"), URLS);
    writeFileSync(join(dir, "auth.py"), AUTH);
    writeFileSync(join(dir, "asgi.py"), ASGI);
    const port = await freePort();
    await correct(
      "Django",
      path,
      text,
      // Served by uvicorn through Django's ASGI handler (harness correction after the first run:
      // runserver's WSGIServer does not read the chunked request body Node's client sends, so the
      // PUT's answer could not be parsed).
      () =>
        startProcess(
          "/usr/bin/python3",
          ["-m", "uvicorn", "asgi:application", "--host", "127.0.0.1", "--port", String(port)],
          port,
          { cwd: dir, env: { PYTHONDONTWRITEBYTECODE: "1" } },
        ),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });
});
