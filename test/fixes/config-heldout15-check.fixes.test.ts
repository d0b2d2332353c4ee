import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";
import { HELD_OUT15_AIOHTTP } from "./config-heldout15-aiohttp";
import { HELD_OUT15_APACHE } from "./config-heldout15-apache";
import { HELD_OUT15_CADDY, HELD_OUT15_CADDY_CORRECT } from "./config-heldout15-caddy";
import { HELD_OUT15_DJANGO } from "./config-heldout15-django";
import { HELD_OUT15_EXPRESS, HELD_OUT15_EXPRESS_CORRECT } from "./config-heldout15-express";
import { HELD_OUT15_FASTAPI } from "./config-heldout15-fastapi";
import { HELD_OUT15_FASTIFY } from "./config-heldout15-fastify";
import { HELD_OUT15_FLASK, HELD_OUT15_FLASK_CORRECT } from "./config-heldout15-flask";
import { HELD_OUT15_HONO } from "./config-heldout15-hono";
import { HELD_OUT15_KOA } from "./config-heldout15-koa";
import { HELD_OUT15_NGINX } from "./config-heldout15-nginx";
import { HELD_OUT15_RACK } from "./config-heldout15-rack";
import { HELD_OUT15_S3 } from "./config-heldout15-s3";
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
  OTHER_LINE,
  PAGE_RELATIVE,
} from "./heldout-check";

function entries(): Entry[] {
  return heldoutEntries({
    nginx: HELD_OUT15_NGINX,
    apache: HELD_OUT15_APACHE,
    caddy: HELD_OUT15_CADDY,
    express: HELD_OUT15_EXPRESS,
    fastify: HELD_OUT15_FASTIFY,
    koa: HELD_OUT15_KOA,
    hono: HELD_OUT15_HONO,
    fastapi: HELD_OUT15_FASTAPI,
    flask: HELD_OUT15_FLASK,
    aiohttp: HELD_OUT15_AIOHTTP,
    django: HELD_OUT15_DJANGO,
    rack: HELD_OUT15_RACK,
    s3: HELD_OUT15_S3,
  });
}

/**
 * Issue #23's fifteenth never-seen measure, the `check` half (test/fixes/heldout-check.ts runs it): every
 * held-out set 15 case (config-heldout15-*.ts, written blind to the readers), each file filled as its
 * suite fills it, whether a finding lands on its root cause's line. The set's first run (the measure,
 * in HELDOUT15.md) named 9 of 29; asserted since against KNOWN_STATIC_MISSES both ways.
 * And the set's three correct configurations (Express, Caddy, Flask — cors() with an origin list ahead
 * of the routes, a Caddyfile answering the preflight of both front ends itself, flask-cors on /api/*
 * with both front ends), served for real: the page's calls pass, `check` reports no error, `fix` prints
 * nothing.
 */
const UPSTREAM =
  "the application behind the proxy answers (its own copy, its preflight status): not in the file";
const NOT_YET = "not named from the file alone at this head (HELDOUT15.md)";
/** The root causes `check` does not name from the file alone at this head (17/29; 9/29 at the first run). */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout15 nginx: Allow-Origin names the parent domain, the report page on a subdomain refused":
    PAGE_RELATIVE,
  "heldout15 Apache: the reverse proxy sends the preflight on to the data API, which answers 403": UPSTREAM,
  "heldout15 Apache: the font CORS rules cover /static/fonts/ only, the icon font elsewhere under /static/ refused":
    PAGE_RELATIVE,
  "heldout15 Caddy: Caddy's CORS header block plus Laravel's own, the same Allow-Origin sent twice": UPSTREAM,
  "heldout15 Express: CORS_ALLOWED_URLS cleaned with /s\\s/g, the second origin keeps its space": OTHER_LINE,
  "heldout15 Express: the hand CORS middleware sets no Allow-Methods, the plugin update's preflight refused":
    PAGE_RELATIVE,
  "heldout15 Express: the CORS origin is hardcoded to the dev server, the deployed front end refused":
    PAGE_RELATIVE,
  "heldout15 Fastify: the bearer-auth plugin's onRequest hook answers the preflight 401 before @fastify/cors":
    NOT_YET,
  "heldout15 Hono: cors() given to the GET route only, the credentialed call's preflight matches no route (404)":
    PAGE_RELATIVE,
  "heldout15 FastAPI: the Platform Service's configured origins list localhost:3000, the page's random port refused":
    "the origins come from code CORS Lens does not evaluate",
  "heldout15 S3: the rule allows GET and HEAD but no headers, the SDK listing's preflight refused (XML)":
    PAGE_RELATIVE,
  "heldout15 S3: the rule the app wrote from its dev server allows localhost:3000 only, the deployed app refused (JSON)":
    PAGE_RELATIVE,
};
const { scratch, correct, correctPython } = heldoutCheck(15, entries(), KNOWN_STATIC_MISSES);

describe("heldout15: correct configurations (check: no error; fix: nothing to change)", () => {
  const calls = CORRECT_CALLS;

  it("heldout15 correct: Express with cors() ahead of the routes, an origin list of two front ends, credentials", async () => {
    const dir = join(scratch, "express");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const path = join(dir, "server.js");
    const text = fillJs(HELD_OUT15_EXPRESS_CORRECT);
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

  it("heldout15 correct: Caddy answering the preflight of both front ends itself, credentials on every answer", async () => {
    const dir = join(scratch, "caddy");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "Caddyfile");
    const app = await startApp({});
    const port = await freePort();
    const text = fillCorrect(HELD_OUT15_CADDY_CORRECT, port, app.port);
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

  it("heldout15 correct: Flask with flask-cors on /api/* for both front ends, the page's methods and headers, credentials", async () => {
    await correctPython("Flask", "flask", fillPy(HELD_OUT15_FLASK_CORRECT), calls);
  });
});
