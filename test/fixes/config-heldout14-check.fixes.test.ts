import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT14_AIOHTTP } from "./config-heldout14-aiohttp";
import { HELD_OUT14_APACHE } from "./config-heldout14-apache";
import { HELD_OUT14_CADDY } from "./config-heldout14-caddy";
import { HELD_OUT14_DJANGO } from "./config-heldout14-django";
import { HELD_OUT14_EXPRESS } from "./config-heldout14-express";
import { HELD_OUT14_FASTAPI } from "./config-heldout14-fastapi";
import { HELD_OUT14_FASTIFY } from "./config-heldout14-fastify";
import { HELD_OUT14_FLASK } from "./config-heldout14-flask";
import { HELD_OUT14_HONO, HELD_OUT14_HONO_CORRECT } from "./config-heldout14-hono";
import { HELD_OUT14_KOA } from "./config-heldout14-koa";
import { HELD_OUT14_NGINX, HELD_OUT14_NGINX_CORRECT } from "./config-heldout14-nginx";
import { HELD_OUT14_RACK, HELD_OUT14_RACK_CORRECT } from "./config-heldout14-rack";
import { HELD_OUT14_S3 } from "./config-heldout14-s3";
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
    nginx: HELD_OUT14_NGINX,
    apache: HELD_OUT14_APACHE,
    caddy: HELD_OUT14_CADDY,
    express: HELD_OUT14_EXPRESS,
    fastify: HELD_OUT14_FASTIFY,
    koa: HELD_OUT14_KOA,
    hono: HELD_OUT14_HONO,
    fastapi: HELD_OUT14_FASTAPI,
    flask: HELD_OUT14_FLASK,
    aiohttp: HELD_OUT14_AIOHTTP,
    django: HELD_OUT14_DJANGO,
    rack: HELD_OUT14_RACK,
    s3: HELD_OUT14_S3,
  });
}

/**
 * Issue #23's fourteenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 14 case (config-heldout14-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. This is the set's first run (the
 * measure, in HELDOUT14.md), asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (Hono, rack-cors, nginx — cors() with an origin list ahead
 * of the routes, Rack::Cors with both front ends and credentials, an nginx map of the front ends with the
 * preflight answered by nginx), served for real: the page's calls pass, `check` reports no error, `fix`
 * prints nothing.
 */
const UPSTREAM = "the application behind the proxy sends its own Allow-Origin: not in the file";
/**
 * The root causes `check` does not name from the file alone: 23/28 since koa-hand-headers-lost-on-throw
 * names the middleware too (22/28 before; 12/28 at the first run).
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout14 nginx: vhost.d adds Allow-Origin '*' over the API's own, the answer carries two values":
    UPSTREAM,
  "heldout14 Caddy: the gateway's Allow-Origin plus GoTrue's own '*', the token call refused": UPSTREAM,
  "heldout14 Django: the origin regex allows localhost on four-digit ports only, the front end refused":
    PAGE_RELATIVE,
  "heldout14 rack-cors: origins '*' without credentials, the front end's cookie calls refused": PAGE_RELATIVE,
  "heldout14 rack-cors: the resource's methods leave out PUT, the /v2/user update refused": PAGE_RELATIVE,
};
const { scratch, correct } = heldoutCheck(14, entries(), KNOWN_STATIC_MISSES);

describe("heldout14: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout14 correct: Hono with cors() ahead of the routes, an origin list of two front ends, credentials", async () => {
    const dir = join(scratch, "hono");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.mjs");
    const text = fillJs(HELD_OUT14_HONO_CORRECT);
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

  it("heldout14 correct: rack-cors with both front ends, the page's methods and headers, credentials", async () => {
    const dir = join(scratch, "rack");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "config.ru");
    const text = fillPy(HELD_OUT14_RACK_CORRECT);
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

  it("heldout14 correct: nginx with a map of two front ends, the preflight answered by nginx, credentials", async () => {
    const dir = join(scratch, "nginx");
    prepare(dir);
    const path = join(dir, "site.conf");
    const app = await startApp({});
    const port = await freePort();
    const text = fillCorrect(HELD_OUT14_NGINX_CORRECT, port, app.port);
    writeFileSync(path, text);
    try {
      await correct("nginx", path, text, () => startNginx(dir, port), `http://127.0.0.1:${port}`, calls);
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });
});
