import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { mainConf, startApache } from "./config-apache-real";
import { HELD_OUT9_AIOHTTP, HELD_OUT9_AIOHTTP_CORRECT } from "./config-heldout9-aiohttp";
import { HELD_OUT9_APACHE, HELD_OUT9_APACHE_CORRECT } from "./config-heldout9-apache";
import { HELD_OUT9_CADDY } from "./config-heldout9-caddy";
import { HELD_OUT9_DJANGO } from "./config-heldout9-django";
import { HELD_OUT9_EXPRESS } from "./config-heldout9-express";
import { HELD_OUT9_FASTAPI } from "./config-heldout9-fastapi";
import { HELD_OUT9_FASTIFY } from "./config-heldout9-fastify";
import { HELD_OUT9_FLASK } from "./config-heldout9-flask";
import { HELD_OUT9_HONO } from "./config-heldout9-hono";
import { HELD_OUT9_KOA } from "./config-heldout9-koa";
import { HELD_OUT9_NGINX } from "./config-heldout9-nginx";
import { HELD_OUT9_RACK, HELD_OUT9_RACK_CORRECT } from "./config-heldout9-rack";
import { HELD_OUT9_S3 } from "./config-heldout9-s3";
import { startApp } from "./config-real";
import { freePort, startProcess } from "./harness";
import {
  ADMIN,
  APP_ORIGIN,
  CORRECT_CALLS,
  type Entry,
  fillPy,
  heldoutCheck,
  heldoutEntries,
  OTHER_LINE,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT9_NGINX,
    apache: HELD_OUT9_APACHE,
    caddy: HELD_OUT9_CADDY,
    express: HELD_OUT9_EXPRESS,
    fastify: HELD_OUT9_FASTIFY,
    koa: HELD_OUT9_KOA,
    hono: HELD_OUT9_HONO,
    fastapi: HELD_OUT9_FASTAPI,
    flask: HELD_OUT9_FLASK,
    aiohttp: HELD_OUT9_AIOHTTP,
    django: HELD_OUT9_DJANGO,
    rack: HELD_OUT9_RACK,
    s3: HELD_OUT9_S3,
  });
}

/**
 * Issue #23's ninth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 9 case (config-heldout9-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. This is the set's first run (the
 * measure, in HELDOUT9.md), asserted since against KNOWN_STATIC_MISSES both ways. And the set's three correct configurations (Apache,
 * aiohttp, rack-cors — stacks other than set 6's, set 7's and set 8's), served for real: the page's
 * calls pass, `check` reports no error, `fix` prints nothing.
 */
const APP_ROUTES = "relative to the routes of the file the list leaves out (PUT): not checked for this stack";
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 9's cases
 * (16/34; the first run, the measure, named 13 — see HELDOUT9.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout9 nginx: the preflight is proxied to an application that answers OPTIONS 405": OTHER_LINE,
  "heldout9 nginx: the OPTIONS block's Allow-Headers lacks Authorization, the JWT call refused":
    PAGE_RELATIVE,
  "heldout9 Fastify: @fastify/cors registered in one encapsulated plugin, the sibling's routes get none":
    PAGE_RELATIVE,
  "heldout9 FastAPI: allow_headers without X-API-Key, the keyed PUT's preflight refused (400)": PAGE_RELATIVE,
  "heldout9 Django: CORS_ALLOW_HEADERS replaces the defaults without content-type, the JSON POST refused":
    PAGE_RELATIVE,
  "heldout9 Django: a hand-written middleware's Allow-Headers lacks x-api-key, the keyed PUT refused":
    PAGE_RELATIVE,
  "heldout9 rack-cors: the resource's methods leave out PUT, the PUT's preflight refused": APP_ROUTES,
  "heldout9 S3: the rule allows GET and HEAD only, the presigned PUT refused (XML)": PAGE_RELATIVE,
};
const { scratch, correct, correctPython } = heldoutCheck(9, entries(), KNOWN_STATIC_MISSES);

describe("heldout9: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout9 correct: Apache answers the preflight for two front ends (SetEnvIf allowlist), credentials", async () => {
    const dir = join(scratch, "apache");
    mkdirSync(dir, { recursive: true });
    const app = await startApp({});
    try {
      const port = await freePort();
      const path = join(dir, "site.conf");
      // The origins sit inside a regular expression: written with their dots escaped.
      const filled = HELD_OUT9_APACHE_CORRECT.replaceAll("ORIGIN2", ADMIN.replaceAll(".", "\\."))
        .replaceAll("ORIGIN", APP_ORIGIN.replaceAll(".", "\\."))
        .replaceAll("PORT", String(port))
        .replaceAll("APP", String(app.port));
      writeFileSync(path, filled);
      const conf = join(dir, "httpd.conf");
      writeFileSync(conf, mainConf(dir, port, path));
      await correct("Apache", path, filled, () => startApache(conf, port), `http://127.0.0.1:${port}`, calls);
    } finally {
      await new Promise<void>((r) => app.server.close(() => r()));
    }
  });

  it("heldout9 correct: aiohttp-cors over two front ends with credentials, every route added", async () => {
    await correctPython("aiohttp", "aiohttp", fillPy(HELD_OUT9_AIOHTTP_CORRECT), calls);
  });

  it("heldout9 correct: rack-cors for two front ends with credentials, the page's headers and methods", async () => {
    const dir = join(scratch, "rack");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "config.ru");
    const text = fillPy(HELD_OUT9_RACK_CORRECT);
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
