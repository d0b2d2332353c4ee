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
  PAGE_RELATIVE,
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
 * HELDOUT19.md) named 8 of 24; asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (Express, Caddy, Flask — stacks other than sets 16–18's
 * correct ones — cors() first on an express.Router at /api with an origin callback over a set of the two
 * front ends, a Caddyfile route for /api/* with an expression matcher over Origin that answers the
 * preflight itself, flask-cors on a Blueprint registered at /api), served for real: the page's calls pass,
 * `check` reports no error, `fix` prints nothing.
 */
const PAGE = PAGE_RELATIVE;
/**
 * The root causes `check` does not name from the file alone, at the head that fixed set 19's cases
 * (15/24; the first run, the measure, named 8 — see HELDOUT19.md). Asserted both ways.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout19 nginx: the PHP location hands the preflight to PrivateBin, which answers 405":
    "the application's 405 to OPTIONS is not in the file: only the recorded preflight shows it",
  "heldout19 Apache: the WordPress site serves its theme fonts with no Allow-Origin, the CDN-hosted fonts refused":
    PAGE,
  "heldout19 Apache: the domain sharding FilesMatch has no woff2, Font Awesome's woff2 refused from the asset subdomain":
    "no-always is named on the Header line (12), one below the FilesMatch the case marks (11); the woff2 left out is relative to the page",
  "heldout19 Express: the origin array's pattern is the README's example2.com, the front end refused": PAGE,
  "heldout19 Express: Node-RED's httpNodeAuth middleware answers the preflight 401 before httpNodeCors":
    "the auth middleware is mounted under an if on a settings object and CORS is a route handler reassigned under another: not followed from the file alone",
  "heldout19 FastAPI: the CORS origins are the website's own, another site's appstream reads refused": PAGE,
  "heldout19 Django: the site has no CORS at all, the lab map's GETs of the JSON API refused":
    "a settings file with no CORS at all may be same-origin on purpose: named only with the page's HAR",
  "heldout19 S3: the rule allows POST instead of PUT, the uploader's presigned part PUTs refused (XML)": PAGE,
  "heldout19 S3: AllowedHeaders is an explicit list without Content-MD5, the web app's uploads refused (JSON)":
    PAGE,
};

const { scratch, correct, correctPython } = heldoutCheck(19, entries(), KNOWN_STATIC_MISSES);

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
