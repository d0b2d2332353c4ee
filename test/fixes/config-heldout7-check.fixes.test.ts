import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT7_AIOHTTP } from "./config-heldout7-aiohttp";
import { HELD_OUT7_APACHE } from "./config-heldout7-apache";
import { HELD_OUT7_CADDY } from "./config-heldout7-caddy";
import { HELD_OUT7_DJANGO } from "./config-heldout7-django";
import { HELD_OUT7_EXPRESS, HELD_OUT7_EXPRESS_CORRECT } from "./config-heldout7-express";
import { HELD_OUT7_FASTAPI, HELD_OUT7_FASTAPI_CORRECT } from "./config-heldout7-fastapi";
import { HELD_OUT7_FASTIFY } from "./config-heldout7-fastify";
import { HELD_OUT7_FLASK } from "./config-heldout7-flask";
import { HELD_OUT7_HONO, HELD_OUT7_HONO_CORRECT } from "./config-heldout7-hono";
import { HELD_OUT7_KOA } from "./config-heldout7-koa";
import { HELD_OUT7_NGINX } from "./config-heldout7-nginx";
import { HELD_OUT7_RACK } from "./config-heldout7-rack";
import { HELD_OUT7_S3 } from "./config-heldout7-s3";
import { freePort, startProcess } from "./harness";
import {
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
    nginx: HELD_OUT7_NGINX,
    apache: HELD_OUT7_APACHE,
    caddy: HELD_OUT7_CADDY,
    express: HELD_OUT7_EXPRESS,
    fastify: HELD_OUT7_FASTIFY,
    koa: HELD_OUT7_KOA,
    hono: HELD_OUT7_HONO,
    fastapi: HELD_OUT7_FASTAPI,
    flask: HELD_OUT7_FLASK,
    aiohttp: HELD_OUT7_AIOHTTP,
    django: HELD_OUT7_DJANGO,
    rack: HELD_OUT7_RACK,
    s3: HELD_OUT7_S3,
  });
}

const UPSTREAM = "the second Allow-Origin is the backend's, in its answer, not in the file";
const APP_ROUTES = "relative to the proxied application's routes (which methods it takes), not in the file";
/**
 * Issue #23's seventh never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 7 case (config-heldout7-*.ts, written blind to the readers), each file filled as its
 * suite fills it, its root cause's line named or not asserted against KNOWN_STATIC_MISSES both ways
 * (the first run, the measure, is in HELDOUT7.md: 14/34; this list is of the head that fixed its
 * cases: 16/34). And the set's three correct configurations (Express, Hono, FastAPI — stacks other
 * than set 6's), served for real: the page's calls pass, `check` reports no error, `fix` prints nothing.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout7 nginx: nginx adds Allow-Origin over the backend's own, two values sent": UPSTREAM,
  "heldout7 Apache: Apache answers the preflight 204, its Allow-Methods lacks DELETE": APP_ROUTES,
  "heldout7 Caddy: Allow-Headers lacks the Authorization the front end sends": PAGE_RELATIVE,
  "heldout7 Express: cors() with its defaults, the credentialed calls refuse the wildcard": PAGE_RELATIVE,
  "heldout7 Express: origin list split on ',' keeps a leading space, the second front end refused":
    "the list is read by an origin callback (indexOf), not given as the origin option: named at the callback",
  "heldout7 Fastify: @fastify/cors registered in a sibling plugin's scope, the items routes get none":
    PAGE_RELATIVE,
  "heldout7 FastAPI: the front end's origin in allow_origins ends with a slash": OTHER_LINE,
  "heldout7 Flask: the /api/* resource's origins names the production site only": PAGE_RELATIVE,
  "heldout7 Flask: CORS resources keyed on one path, the /api/ routes the page calls get none": PAGE_RELATIVE,
  "heldout7 aiohttp: ResourceOptions without allow_headers, the JSON POST's preflight refused": PAGE_RELATIVE,
  "heldout7 Django: CORS_ALLOW_ALL_ORIGINS without CORS_ALLOW_CREDENTIALS, the cookie call refused":
    PAGE_RELATIVE,
  "heldout7 Django: CORS_ALLOW_HEADERS overridden without x-api-key, the PUT refused": PAGE_RELATIVE,
  "heldout7 S3: the only rule's AllowedOrigin names another site (XML)": PAGE_RELATIVE,
  "heldout7 S3: AllowedMethods GET only, the presigned upload's PUT refused (JSON)": PAGE_RELATIVE,
};
const { scratch, correct } = heldoutCheck(7, entries(), KNOWN_STATIC_MISSES);

describe("heldout7: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  for (const [label, name, text] of [
    ["Express", "server.js", HELD_OUT7_EXPRESS_CORRECT],
    ["Hono", "server.mjs", HELD_OUT7_HONO_CORRECT],
  ] as const)
    it(`heldout7 correct: ${label} CORS first, an allowlist over two front ends, credentials`, async () => {
      const dir = join(scratch, label.toLowerCase());
      mkdirSync(dir, { recursive: true });
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      const path = join(dir, name);
      const filled = fillJs(text);
      writeFileSync(path, filled);
      const port = await freePort();
      await correct(
        label,
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

  it("heldout7 correct: FastAPI CORSMiddleware over two front ends with credentials", async () => {
    const dir = join(scratch, "fastapi");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "app.py");
    const text = fillPy(HELD_OUT7_FASTAPI_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "FastAPI",
      path,
      text,
      () =>
        startProcess(
          "/usr/bin/python3",
          ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", String(port)],
          port,
          { cwd: dir, env: { PORT: String(port), PYTHONDONTWRITEBYTECODE: "1" } },
        ),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });
});
