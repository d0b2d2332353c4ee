/**
 * `cors-lens fix --config app.py` end to end: Debian's Flask 2.2 with flask-cors 3.0.10
 * (the development server) serves each broken app; Chromium runs the page and CORS Lens's extension records it; the built CLI
 * (`node dist/cli/cors-lens.mjs`) patches the file with `--write`; the patched app starts and every
 * call of the page passes in Chromium. `check` names the planted problem's line where there is one.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { observedFromReport } from "../../src/report/report";
import { FLASK_CASES, FLASK_CORRECT, RUN } from "./config-flask-cases";
import { Browser, debVersion, exchangeFor, freePort, type Running, startProcess } from "./harness";

const installed = debVersion("python3-flask") !== null && debVersion("python3-flask-cors") !== null;
const CLI = join(process.cwd(), "dist/cli/cors-lens.mjs");

function cors(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "C" },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function start(dir: string, port: number): Promise<Running> {
  return startProcess("/usr/bin/python3", ["run.py"], port, {
    cwd: dir,
    env: { PORT: String(port), PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: dir },
  });
}

const scratch = mkdtempSync(join(tmpdir(), "cors-lens-flask-"));
let browser: Browser | null = null;

beforeAll(async () => {
  if (installed) browser = await Browser.launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!installed)("cors-lens fix --config on Flask apps, proven in real Chromium", () => {
  FLASK_CASES.forEach((c, index) => {
    it(c.name, async () => {
      const b = browser as Browser;
      const dir = join(scratch, `case-${index}`);
      mkdirSync(dir, { recursive: true });
      const settings = join(dir, "app.py");
      writeFileSync(settings, c.app.replaceAll("{{ORIGIN}}", b.pageOrigin));
      writeFileSync(join(dir, "run.py"), RUN);
      if (c.check) {
        const checked = cors("check", "--config", settings, "--format", "json");
        const findings = JSON.parse(checked.out).findings as Array<{ code: string; line: number }>;
        expect(findings).toContainEqual(expect.objectContaining(c.check));
      }
      const port = await freePort();
      const api = `http://127.0.0.1:${port}`;
      let server: Running | null = await start(dir, port);
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
        const fixed = cors("fix", "--config", settings, "--har", har, "--write");
        const text = readFileSync(settings, "utf8");
        expect(fixed.code, `${fixed.err}\n${text}`).toBe(0);
        // Idempotent: the patched file needs nothing more for the same evidence.
        const again = cors("fix", "--config", settings, "--har", har);
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

  it("check reports nothing on correct apps", () => {
    FLASK_CORRECT.forEach((text, i) => {
      const file = join(scratch, `correct-${i}.py`);
      writeFileSync(file, text);
      const r = cors("check", "--config", file);
      expect(r.code, r.out).toBe(0);
    });
  });
});
