import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT18_AIOHTTP, HELD_OUT18_AIOHTTP_CORRECT } from "./config-heldout18-aiohttp";
import { HELD_OUT18_APACHE } from "./config-heldout18-apache";
import { HELD_OUT18_CADDY } from "./config-heldout18-caddy";
import { HELD_OUT18_DJANGO } from "./config-heldout18-django";
import { HELD_OUT18_EXPRESS } from "./config-heldout18-express";
import { HELD_OUT18_FASTAPI, HELD_OUT18_FASTAPI_CORRECT } from "./config-heldout18-fastapi";
import { HELD_OUT18_FASTIFY } from "./config-heldout18-fastify";
import { HELD_OUT18_FLASK } from "./config-heldout18-flask";
import { HELD_OUT18_HONO, HELD_OUT18_HONO_CORRECT } from "./config-heldout18-hono";
import { HELD_OUT18_KOA } from "./config-heldout18-koa";
import { HELD_OUT18_NGINX } from "./config-heldout18-nginx";
import { HELD_OUT18_RACK } from "./config-heldout18-rack";
import { HELD_OUT18_S3 } from "./config-heldout18-s3";
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
    nginx: HELD_OUT18_NGINX,
    apache: HELD_OUT18_APACHE,
    caddy: HELD_OUT18_CADDY,
    express: HELD_OUT18_EXPRESS,
    fastify: HELD_OUT18_FASTIFY,
    koa: HELD_OUT18_KOA,
    hono: HELD_OUT18_HONO,
    fastapi: HELD_OUT18_FASTAPI,
    flask: HELD_OUT18_FLASK,
    aiohttp: HELD_OUT18_AIOHTTP,
    django: HELD_OUT18_DJANGO,
    rack: HELD_OUT18_RACK,
    s3: HELD_OUT18_S3,
  });
}

/**
 * Issue #23's eighteenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 18 case (config-heldout18-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. The first run (the measure, in
 * HELDOUT18.md) named 7 of 25; asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (Hono, FastAPI, aiohttp — stacks other than sets 15–17's
 * correct ones — hono/cors with an origin function over a set of the two front ends, CORSMiddleware in
 * FastAPI's `middleware` list, aiohttp-cors with each route added with its own options), served for real:
 * the page's calls pass, `check` reports no error, `fix` prints nothing.
 */
const PAGE = PAGE_RELATIVE;
/**
 * The root causes `check` does not name from the file alone: 12/25 since `no-cors` names the routes
 * that answer without CORS as `also` (11/25 at the head that fixed set 18's cases; the first run, the
 * measure, named 7 — see HELDOUT18.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout18 nginx: the REST API location sends no CORS header, the partner subdomain's reads refused": PAGE,
  "heldout18 Apache: the /media fonts are served with no Allow-Origin, the other host's page refused": PAGE,
  "heldout18 Apache: the FilesMatch gives Allow-Origin to ttf, otf and eot only, the woff2 font refused":
    PAGE,
  "heldout18 Caddy: Caddy adds Allow-Origin to the proxied database that already sends its own, two values refused":
    "the second Allow-Origin is the upstream's own (not in the file): the proxy (13) is named, the case marks Caddy's header line (9)",
  "heldout18 Express: the mock server's default cors() answers *, the front end's credentialed calls refused":
    PAGE,
  "heldout18 Express: the site's CORS middleware never sends Allow-Credentials, the front end's session calls refused":
    PAGE,
  "heldout18 Hono: the origin function's pattern list misses the canary previews, which get the main site's origin":
    PAGE,
  "heldout18 Flask: the crossdomain decorator's header is lost when the argument parser aborts 400, the error unreadable":
    "named at the view (57); the case marks the decorator's definition (10)",
  "heldout18 aiohttp: the allowed CORS headers leave out Authorization, the bearer-token call refused at the preflight":
    PAGE,
  "heldout18 Django: CORS_ALLOW_HEADERS left at the defaults, the X-API-Key call refused at the preflight":
    PAGE,
  "heldout18 Django: the boilerplate allows no credentials and no If-None-Match, the front end's session calls refused":
    PAGE,
  "heldout18 rack-cors: origins '*' for the event API, the front end's credentialed calls refused": PAGE,
  "heldout18 S3: AllowedHeaders lists the signing headers only, the upload's x-amz-meta-name refused (JSON)":
    PAGE,
};
const { scratch, correct, correctPython } = heldoutCheck(18, entries(), KNOWN_STATIC_MISSES);

describe("heldout18: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout18 correct: Hono with hono/cors on /api/*, an origin function over a set of two front ends, credentials", async () => {
    const dir = join(scratch, "hono");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.mjs");
    const text = fillJs(HELD_OUT18_HONO_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "Hono",
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

  it("heldout18 correct: FastAPI with CORSMiddleware in FastAPI's middleware list, two front ends, credentials", async () => {
    await correctPython("FastAPI", "fastapi", fillPy(HELD_OUT18_FASTAPI_CORRECT), calls);
  });

  it("heldout18 correct: aiohttp with aiohttp-cors, each route added with its own options for two front ends, credentials", async () => {
    await correctPython("aiohttp", "aiohttp", fillPy(HELD_OUT18_AIOHTTP_CORRECT), calls);
  });
});
