/**
 * The Python config suites' one shape (Django, FastAPI, Flask): each broken project is written and
 * its server started up front, all at once (the page runs one case at a time in one Chromium); the
 * page's calls are recorded by the extension, the BUILT CLI (`node dist/cli/cors-lens.mjs`, its
 * grammar read from dist/cli) patches the file with `--write`, the patched project is started and
 * every call passes in Chromium. `check` and the idempotence run go through the CLI in process.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { observedFromReport } from "../../src/report/report";
import { cli } from "../cli/run-cli";
import { Browser, exchangeFor, freePort, type Running, startProcess } from "./harness";
import type { PageRequest } from "./page";

const BUILT = join(process.cwd(), "dist/cli/cors-lens.mjs");

export interface PythonCase {
  name: string;
  /** The file CORS Lens reads and patches ({{ORIGIN}}: the page's origin). */
  text: string;
  calls: PageRequest[];
  check?: { code: string; line: number };
}

export interface PythonSuite {
  title: string;
  installed: boolean;
  /** The file's name in the project (settings.py, app.py). */
  file: string;
  /** The project's other files. */
  extra: Record<string, string>;
  /** python3's arguments to serve the project on a port. */
  serve: (port: number) => string[];
  cases: PythonCase[];
  correct: string[];
}

export function pythonConfigSuite(s: PythonSuite): void {
  const scratch = mkdtempSync(join(tmpdir(), "cors-lens-python-config-"));
  let browser: Browser | null = null;
  const start = (dir: string, port: number): Promise<Running> =>
    startProcess("/usr/bin/python3", s.serve(port), port, {
      cwd: dir,
      env: { PORT: String(port), PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: dir },
    });
  const prepared: Array<{ dir: string; port: number; server: Promise<Running> }> = [];

  beforeAll(async () => {
    if (!s.installed) return;
    browser = await Browser.launch();
    const origin = browser.pageOrigin;
    for (const [i, c] of s.cases.entries()) {
      const dir = join(scratch, `case-${i}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, s.file), c.text.replaceAll("{{ORIGIN}}", origin));
      for (const [name, text] of Object.entries(s.extra)) writeFileSync(join(dir, name), text);
      const port = await freePort();
      const server = start(dir, port);
      // A start that fails is reported by its case.
      server.catch(() => undefined);
      prepared.push({ dir, port, server });
    }
  });
  afterAll(async () => {
    for (const p of prepared) await (await p.server.catch(() => null))?.stop();
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  describe.skipIf(!s.installed)(s.title, () => {
    s.cases.forEach((c, index) => {
      it(c.name, async () => {
        const b = browser as Browser;
        const { dir, port } = prepared[index] as (typeof prepared)[number];
        const file = join(dir, s.file);
        if (c.check) {
          const checked = await cli("check", "--config", file, "--format", "json");
          const findings = JSON.parse(checked.out).findings as Array<{ code: string; line: number }>;
          expect(findings).toContainEqual(expect.objectContaining(c.check));
        }
        const api = `http://127.0.0.1:${port}`;
        let server: Running | null = await (prepared[index] as (typeof prepared)[number]).server;
        try {
          const before = await b.runPage(api, c.calls);
          expect(
            before.outcomes.some((o) => !o.allowed),
            "Chromium blocks a call of the broken file",
          ).toBe(true);
          const exchanges = c.calls.map((call) =>
            exchangeFor(before.report, before.urls.get(call.name) as string, call.method),
          );
          expect(exchanges.every((x) => x !== undefined)).toBe(true);
          const har = join(dir, "chromium.har");
          writeFileSync(
            har,
            JSON.stringify(
              exportHar(
                exchanges.map((x) => observedFromReport(x as NonNullable<typeof x>, "chromium")),
                { includeSecrets: true },
              ),
            ),
          );
          await server.stop();
          server = null;
          const fixed = spawnSync(
            process.execPath,
            [BUILT, "fix", "--config", file, "--har", har, "--write"],
            {
              encoding: "utf8",
              env: { ...process.env, LANG: "C" },
            },
          );
          const text = readFileSync(file, "utf8");
          expect(fixed.status, `${fixed.stderr}\n${text}`).toBe(0);
          // Idempotent: the patched file needs nothing more for the same evidence.
          const again = await cli("fix", "--config", file, "--har", har);
          expect(again.out, again.err).toBe("");
          server = await start(dir, port);
          const after = await b.runPage(api, c.calls);
          for (const o of after.outcomes) expect(o.allowed, `${o.name}: ${o.error}\n${text}`).toBe(true);
          for (const call of c.calls) {
            const x = exchangeFor(after.report, after.urls.get(call.name) as string, call.method);
            expect(x?.verdict, call.name).toBe("allowed");
          }
        } finally {
          await server?.stop();
        }
      });
    });

    it("check reports nothing on correct files", async () => {
      for (const [i, text] of s.correct.entries()) {
        const file = join(scratch, `correct-${i}.py`);
        writeFileSync(file, text);
        const r = await cli("check", "--config", file);
        expect(r.code, r.out).toBe(0);
      }
    });
  });
}
