/**
 * The `check` half of issue #23's held-out sets 3 to 8, shared by their suites: the BUILT CLI's
 * `check --config` on every case, each file filled as its suite fills it, asserting whether a finding
 * lands on the root cause's line (the first line holding its `rootText`, in its `rootFile`) against
 * the set's known misses, both ways (results in test-results/heldout{3,4,5,6,7,8,9,10,11}-check.json); and the
 * correct configurations, served for real: the page's calls pass, `check` reports no error, `fix`
 * with that evidence prints nothing.
 */

import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { ROOT, resultsPath } from "../e2e/helpers/paths";
import { AUTH, URLS } from "./config-django-cases";
import { observe, type PageCall } from "./config-real";
import { fillS3 } from "./config-s3-cases";
import { freePort, type Running, startProcess } from "./harness";

const BUILT = join(ROOT, "dist/cli/cors-lens.mjs");
/** The page origins the suites use (their ports vary; these stand for them). */
export const PAGE = "http://localhost:5173";
export const PAGE2 = "http://127.0.0.1:5174";

export function built(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUILT, ...argv],
      { env: { PATH: process.env.PATH ?? "", LANG: "C" } },
      (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }),
    );
  });
}

export interface Entry {
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

export interface Finding {
  code: string;
  severity: string;
  file: string;
  line: number;
  message: string;
  /** The other line of the same problem the message names (since stop 39). */
  also?: Array<{ file: string; line: number }>;
}

/**
 * Whether a finding names the root cause's line: on it, or as the other line of the same problem
 * its message names (`also`: cors() on line 9 registered after the auth middleware of line 8 names
 * line 8 too). Sets 2–9's first runs counted the finding's own line only (`onLine`).
 */
export function namesLine(
  findings: readonly Finding[],
  at: (file: string) => boolean,
  line: number,
): { named: boolean; onLine: boolean } {
  const onLine = findings.some((f) => at(f.file) && f.line === line);
  return {
    onLine,
    named: onLine || findings.some((f) => (f.also ?? []).some((a) => at(a.file) && a.line === line)),
  };
}

export const server = (t: string) => t.replaceAll("PORT", "8080").replaceAll("APP", "9090");
export const js = (t: string) => t.replaceAll("ORIGIN2", PAGE2).replaceAll("ORIGIN", PAGE);
export const py = (t: string) => t.replaceAll("{{ORIGIN}}", PAGE);

export const PAGE_RELATIVE =
  "relative to the page (what it sends, or the URL it calls, that the file lacks): only `check --har` can name it";
export const OTHER_LINE = "named at the other line of the same problem";

/**
 * The set's `check` cases, and the `correct` runner for its correct configurations (each recorded
 * with the cases). `known`: the root lines `check` does not name from the file alone, each with why;
 * null on a set's first run (the measure): recorded, not asserted — the list comes from that run.
 */
export function heldoutCheck(
  set: 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20,
  entries: Entry[],
  known: Readonly<Record<string, string>> | null,
): {
  scratch: string;
  correct: (
    label: string,
    file: string,
    config: string,
    run: () => Promise<Running>,
    base: string,
    calls: PageCall[],
  ) => Promise<void>;
  correctPython: (label: string, name: string, text: string, calls: PageCall[]) => Promise<void>;
} {
  const scratch = mkdtempSync(join(tmpdir(), `cors-lens-heldout${set}-`));
  const results: Array<Record<string, unknown>> = [];
  afterAll(() => {
    results.sort((a, b) => Number(a.index ?? 99) - Number(b.index ?? 99));
    writeFileSync(resultsPath(`heldout${set}-check.json`), `${JSON.stringify(results, null, 2)}\n`);
    // CORS_LENS_HELDOUT_KEEP=1 keeps the filled files (case-N/, in case order) to run the CLI on by hand.
    if (process.env.CORS_LENS_HELDOUT_KEEP) console.log(`heldout${set} files kept in ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  });
  // Each case is one CLI start (~1 s of CPU, mostly loading): run side by side (vitest's
  // maxConcurrency), the results sorted back into case order when written.
  describe.concurrent(`heldout${set}: check --config (built CLI) on the held-out set ${set}, root cause's line named`, () => {
    entries.forEach((e, index) => {
      it(`heldout${set} check: ${e.name}`, async ({ expect }) => {
        const dir = join(scratch, `case-${index}`);
        for (const [name, text] of Object.entries(e.files)) {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          // The Apache suite's DIR is the case's own directory (its <Directory> and DocumentRoot): filled
          // the same here, so a rule that matches a .htaccess to its <Directory> sees what httpd sees.
          writeFileSync(join(dir, name), e.suite === "apache" ? text.replaceAll("DIR", dir) : text);
        }
        const rootLine = (e.files[e.rootFile] ?? "").split("\n").findIndex((l) => l.includes(e.rootText)) + 1;
        expect(rootLine, `${e.rootText} is in ${e.rootFile}`).toBeGreaterThan(0);
        const config = e.config.map((n) => join(dir, n));
        const json = await built("check", "--config", ...config, "--format", "json");
        expect(json.code, json.err).not.toBe(2);
        const findings = JSON.parse(json.out).findings as Finding[];
        expect(Array.isArray(findings)).toBe(true);
        const { named, onLine } = namesLine(findings, (f) => basename(f) === e.rootFile, rootLine);
        results.push({
          index,
          suite: e.suite,
          name: e.name,
          url: e.url,
          rootFile: e.rootFile,
          rootLine,
          named,
          onLine,
          exit: json.code,
          findings: findings.map(
            (f) =>
              `${f.severity} ${f.code}@${basename(f.file)}:${f.line}${(f.also ?? []).map((a) => ` (also ${basename(a.file)}:${a.line})`).join("")}`,
          ),
          // The text form's lines (file:line: severity [code] message), from the same run.
          printed: findings.map(
            (f) => `${basename(f.file)}:${f.line}: ${f.severity} [${f.code}] ${f.message}`,
          ),
        });
        if (known !== null)
          expect(
            named,
            `root line ${e.rootFile}:${rootLine}; found ${findings.map((f) => `${f.code}@${f.line}`)}`,
          ).toBe(!(e.name in known));
      });
    });
  });
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
    } catch (e) {
      // What the server said with it. (An answer that was not HTTP, "Parse Error: Expected HTTP/", on
      // set 16's Django app in three full runs: the readiness poll's pooled connection, harness.ts
      // `answers`, fixed and tested in harness.fixes.test.ts.)
      throw new Error(
        `${label}: ${e instanceof Error ? e.message : String(e)}\nserver output:\n${running.log()}`,
      );
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
  /** A correct Python app (Flask, aiohttp…: `app.py` serving on $PORT itself), served by Debian's python3. */
  async function correctPython(label: string, name: string, text: string, calls: PageCall[]): Promise<void> {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "app.py");
    writeFileSync(path, text);
    const port = await freePort();
    await correct(
      label,
      path,
      text,
      () =>
        startProcess("/usr/bin/python3", [path], port, {
          cwd: dir,
          env: { PORT: String(port), PYTHONDONTWRITEBYTECODE: "1" },
        }),
      `http://127.0.0.1:${port}`,
      calls,
    );
  }
  return { scratch, correct, correctPython };
}

export const fillCorrect = (t: string, port: number, app: number) =>
  t.replaceAll("PORT", String(port)).replaceAll("APP", String(app));
export const APP_ORIGIN = "https://app.example.com";
export const ADMIN = "https://admin.example.com";
/** A held-out set's case text with its two front ends filled in (`ORIGIN`, `ORIGIN2`; Python: `{{…}}`). */
export const fillJs = (t: string) => t.replaceAll("ORIGIN2", ADMIN).replaceAll("ORIGIN", APP_ORIGIN);
export const fillPy = (t: string) => t.replaceAll("{{ORIGIN2}}", ADMIN).replaceAll("{{ORIGIN}}", APP_ORIGIN);
/** What the page of every set's correct configurations calls: a GET, a credentialed JSON PUT with a token, a credentialed GET. */
export const CORRECT_CALLS: PageCall[] = [
  { method: "GET", path: "/api/items", origin: APP_ORIGIN },
  {
    method: "PUT",
    path: "/api/items/1",
    origin: ADMIN,
    credentials: true,
    headers: [
      ["Content-Type", "application/json"],
      ["Authorization", "Bearer t"],
    ],
  },
  { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
];

interface Held {
  name: string;
  url: string;
  rootText: string;
}
/** One held-out set's broken cases by suite, as its case files export them (sets 3, 4 and 5 alike). */
export interface HeldSet {
  nginx: ReadonlyArray<Held & { site: string }>;
  apache: ReadonlyArray<Held & { site: string; files?: Record<string, string> }>;
  caddy: ReadonlyArray<Held & { site: string }>;
  express: ReadonlyArray<Held & { file: string; app: string }>;
  fastify: ReadonlyArray<Held & { file: string; app: string }>;
  koa: ReadonlyArray<Held & { file: string; app: string }>;
  hono: ReadonlyArray<Held & { file: string; app: string }>;
  fastapi: ReadonlyArray<Held & { app: string }>;
  flask: ReadonlyArray<Held & { app: string }>;
  aiohttp: ReadonlyArray<Held & { app: string }>;
  django: ReadonlyArray<
    Held & { settings: string; middleware?: string; config?: string[]; rootFile?: string }
  >;
  rack: ReadonlyArray<Held & { text: string }>;
  s3: ReadonlyArray<Held & { text: string }>;
}

/** Each case's files filled as its suite fills them, its --config files and its root line. */
export function heldoutEntries(set: HeldSet): Entry[] {
  const out: Entry[] = [];
  for (const c of set.nginx)
    out.push({
      suite: "nginx",
      name: c.name,
      url: c.url,
      files: { "site.conf": server(c.site) },
      config: ["site.conf"],
      rootFile: "site.conf",
      rootText: server(c.rootText),
    });
  for (const c of set.apache)
    out.push({
      suite: "apache",
      name: c.name,
      url: c.url,
      files: { "site.conf": server(c.site), ...c.files },
      // The .htaccess and .conf files with it, as the Apache suite passes them to check and fix.
      config: ["site.conf", ...Object.keys(c.files ?? {}).filter((n) => /(^|\/)\.htaccess$|\.conf$/.test(n))],
      rootFile: "site.conf",
      rootText: server(c.rootText),
    });
  for (const c of set.caddy)
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
    ["express", set.express],
    ["fastify", set.fastify],
    ["koa", set.koa],
    ["hono", set.hono],
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
    ["fastapi", set.fastapi],
    ["flask", set.flask],
    ["aiohttp", set.aiohttp],
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
  for (const c of set.django)
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
  for (const c of set.rack)
    out.push({
      suite: "rack",
      name: c.name,
      url: c.url,
      files: { "config.ru": py(c.text) },
      config: ["config.ru"],
      rootFile: "config.ru",
      rootText: py(c.rootText),
    });
  for (const c of set.s3) {
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
