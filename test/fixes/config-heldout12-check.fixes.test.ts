import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT12_AIOHTTP } from "./config-heldout12-aiohttp";
import { HELD_OUT12_APACHE } from "./config-heldout12-apache";
import { HELD_OUT12_CADDY } from "./config-heldout12-caddy";
import { HELD_OUT12_DJANGO } from "./config-heldout12-django";
import { HELD_OUT12_EXPRESS, HELD_OUT12_EXPRESS_CORRECT } from "./config-heldout12-express";
import { HELD_OUT12_FASTAPI } from "./config-heldout12-fastapi";
import { HELD_OUT12_FASTIFY, HELD_OUT12_FASTIFY_CORRECT } from "./config-heldout12-fastify";
import { HELD_OUT12_FLASK, HELD_OUT12_FLASK_CORRECT } from "./config-heldout12-flask";
import { HELD_OUT12_HONO } from "./config-heldout12-hono";
import { HELD_OUT12_KOA } from "./config-heldout12-koa";
import { HELD_OUT12_NGINX } from "./config-heldout12-nginx";
import { HELD_OUT12_RACK } from "./config-heldout12-rack";
import { HELD_OUT12_S3 } from "./config-heldout12-s3";
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
    nginx: HELD_OUT12_NGINX,
    apache: HELD_OUT12_APACHE,
    caddy: HELD_OUT12_CADDY,
    express: HELD_OUT12_EXPRESS,
    fastify: HELD_OUT12_FASTIFY,
    koa: HELD_OUT12_KOA,
    hono: HELD_OUT12_HONO,
    fastapi: HELD_OUT12_FASTAPI,
    flask: HELD_OUT12_FLASK,
    aiohttp: HELD_OUT12_AIOHTTP,
    django: HELD_OUT12_DJANGO,
    rack: HELD_OUT12_RACK,
    s3: HELD_OUT12_S3,
  });
}

/**
 * Issue #23's twelfth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 12 case (config-heldout12-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. This is the set's first run (the
 * measure, in HELDOUT12.md), asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (Express, Fastify, Flask — the cors package with an origin
 * array, @fastify/cors with an allowlist, flask-cors on /api/* with an allowlist and credentials),
 * served for real: the page's calls pass, `check` reports no error, `fix` prints nothing.
 */
const UPSTREAM = "the application behind the proxy sends its own copy: not in the file";
const PAGE = PAGE_RELATIVE;
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 12's cases
 * (24/34; the first run, the measure, named 19 — see HELDOUT12.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout12 nginx: Allow-Credentials added over the application's own, 'true, true' refused": UPSTREAM,
  "heldout12 nginx: the preflight answer's Allow-Methods has no PATCH (credentials)": PAGE,
  "heldout12 Express: the auth middleware's 401 is sent without the CORS headers the handlers set":
    "the 401 comes from a token check the file alone does not tell will fail: the recording does",
  "heldout12 Flask: CORS(blueprint) and a '/foo/' route, the preflight of POST /foo redirected": PAGE,
  "heldout12 Flask: CORS(app) answers known routes only, the preflight to a missing path gets 404": PAGE,
  "heldout12 Flask: the one allowed origin is mistyped (address and port), the front end never matched": PAGE,
  "heldout12 Django: CORS_ALLOWED_ORIGINS names the app as 127.0.0.1:3000, the page's origin is not listed":
    PAGE,
  "heldout12 Django: the client sends an Access-Control-Allow-Origin request header, not in the allowed headers":
    PAGE,
  "heldout12 Django: CORS_ALLOW_ALL_ORIGINS without credentials, the job site's cookie calls get '*'": PAGE,
  "heldout12 S3: the rule allows PUT, POST and DELETE but not GET, the object reads refused (JSON)": PAGE,
};
const { scratch, correct, correctPython } = heldoutCheck(12, entries(), KNOWN_STATIC_MISSES);

describe("heldout12: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  for (const [label, name, app] of [
    ["Express", "express", HELD_OUT12_EXPRESS_CORRECT],
    ["Fastify", "fastify", HELD_OUT12_FASTIFY_CORRECT],
  ] as const) {
    it(`heldout12 correct: ${label} with its CORS package, an allowlist over two front ends, credentials`, async () => {
      const dir = join(scratch, name);
      mkdirSync(dir, { recursive: true });
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      const path = join(dir, "server.js");
      const text = fillJs(app);
      writeFileSync(path, text);
      const port = await freePort();
      await correct(
        label,
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
  }

  it("heldout12 correct: Flask with flask-cors on /api/*, an allowlist over two front ends, credentials", async () => {
    await correctPython("Flask", "flask", fillPy(HELD_OUT12_FLASK_CORRECT), calls);
  });
});
