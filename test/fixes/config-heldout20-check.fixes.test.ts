import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT20_AIOHTTP } from "./config-heldout20-aiohttp";
import { HELD_OUT20_APACHE } from "./config-heldout20-apache";
import { HELD_OUT20_CADDY } from "./config-heldout20-caddy";
import { HELD_OUT20_DJANGO } from "./config-heldout20-django";
import { HELD_OUT20_EXPRESS } from "./config-heldout20-express";
import { HELD_OUT20_FASTAPI, HELD_OUT20_FASTAPI_CORRECT } from "./config-heldout20-fastapi";
import { HELD_OUT20_FASTIFY } from "./config-heldout20-fastify";
import { HELD_OUT20_FLASK } from "./config-heldout20-flask";
import { HELD_OUT20_HONO } from "./config-heldout20-hono";
import { HELD_OUT20_KOA, HELD_OUT20_KOA_CORRECT } from "./config-heldout20-koa";
import { HELD_OUT20_NGINX, HELD_OUT20_NGINX_CORRECT } from "./config-heldout20-nginx";
import { HELD_OUT20_RACK } from "./config-heldout20-rack";
import { HELD_OUT20_S3 } from "./config-heldout20-s3";
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
    nginx: HELD_OUT20_NGINX,
    apache: HELD_OUT20_APACHE,
    caddy: HELD_OUT20_CADDY,
    express: HELD_OUT20_EXPRESS,
    fastify: HELD_OUT20_FASTIFY,
    koa: HELD_OUT20_KOA,
    hono: HELD_OUT20_HONO,
    fastapi: HELD_OUT20_FASTAPI,
    flask: HELD_OUT20_FLASK,
    aiohttp: HELD_OUT20_AIOHTTP,
    django: HELD_OUT20_DJANGO,
    rack: HELD_OUT20_RACK,
    s3: HELD_OUT20_S3,
  });
}

/**
 * Issue #23's twentieth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 20 case (config-heldout20-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. The first run (the measure, in
 * HELDOUT20.md) named 8 of 23; asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (nginx, FastAPI, Koa — stacks other than set 19's correct
 * ones — an nginx location that answers the preflight with an `if` holding only `return 204` and every
 * header `always` from a map of the two front ends, CORSMiddleware added once after an APIRouter at /api,
 * @koa/cors first with an origin function over two front ends and keepHeadersOnError), served for real:
 * the page's calls pass, `check` reports no error, `fix` prints nothing.
 */
const PAGE = PAGE_RELATIVE;
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 20's cases
 * (15/23; the first run, the measure, named 8 — see HELDOUT20.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout20 Caddy: the Allow-Methods header has no PATCH, the admin's user update refused at the preflight":
    PAGE,
  "heldout20 Hono: the v1 CORS allowHeaders has no X-Request-Id, every traced browser call refused at the preflight":
    PAGE,
  "heldout20 FastAPI: cors_origins holds only the front end's usual port, the fallback port's calls refused":
    PAGE,
  "heldout20 Flask: flask-cors allows localhost:3000 only, the UI on its own port refused": PAGE,
  "heldout20 Django: CORS is open to every origin without credentials, the code manager's logout refused":
    "every origin without credentials is right for pages that send none: only the page's credentialed call (the HAR) shows it",
  "heldout20 Django: CORS allows every origin with the default headers only, the front end's API-KEY calls refused":
    PAGE,
  "heldout20 S3: the rule allows GET only, the player's HEAD of the stream refused (XML)": PAGE,
  "heldout20 S3: the staging bucket's rule has no GET, the console's archive download refused (JSON)": PAGE,
};

const { scratch, correct, correctPython } = heldoutCheck(20, entries(), KNOWN_STATIC_MISSES);

describe("heldout20: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout20 correct: nginx answering the preflight with an if holding only return 204, every header always from an origin map", async () => {
    const dir = join(scratch, "nginx");
    prepare(dir);
    const path = join(dir, "site.conf");
    const app = await startApp({});
    const port = await freePort();
    const text = fillCorrect(HELD_OUT20_NGINX_CORRECT, port, app.port);
    writeFileSync(path, text);
    try {
      await correct("nginx", path, text, () => startNginx(dir, port), `http://127.0.0.1:${port}`, calls);
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout20 correct: FastAPI with CORSMiddleware added once after an APIRouter at /api, two front ends, credentials", async () => {
    await correctPython("FastAPI", "fastapi", fillPy(HELD_OUT20_FASTAPI_CORRECT), calls);
  });

  it("heldout20 correct: Koa with @koa/cors first, an origin function over two front ends, credentials, keepHeadersOnError", async () => {
    const dir = join(scratch, "koa");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT20_KOA_CORRECT);
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
