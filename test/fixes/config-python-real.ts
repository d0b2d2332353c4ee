/**
 * The application config suites' one shape (Django, FastAPI, Flask; rack-cors with `command`
 * puma): each broken project is written and
 * its server started up front, all at once (the page runs one case at a time in one Chromium); the
 * page's calls are recorded by the extension, the BUILT CLI (`node dist/cli/cors-lens.mjs`, its
 * grammar read from dist/cli) patches the file with `--write`, the patched project is started and
 * every call passes in Chromium. `check` and the idempotence run go through the CLI in process.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { observedFromReport } from "../../src/report/report";
import { cli } from "../cli/run-cli";
import { Browser, exchangeFor, freePort, type Running, startProcess } from "./harness";
import { checkNamesRootWithHar } from "./heldout2-har";
import type { PageRequest } from "./page";

const BUILT = join(process.cwd(), "dist/cli/cors-lens.mjs");

export interface PythonCase {
  /** Held-out cases: the root cause's line (the first line holding this text), named by `check --har`. */
  rootAt?: string;
  /** Held-out set 3: the root line's text and its file (measured by `check --har`, recorded only). */
  rootText?: string;
  rootFile?: string;
  name: string;
  /** The file CORS Lens reads and patches ({{ORIGIN}}: the page's origin). */
  text: string;
  calls: PageRequest[];
  check?: { code: string; line: number };
  /** The case's own files besides the suite's ({{ORIGIN}}: the page's origin). */
  files?: Record<string, string>;
  /** The files passed to --config (patched), when not the suite's one file. */
  config?: string[];
  /** More findings `check` must name. */
  checks?: Array<{ code: string; line: number }>;
  /**
   * "fixed" (the default): the patch makes every call pass. "cannot": no safe patch exists, and the
   * fix says so (exit 1, `said` in its words, the file unchanged). "no-boot": the server refuses to
   * start with the file (`said` in its output), as the finding says it would.
   */
  expect?: "fixed" | "cannot" | "no-boot";
  said?: string;
  /** The server's environment for this case. */
  env?: Record<string, string>;
}

export interface PythonSuite {
  title: string;
  installed: boolean;
  /** The program that serves the project (python3 unless named). */
  command?: string;
  /** The file's name in the project (settings.py, app.py, config.ru). */
  file: string;
  /** The project's other files. */
  extra: Record<string, string>;
  /** The program's arguments to serve the project on a port. */
  serve: (port: number) => string[];
  cases: PythonCase[];
  correct: string[];
}

type Page = Awaited<ReturnType<Browser["runPage"]>>;

interface Result {
  dir: string;
  port: number;
  file: string;
  /** The files passed to --config. */
  config: string[];
  har: string;
  before?: Page;
  fixed?: { status: number | null; stderr: string };
  text?: string;
  after?: Page;
  /** The first step that failed (a server that did not start, a page that did not run). */
  error?: unknown;
  /** Why the server did not start, where the case expects that. */
  refused?: string;
}

/** The built CLI, not waited for: the patches of every case are made at once. */
function builtCli(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUILT, ...args], { env: { ...process.env, LANG: "C" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

export function pythonConfigSuite(s: PythonSuite): void {
  const scratch = mkdtempSync(join(tmpdir(), "cors-lens-python-config-"));
  let browser: Browser | null = null;
  const start = (dir: string, port: number, c: PythonCase): Promise<Running> =>
    startProcess(s.command ?? "/usr/bin/python3", s.serve(port), port, {
      cwd: dir,
      env: { PORT: String(port), PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: dir, ...c.env },
    });
  const results: Result[] = [];

  // The phases run for all cases at once where they can (servers started, patches made in
  // parallel); the page runs one case at a time in the one Chromium. Each case's test reads its
  // results.
  beforeAll(async () => {
    if (!s.installed) return;
    browser = await Browser.launch();
    const b = browser;
    for (const [i, c] of s.cases.entries()) {
      const dir = join(scratch, `case-${i}`);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, s.file);
      writeFileSync(file, c.text.replaceAll("{{ORIGIN}}", b.pageOrigin));
      for (const [name, text] of Object.entries(s.extra)) writeFileSync(join(dir, name), text);
      // A case's other files may sit in folders (public/assets/… for a config.ru's Rack::Static).
      for (const [name, text] of Object.entries(c.files ?? {})) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text.replaceAll("{{ORIGIN}}", b.pageOrigin));
      }
      const config = (c.config ?? [s.file]).map((n) => join(dir, n));
      results.push({ dir, port: await freePort(), file, config, har: join(dir, "chromium.har") });
    }
    const step = async (r: Result, f: () => Promise<void>) => {
      if (r.error !== undefined) return;
      try {
        await f();
      } catch (e) {
        r.error = e;
      }
    };
    const failed =
      (r: Result) =>
      (e: unknown): null => {
        r.error = e;
        return null;
      };
    const servers = await Promise.all(
      results.map((r, i) => {
        const c = s.cases[i] as PythonCase;
        if (c.expect !== "no-boot") return start(r.dir, r.port, c).catch(failed(r));
        return start(r.dir, r.port, c).then(
          async (running) => {
            r.error = new Error(`the server started with a file it must refuse:\n${running.log()}`);
            await running.stop();
            return null;
          },
          (e: unknown) => {
            r.refused = String(e);
            return null;
          },
        );
      }),
    );
    const stops: Array<Promise<void>> = [];
    for (const [i, r] of results.entries()) {
      const c = s.cases[i] as PythonCase;
      if (c.expect === "no-boot") continue;
      await step(r, async () => {
        const before = await b.runPage(`http://127.0.0.1:${r.port}`, c.calls);
        r.before = before;
        const exchanges = c.calls.map((call) =>
          exchangeFor(before.report, before.urls.get(call.name) as string, call.method),
        );
        if (exchanges.some((x) => x === undefined))
          throw new Error("a call is missing from the extension's report");
        writeFileSync(
          r.har,
          JSON.stringify(
            exportHar(
              exchanges.map((x) => observedFromReport(x as NonNullable<typeof x>, "chromium")),
              { includeSecrets: true },
            ),
          ),
        );
      });
      const server = servers[i];
      if (server) stops.push(server.stop());
    }
    await Promise.all(stops);
    await Promise.all(
      results.map((r, i) =>
        step(r, async () => {
          if (s.cases[i]?.expect === "no-boot") return;
          r.fixed = await builtCli(["fix", "--config", ...r.config, "--har", r.har, "--write"]);
          r.text = r.config.map((f) => readFileSync(f, "utf8")).join("\n");
        }),
      ),
    );
    const fixing = (i: number) => (s.cases[i]?.expect ?? "fixed") === "fixed";
    const patched = await Promise.all(
      results.map((r, i) =>
        r.error === undefined && fixing(i)
          ? start(r.dir, r.port, s.cases[i] as PythonCase).catch(failed(r))
          : null,
      ),
    );
    for (const [i, r] of results.entries()) {
      const c = s.cases[i] as PythonCase;
      if (!fixing(i)) continue;
      await step(r, async () => {
        r.after = await b.runPage(`http://127.0.0.1:${r.port}`, c.calls);
      });
      await patched[i]?.stop();
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  describe.skipIf(!s.installed)(s.title, () => {
    s.cases.forEach((c, index) => {
      it(c.name, async () => {
        const r = results[index] as Result;
        // The files are patched by now: check reads the original texts (same names, another folder:
        // MIDDLEWARE names a middleware by its module).
        const originalFiles = () => {
          const origin = (browser as Browser).pageOrigin;
          const dir = join(r.dir, "original");
          mkdirSync(dir, { recursive: true });
          const texts: Record<string, string> = { [s.file]: c.text, ...c.files };
          return (c.config ?? [s.file]).map((n) => {
            writeFileSync(join(dir, n), (texts[n] ?? "").replaceAll("{{ORIGIN}}", origin));
            return join(dir, n);
          });
        };
        if ((c.rootAt ?? c.rootText) !== undefined && r.error === undefined && c.expect !== "no-boot") {
          const originals = originalFiles();
          await checkNamesRootWithHar(c, originals, originals[0] as string, r.har);
        }
        if (c.check) {
          const originals = originalFiles();
          const checked = await cli("check", "--config", ...originals, "--format", "json");
          const findings = JSON.parse(checked.out).findings as Array<{ code: string; line: number }>;
          for (const want of [c.check, ...(c.checks ?? [])])
            expect(findings).toContainEqual(expect.objectContaining(want));
        }
        if (r.error !== undefined) throw r.error;
        if (c.expect === "no-boot") {
          expect(r.refused, "the server refuses the file").toContain(c.said ?? "");
          return;
        }
        const before = r.before as Page;
        expect(
          before.outcomes.some((o) => !o.allowed),
          "Chromium blocks a call of the broken file",
        ).toBe(true);
        if (c.expect === "cannot") {
          // No patch is printed or written: the reason is said instead.
          expect(r.fixed?.status, `${r.fixed?.stderr}\n${r.text}`).toBe(1);
          expect(r.fixed?.stderr).toContain(c.said ?? "");
          // Every file passed to --config, as written before (settings.py and the case's others).
          const texts: Record<string, string> = { [s.file]: c.text, ...c.files };
          expect(r.text).toBe(
            (c.config ?? [s.file])
              .map((n) => (texts[n] ?? "").replaceAll("{{ORIGIN}}", (browser as Browser).pageOrigin))
              .join("\n"),
          );
          return;
        }
        expect(r.fixed?.status, `${r.fixed?.stderr}\n${r.text}`).toBe(0);
        // Idempotent: the patched file needs nothing more for the same evidence.
        const again = await cli("fix", "--config", ...r.config, "--har", r.har);
        expect(again.out, again.err).toBe("");
        const after = r.after as Page;
        for (const o of after.outcomes) expect(o.allowed, `${o.name}: ${o.error}\n${r.text}`).toBe(true);
        for (const call of c.calls) {
          const x = exchangeFor(after.report, after.urls.get(call.name) as string, call.method);
          expect(x?.verdict, call.name).toBe("allowed");
        }
      });
    });

    it("check reports nothing on correct files", async () => {
      for (const [i, text] of s.correct.entries()) {
        const file = join(scratch, `correct-${i}-${s.file}`);
        writeFileSync(file, text);
        const r = await cli("check", "--config", file);
        expect(r.code, r.out).toBe(0);
      }
    });
  });
}
