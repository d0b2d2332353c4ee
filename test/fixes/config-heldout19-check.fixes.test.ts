import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT19_AIOHTTP } from "./config-heldout19-aiohttp";
import { HELD_OUT19_APACHE } from "./config-heldout19-apache";
import { HELD_OUT19_CADDY, HELD_OUT19_CADDY_CORRECT } from "./config-heldout19-caddy";
import { HELD_OUT19_DJANGO } from "./config-heldout19-django";
import { HELD_OUT19_EXPRESS, HELD_OUT19_EXPRESS_CORRECT } from "./config-heldout19-express";
import { HELD_OUT19_FASTAPI } from "./config-heldout19-fastapi";
import { HELD_OUT19_FASTIFY } from "./config-heldout19-fastify";
import { HELD_OUT19_FLASK, HELD_OUT19_FLASK_CORRECT } from "./config-heldout19-flask";
import { HELD_OUT19_HONO } from "./config-heldout19-hono";
import { HELD_OUT19_KOA } from "./config-heldout19-koa";
import { HELD_OUT19_NGINX } from "./config-heldout19-nginx";
import { HELD_OUT19_RACK } from "./config-heldout19-rack";
import { HELD_OUT19_S3 } from "./config-heldout19-s3";
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
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT19_NGINX,
    apache: HELD_OUT19_APACHE,
    caddy: HELD_OUT19_CADDY,
    express: HELD_OUT19_EXPRESS,
    fastify: HELD_OUT19_FASTIFY,
    koa: HELD_OUT19_KOA,
    hono: HELD_OUT19_HONO,
    fastapi: HELD_OUT19_FASTAPI,
    flask: HELD_OUT19_FLASK,
    aiohttp: HELD_OUT19_AIOHTTP,
    django: HELD_OUT19_DJANGO,
    rack: HELD_OUT19_RACK,
    s3: HELD_OUT19_S3,
  });
}

/**
 * Issue #23's nineteenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 19 case (config-heldout19-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. The first run (the measure, in
 * HELDOUT19.md): recorded, not asserted (`known` is null until that run's list exists).
 * And the set's three correct configurations (Express, Caddy, Flask — stacks other than sets 16–18's
 * correct ones — cors() first on an express.Router at /api with an origin callback over a set of the two
 * front ends, a Caddyfile route for /api/* with an expression matcher over Origin that answers the
 * preflight itself, flask-cors on a Blueprint registered at /api), served for real: the page's calls pass,
 * `check` reports no error, `fix` prints nothing.
 */
const { scratch, correct, correctPython } = heldoutCheck(19, entries(), null);

describe("heldout19: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout19 correct: Express with cors() first on an express.Router at /api, an origin callback over a set of two front ends, credentials", async () => {
    const dir = join(scratch, "express");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT19_EXPRESS_CORRECT);
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      "Express",
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

  it("heldout19 correct: Caddy with a route for /api/* that answers the preflight of both front ends itself, credentials on every answer", async () => {
    const dir = join(scratch, "caddy");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "Caddyfile");
    const app = await startApp({});
    const port = await freePort();
    const text = fillCorrect(HELD_OUT19_CADDY_CORRECT, port, app.port);
    writeFileSync(path, text);
    try {
      await correct(
        "Caddy",
        path,
        text,
        () =>
          startProcess("/usr/bin/caddy", ["run", "--config", path, "--adapter", "caddyfile"], port, {
            env: { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
          }),
        `http://127.0.0.1:${port}`,
        calls,
      );
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout19 correct: Flask with flask-cors on a Blueprint registered at /api for both front ends, the page's methods and headers, credentials", async () => {
    await correctPython("Flask", "flask", fillPy(HELD_OUT19_FLASK_CORRECT), calls);
  });
});
