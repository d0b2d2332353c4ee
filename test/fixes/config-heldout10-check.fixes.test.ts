import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import S3rver from "s3rver";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT10_AIOHTTP } from "./config-heldout10-aiohttp";
import { HELD_OUT10_APACHE } from "./config-heldout10-apache";
import { HELD_OUT10_CADDY } from "./config-heldout10-caddy";
import { HELD_OUT10_DJANGO } from "./config-heldout10-django";
import { HELD_OUT10_EXPRESS, HELD_OUT10_EXPRESS_CORRECT } from "./config-heldout10-express";
import { HELD_OUT10_FASTAPI } from "./config-heldout10-fastapi";
import { HELD_OUT10_FASTIFY } from "./config-heldout10-fastify";
import { HELD_OUT10_FLASK, HELD_OUT10_FLASK_CORRECT } from "./config-heldout10-flask";
import { HELD_OUT10_HONO } from "./config-heldout10-hono";
import { HELD_OUT10_KOA } from "./config-heldout10-koa";
import { HELD_OUT10_NGINX } from "./config-heldout10-nginx";
import { HELD_OUT10_RACK } from "./config-heldout10-rack";
import { HELD_OUT10_S3, HELD_OUT10_S3_CORRECT } from "./config-heldout10-s3";
import type { PageCall } from "./config-real";
import { presignedQuery } from "./config-s3-cases";
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
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT10_NGINX,
    apache: HELD_OUT10_APACHE,
    caddy: HELD_OUT10_CADDY,
    express: HELD_OUT10_EXPRESS,
    fastify: HELD_OUT10_FASTIFY,
    koa: HELD_OUT10_KOA,
    hono: HELD_OUT10_HONO,
    fastapi: HELD_OUT10_FASTAPI,
    flask: HELD_OUT10_FLASK,
    aiohttp: HELD_OUT10_AIOHTTP,
    django: HELD_OUT10_DJANGO,
    rack: HELD_OUT10_RACK,
    s3: HELD_OUT10_S3,
  });
}

/**
 * Issue #23's tenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 10 case (config-heldout10-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. This is the set's first run (the
 * measure, in HELDOUT10.md), asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (S3, Express, Flask — an S3 bucket file, an Express app
 * with its own CORS middleware and a Flask app with `@cross_origin` per view, shapes other than the
 * earlier sets' correct ones), served for real: the page's calls pass, `check` reports no error,
 * `fix` prints nothing.
 */
const APP_ROUTES =
  "relative to the routes of the file the list leaves out (PATCH): not checked for this stack";
/**
 * The root causes `check` does not name from the file alone: 29/34 since Allow-Credentials set to the
 * boolean `true` counts (28/34 at the head that fixed set 10's cases; the first run, the measure, named
 * 13 — see HELDOUT10.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout10 Koa: the app's CORS middleware lists X-Authentication-Token, not Authorization": PAGE_RELATIVE,
  "heldout10 FastAPI: an unhandled error's 500 is answered outside CORSMiddleware, no Allow-Origin":
    "the route's error is raised by code CORS Lens does not follow from the file alone",
  "heldout10 FastAPI: a hand-written CORS middleware's Allow-Methods lacks PATCH": APP_ROUTES,
  "heldout10 Django: CORS_ALLOW_CREDENTIALS left unset, the session-cookie call refused": PAGE_RELATIVE,
  "heldout10 S3: the bucket's rule allows GET only, the icon upload's PUT refused (JSON)": PAGE_RELATIVE,
};
const { scratch, correct, correctPython } = heldoutCheck(10, entries(), KNOWN_STATIC_MISSES);

describe("heldout10: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout10 correct: Express with its own CORS middleware, an allowlist over two front ends, credentials", async () => {
    const dir = join(scratch, "express");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const filled = fillJs(HELD_OUT10_EXPRESS_CORRECT);
    writeFileSync(path, filled);
    const port = await freePort();
    await correct(
      "Express",
      path,
      filled,
      () =>
        startProcess(process.execPath, [path], port, { env: { PORT: String(port), NODE_ENV: "production" } }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  });

  it("heldout10 correct: Flask with @cross_origin per view, two front ends, credentials where sent", async () => {
    await correctPython("Flask", "flask", fillPy(HELD_OUT10_FLASK_CORRECT), calls);
  });

  it("heldout10 correct: S3 bucket CORS (XML) for two front ends, the GET and the presigned PUT", async () => {
    const dir = join(scratch, "s3");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "cors.xml");
    const text = fillJs(HELD_OUT10_S3_CORRECT);
    writeFileSync(path, text);
    // The S3 calls (not CORRECT_CALLS: a bucket has no /api routes): a GET of a public object and the
    // presigned PUT of an upload, from the two front ends. s3rver answers a preflight's Allow-Origin
    // with '*', so no call here carries credentials.
    const s3calls: PageCall[] = [
      { method: "GET", path: "/photos/public/logo.txt", origin: APP_ORIGIN },
      {
        method: "PUT",
        path: `/photos/uploads/cat.jpg?${presignedQuery()}`,
        origin: ADMIN,
        headers: [["Content-Type", "image/jpeg"]],
      },
    ];
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await correct(
      "S3",
      path,
      text,
      async () => {
        const server = new S3rver({
          address: "127.0.0.1",
          port,
          silent: true,
          directory: join(dir, "store"),
          allowMismatchedSignatures: true,
          configureBuckets: [{ name: "photos", configs: [text] }],
        });
        await server.run();
        for (const key of ["public/logo.txt", "uploads/old.jpg"]) {
          const r = await fetch(`${base}/photos/${key}`, { method: "PUT", body: key });
          if (r.status !== 200) throw new Error(`seeding ${key}: ${r.status}`);
        }
        return { stop: () => server.close(), log: () => "" };
      },
      base,
      s3calls,
    );
  });
});
