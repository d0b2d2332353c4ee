/**
 * Issue #23's fourth never-seen measure, the `check` half: the BUILT CLI's `check --config` on every
 * held-out set 4 case (config-heldout4-*.ts, written blind to the readers), each file filled as its
 * suite fills it. Each case records whether a finding lands on the root cause's line (the first line
 * holding its `rootText`, in its `rootFile`; results in test-results/heldout4-check.json) and asserts
 * it both ways against KNOWN_STATIC_MISSES (the first run, the measure, is in HELDOUT4.md); the CLI
 * reads every file (no exit 2, JSON out). The three correct
 * configurations (nginx, Koa, Caddy) are served for real: the page's calls must pass, `check` must
 * report no error, and `fix` with that evidence must print nothing.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { ROOT, resultsPath } from "../e2e/helpers/paths";
import { AUTH, URLS } from "./config-django-cases";
import { HELD_OUT4_AIOHTTP } from "./config-heldout4-aiohttp";
import { HELD_OUT4_APACHE } from "./config-heldout4-apache";
import { HELD_OUT4_CADDY, HELD_OUT4_CADDY_CORRECT } from "./config-heldout4-caddy";
import { HELD_OUT4_DJANGO } from "./config-heldout4-django";
import { HELD_OUT4_EXPRESS } from "./config-heldout4-express";
import { HELD_OUT4_FASTAPI } from "./config-heldout4-fastapi";
import { HELD_OUT4_FASTIFY } from "./config-heldout4-fastify";
import { HELD_OUT4_FLASK } from "./config-heldout4-flask";
import { HELD_OUT4_HONO } from "./config-heldout4-hono";
import { HELD_OUT4_KOA, HELD_OUT4_KOA_CORRECT } from "./config-heldout4-koa";
import { HELD_OUT4_NGINX, HELD_OUT4_NGINX_CORRECT } from "./config-heldout4-nginx";
import { HELD_OUT4_RACK } from "./config-heldout4-rack";
import { HELD_OUT4_S3 } from "./config-heldout4-s3";
import { observe, type PageCall, prepare, startApp, startNginx } from "./config-real";
import { fillS3 } from "./config-s3-cases";
import { freePort, type Running, startProcess } from "./harness";

const BUILT = join(ROOT, "dist/cli/cors-lens.mjs");
/** The page origins the suites use (their ports vary; these stand for them). */
const PAGE = "http://localhost:5173";
const PAGE2 = "http://127.0.0.1:5174";

function built(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUILT, ...argv],
      { env: { PATH: process.env.PATH ?? "", LANG: "C" } },
      (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }),
    );
  });
}

interface Entry {
  suite: string;
  name: string;
  url: string;
  /** Every file of the case, by name, filled. */
  files: Record<string, string>;
  /** The files given to --config. */
  config: string[];
  rootFile: string;
  rootText: string;
}

const server = (t: string) => t.replaceAll("PORT", "8080").replaceAll("APP", "9090");
const js = (t: string) => t.replaceAll("ORIGIN2", PAGE2).replaceAll("ORIGIN", PAGE);
const py = (t: string) => t.replaceAll("{{ORIGIN}}", PAGE);

function entries(): Entry[] {
  const out: Entry[] = [];
  for (const c of HELD_OUT4_NGINX)
    out.push({
      suite: "nginx",
      name: c.name,
      url: c.url,
      files: { "site.conf": server(c.site) },
      config: ["site.conf"],
      rootFile: "site.conf",
      rootText: server(c.rootText),
    });
  for (const c of HELD_OUT4_APACHE)
    out.push({
      suite: "apache",
      name: c.name,
      url: c.url,
      files: { "site.conf": server(c.site), ...c.files },
      config: ["site.conf"],
      rootFile: "site.conf",
      rootText: server(c.rootText),
    });
  for (const c of HELD_OUT4_CADDY)
    out.push({
      suite: "caddy",
      name: c.name,
      url: c.url,
      files: { Caddyfile: server(c.site) },
      config: ["Caddyfile"],
      rootFile: "Caddyfile",
      rootText: server(c.rootText),
    });
  for (const [suite, list] of [
    ["express", HELD_OUT4_EXPRESS],
    ["fastify", HELD_OUT4_FASTIFY],
    ["koa", HELD_OUT4_KOA],
    ["hono", HELD_OUT4_HONO],
  ] as const)
    for (const c of list)
      out.push({
        suite,
        name: c.name,
        url: c.url,
        files: { [c.file]: js(c.app) },
        config: [c.file],
        rootFile: c.file,
        rootText: js(c.rootText),
      });
  for (const [suite, list] of [
    ["fastapi", HELD_OUT4_FASTAPI],
    ["flask", HELD_OUT4_FLASK],
    ["aiohttp", HELD_OUT4_AIOHTTP],
  ] as const)
    for (const c of list)
      out.push({
        suite,
        name: c.name,
        url: c.url,
        files: { "app.py": py(c.app) },
        config: ["app.py"],
        rootFile: "app.py",
        rootText: py(c.rootText),
      });
  for (const c of HELD_OUT4_DJANGO)
    out.push({
      suite: c.middleware ? "django-middleware" : "django",
      name: c.name,
      url: c.url,
      files: {
        "settings.py": py(c.settings),
        "urls.py": URLS,
        "auth.py": AUTH,
        ...(c.middleware ? { "middleware.py": py(c.middleware) } : {}),
      },
      config: c.config ?? ["settings.py"],
      rootFile: c.rootFile ?? "settings.py",
      rootText: py(c.rootText),
    });
  for (const c of HELD_OUT4_RACK)
    out.push({
      suite: "rack",
      name: c.name,
      url: c.url,
      files: { "config.ru": py(c.text) },
      config: ["config.ru"],
      rootFile: "config.ru",
      rootText: py(c.rootText),
    });
  for (const c of HELD_OUT4_S3) {
    const file = c.text.trimStart().startsWith("<") ? "cors.xml" : "cors.json";
    out.push({
      suite: "s3",
      name: c.name,
      url: c.url,
      files: { [file]: fillS3(c.text, PAGE) },
      config: [file],
      rootFile: file,
      rootText: fillS3(c.rootText, PAGE),
    });
  }
  return out;
}

interface Finding {
  code: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}

const scratch = mkdtempSync(join(tmpdir(), "cors-lens-heldout4-"));
const results: Array<Record<string, unknown>> = [];
afterAll(() => {
  results.sort((a, b) => Number(a.index ?? 99) - Number(b.index ?? 99));
  writeFileSync(resultsPath("heldout4-check.json"), `${JSON.stringify(results, null, 2)}\n`);
  rmSync(scratch, { recursive: true, force: true });
});

const PAGE_RELATIVE =
  "relative to the page (what it sends, or the URL it calls, that the file lacks): only `check --har` can name it";
const OTHER_LINE = "named at the other line of the same problem";
const UPSTREAM = "the second Allow-Origin is the proxied app's, in its answer, not in the file";
const NOT_READ = "CORS Lens does not read this app (fix refuses it, said): nothing to name";
/**
 * The root lines `check` does not name from the file alone, as measured after the first run's fixes
 * (this stop, 16 of 34 named), each with why. Asserted both ways: a case named later fails until it
 * leaves the list.
 */
const KNOWN_STATIC_MISSES: Readonly<Record<string, string>> = {
  "heldout4 nginx: nginx and the proxied app both send Access-Control-Allow-Origin (two values)": UPSTREAM,
  "heldout4 nginx: the OPTIONS block's Allow-Headers lacks Authorization (token calls refused)":
    PAGE_RELATIVE,
  "heldout4 Caddy: the imported CORS snippet and the upstream both set Allow-Origin (two values)": UPSTREAM,
  "heldout4 Express: cors() used inside one controller's router, the other controller has none":
    PAGE_RELATIVE,
  "heldout4 Express: hand-written Allow-Headers without Authorization": PAGE_RELATIVE,
  "heldout4 Express: a router-wide token check answers the preflight 401 (server class)": NOT_READ,
  "heldout4 Fastify: an onSend hook overwrites Allow-Origin with an empty value": NOT_READ,
  "heldout4 Fastify: an onRequest auth hook refuses the preflight before @fastify/cors answers it":
    "not found from the file: a root onRequest hook runs before the hook @fastify/cors adds (check reads no hook order)",
  "heldout4 Koa: cors attached to the router, the preflight matches no route": NOT_READ,
  "heldout4 Koa: basic auth used before the CORS middleware refuses the preflight": OTHER_LINE,
  "heldout4 Hono: the cors policy is chosen by a header the preflight does not carry": NOT_READ,
  "heldout4 Hono: origin * with credentials true, the cookie call refused": OTHER_LINE,
  "heldout4 aiohttp: the app's auth middleware refuses the preflight (401)": OTHER_LINE,
  "heldout4 aiohttp: aiohttp's built-in 404 has no CORS header (unknown URL)": PAGE_RELATIVE,
  "heldout4 Django: CORS_ALLOWED_ORIGINS chosen by DEBUG, the page's origin only in the debug list":
    PAGE_RELATIVE,
  "heldout4 Django: CORS_ORIGIN_ALLOW_ALL without CORS_ALLOW_CREDENTIALS, the cookie call refused":
    PAGE_RELATIVE,
  "heldout4 Django: CORS_URLS_REGEX matches the list view only, the item DELETE refused": PAGE_RELATIVE,
  "heldout4 Django middleware: headers added to every answer, the preflight passed on to the API-key check (401)":
    "not found from the file: the API-key check that refuses the preflight is another middleware's",
};

// Each case is one CLI start (~1 s of CPU, mostly loading): run side by side (vitest's
// maxConcurrency), the results sorted back into case order when written.
describe.concurrent("heldout4: check --config (built CLI) on the held-out set 4, root cause's line named", () => {
  entries().forEach((e, index) => {
    it(`heldout4 check: ${e.name}`, async ({ expect }) => {
      const dir = join(scratch, `case-${index}`);
      for (const [name, text] of Object.entries(e.files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const rootLine = (e.files[e.rootFile] ?? "").split("\n").findIndex((l) => l.includes(e.rootText)) + 1;
      expect(rootLine, `${e.rootText} is in ${e.rootFile}`).toBeGreaterThan(0);
      const config = e.config.map((n) => join(dir, n));
      const json = await built("check", "--config", ...config, "--format", "json");
      expect(json.code, json.err).not.toBe(2);
      const findings = JSON.parse(json.out).findings as Finding[];
      expect(Array.isArray(findings)).toBe(true);
      const named = findings.some((f) => basename(f.file) === e.rootFile && f.line === rootLine);
      results.push({
        index,
        suite: e.suite,
        name: e.name,
        url: e.url,
        rootFile: e.rootFile,
        rootLine,
        named,
        exit: json.code,
        findings: findings.map((f) => `${f.severity} ${f.code}@${basename(f.file)}:${f.line}`),
        // The text form's lines (file:line: severity [code] message), from the same run.
        printed: findings.map((f) => `${basename(f.file)}:${f.line}: ${f.severity} [${f.code}] ${f.message}`),
      });
      expect(
        named,
        `root line ${e.rootFile}:${rootLine}; found ${findings.map((f) => `${f.code}@${f.line}`)}`,
      ).toBe(!(e.name in KNOWN_STATIC_MISSES));
    });
  });
});

const fillCorrect = (t: string, port: number, app: number) =>
  t.replaceAll("PORT", String(port)).replaceAll("APP", String(app));
const APP_ORIGIN = "https://app.example.com";
const ADMIN = "https://admin.example.com";

/** Serves a correct configuration, checks the page's calls pass, then: check no error, fix prints nothing. */
async function correct(
  label: string,
  file: string,
  config: string,
  run: () => Promise<Running>,
  base: string,
  calls: PageCall[],
): Promise<void> {
  const checked = await built("check", "--config", file, "--format", "json");
  const findings = JSON.parse(checked.out).findings as Finding[];
  const running = await run();
  const seen = [];
  try {
    for (const call of calls) seen.push(await observe(base, call));
  } finally {
    await running.stop();
  }
  for (const s of seen) expect(s.verdict, `${label} is correct: ${s.cause}`).toBe("allowed");
  const har = join(dirname(file), "recorded.har");
  writeFileSync(
    har,
    JSON.stringify(
      exportHar(
        seen.map((s) => s.exchange),
        { includeSecrets: true },
      ),
    ),
  );
  const fixed = await built("fix", "--config", file, "--har", har);
  results.push({
    suite: "correct",
    name: label,
    exit: checked.code,
    findings: findings.map((f) => `${f.severity} ${f.code}@${basename(f.file)}:${f.line}`),
    fixExit: fixed.code,
    fixPrinted: `${fixed.out}${fixed.err}`.trim(),
    config,
  });
  expect(
    findings.filter((f) => f.severity === "error"),
    `${label}: check reports no error`,
  ).toEqual([]);
  expect(fixed.code, fixed.err).toBe(0);
  expect(fixed.out, `${label}: fix changes nothing`).toBe("");
}

describe("heldout4: correct configurations (check: no error; fix: nothing to change)", () => {
  const json: Array<[string, string]> = [["Content-Type", "application/json"]];
  it("heldout4 correct: nginx map regex of two front ends, preflight answered by nginx, credentials", async () => {
    const dir = join(scratch, "correct-nginx");
    prepare(dir);
    const app = await startApp({});
    const port = await freePort();
    const file = join(dir, "site.conf");
    writeFileSync(file, fillCorrect(HELD_OUT4_NGINX_CORRECT, port, app.port));
    try {
      await correct(
        "nginx",
        file,
        HELD_OUT4_NGINX_CORRECT,
        () => startNginx(dir, port),
        `http://127.0.0.1:${port}`,
        [
          { method: "GET", path: "/api/items", origin: APP_ORIGIN },
          {
            method: "PUT",
            path: "/api/items/1",
            origin: ADMIN,
            credentials: true,
            headers: [...json, ["Authorization", "Bearer t"]],
          },
          { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
        ],
      );
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });

  it("heldout4 correct: Koa @koa/cors with an origin function over an allowlist and credentials", async () => {
    const dir = join(scratch, "correct-koa");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const file = join(dir, "server.js");
    const text = HELD_OUT4_KOA_CORRECT.replaceAll("ORIGIN2", ADMIN).replaceAll("ORIGIN", APP_ORIGIN);
    writeFileSync(file, text);
    const port = await freePort();
    await correct(
      "Koa",
      file,
      text,
      () =>
        startProcess(process.execPath, [file], port, { env: { PORT: String(port), NODE_ENV: "production" } }),
      `http://127.0.0.1:${port}`,
      [
        { method: "GET", path: "/api/items", origin: APP_ORIGIN },
        { method: "PUT", path: "/api/items/1", origin: ADMIN, headers: json, credentials: true },
        { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
      ],
    );
  });

  it("heldout4 correct: Caddy preflight matched by method and Origin, answered before the proxy", async () => {
    const dir = join(scratch, "correct-caddy");
    mkdirSync(dir, { recursive: true });
    const app = await startApp({});
    const port = await freePort();
    const file = join(dir, "Caddyfile");
    writeFileSync(file, fillCorrect(HELD_OUT4_CADDY_CORRECT, port, app.port));
    try {
      await correct(
        "Caddy",
        file,
        HELD_OUT4_CADDY_CORRECT,
        () =>
          startProcess("/usr/bin/caddy", ["run", "--config", file, "--adapter", "caddyfile"], port, {
            env: { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
          }),
        `http://127.0.0.1:${port}`,
        [
          { method: "GET", path: "/api/items", origin: APP_ORIGIN },
          {
            method: "PUT",
            path: "/api/items/1",
            origin: APP_ORIGIN,
            headers: [...json, ["Authorization", "Bearer t"]],
          },
        ],
      );
    } finally {
      await new Promise<void>((r) => (app.server as Server).close(() => r()));
    }
  });
});
