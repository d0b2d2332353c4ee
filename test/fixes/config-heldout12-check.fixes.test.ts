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
import { CORRECT_CALLS, type Entry, fillJs, fillPy, heldoutCheck, heldoutEntries } from "./heldout-check";

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
 * measure, in HELDOUT12.md): recorded, not asserted (`known` is null).
 * And the set's three correct configurations (Express, Fastify, Flask — the cors package with an origin
 * array, @fastify/cors with an allowlist, flask-cors on /api/* with an allowlist and credentials),
 * served for real: the page's calls pass, `check` reports no error, `fix` prints nothing.
 */
const { scratch, correct, correctPython } = heldoutCheck(12, entries(), null);

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
