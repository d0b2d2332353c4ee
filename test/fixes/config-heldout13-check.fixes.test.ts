import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT13_AIOHTTP, HELD_OUT13_AIOHTTP_CORRECT } from "./config-heldout13-aiohttp";
import { HELD_OUT13_APACHE } from "./config-heldout13-apache";
import { HELD_OUT13_CADDY } from "./config-heldout13-caddy";
import { HELD_OUT13_DJANGO } from "./config-heldout13-django";
import { HELD_OUT13_EXPRESS } from "./config-heldout13-express";
import { HELD_OUT13_FASTAPI, HELD_OUT13_FASTAPI_CORRECT } from "./config-heldout13-fastapi";
import { HELD_OUT13_FASTIFY } from "./config-heldout13-fastify";
import { HELD_OUT13_FLASK } from "./config-heldout13-flask";
import { HELD_OUT13_HONO } from "./config-heldout13-hono";
import { HELD_OUT13_KOA, HELD_OUT13_KOA_CORRECT } from "./config-heldout13-koa";
import { HELD_OUT13_NGINX } from "./config-heldout13-nginx";
import { HELD_OUT13_RACK } from "./config-heldout13-rack";
import { HELD_OUT13_S3 } from "./config-heldout13-s3";
import { freePort, startProcess } from "./harness";
import {
  CORRECT_CALLS,
  type Entry,
  fillJs,
  fillPy,
  heldoutCheck,
  heldoutEntries,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT13_NGINX,
    apache: HELD_OUT13_APACHE,
    caddy: HELD_OUT13_CADDY,
    express: HELD_OUT13_EXPRESS,
    fastify: HELD_OUT13_FASTIFY,
    koa: HELD_OUT13_KOA,
    hono: HELD_OUT13_HONO,
    fastapi: HELD_OUT13_FASTAPI,
    flask: HELD_OUT13_FLASK,
    aiohttp: HELD_OUT13_AIOHTTP,
    django: HELD_OUT13_DJANGO,
    rack: HELD_OUT13_RACK,
    s3: HELD_OUT13_S3,
  });
}

/**
 * Issue #23's thirteenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 13 case (config-heldout13-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. This is the set's first run (the
 * measure, in HELDOUT13.md), asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (Koa, aiohttp, FastAPI — @koa/cors with an origin function
 * over an allowlist, aiohttp-cors with both front ends and every route added, CORSMiddleware with both
 * front ends), served for real: the page's calls pass, `check` reports no error, `fix` prints nothing.
 */
/**
 * The root causes `check` does not name from the file alone (14/28 when set 13 was measured; 26/28
 * since h-check13): both relative to the page — nothing in site.conf says the API takes Authorization,
 * and the bucket rule's origin is one the page's scheme alone shows wrong.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout13 nginx: the enable-cors recipe's Allow-Headers list leaves out Authorization, the token call refused":
    PAGE_RELATIVE,
  "heldout13 S3: the site's font rule names its origin with the other scheme, the GETs refused (XML)":
    PAGE_RELATIVE,
};
const { scratch, correct, correctPython } = heldoutCheck(13, entries(), KNOWN_STATIC_MISSES);

describe("heldout13: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout13 correct: Koa with @koa/cors, an origin function over two front ends, credentials", async () => {
    const dir = join(scratch, "koa");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT13_KOA_CORRECT);
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

  it("heldout13 correct: aiohttp with aiohttp-cors, two front ends, credentials, every route added", async () => {
    await correctPython("aiohttp", "aiohttp", fillPy(HELD_OUT13_AIOHTTP_CORRECT), calls);
  });

  it("heldout13 correct: FastAPI with CORSMiddleware, two front ends, credentials", async () => {
    await correctPython("FastAPI", "fastapi", fillPy(HELD_OUT13_FASTAPI_CORRECT), calls);
  });
});
