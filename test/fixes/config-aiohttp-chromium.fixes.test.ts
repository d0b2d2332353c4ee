/**
 * `cors-lens fix --config app.py` end to end: Debian's aiohttp 3.8 with aiohttp-cors 0.7.0 serves each
 * broken app (web.run_app); Chromium runs the page and CORS Lens's extension records it; the built CLI
 * patches the file with `--write`; the patched app starts and every call of the page passes in
 * Chromium. `check` names the planted problem's line where there is one. Apps aiohttp-cors refuses at
 * startup are started too (no browser): `check` names the line that raises, and the app really stops.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/run-cli";
import { AIOHTTP_CASES, AIOHTTP_CORRECT, AIOHTTP_DOES_NOT_START, lineOf, RUN } from "./config-aiohttp-cases";
import { HELD_OUT3_AIOHTTP } from "./config-heldout3-aiohttp";
import { HELD_OUT4_AIOHTTP } from "./config-heldout4-aiohttp";
import { HELD_OUT5_AIOHTTP } from "./config-heldout5-aiohttp";
import { HELD_OUT6_AIOHTTP } from "./config-heldout6-aiohttp";
import { HELD_OUT7_AIOHTTP } from "./config-heldout7-aiohttp";
import { HELD_OUT8_AIOHTTP } from "./config-heldout8-aiohttp";
import { HELD_OUT9_AIOHTTP } from "./config-heldout9-aiohttp";
import { HELD_OUT10_AIOHTTP } from "./config-heldout10-aiohttp";
import { HELD_OUT11_AIOHTTP } from "./config-heldout11-aiohttp";
import { HELD_OUT12_AIOHTTP } from "./config-heldout12-aiohttp";
import { HELD_OUT13_AIOHTTP } from "./config-heldout13-aiohttp";
import { HELD_OUT14_AIOHTTP } from "./config-heldout14-aiohttp";
import { HELD_OUT15_AIOHTTP } from "./config-heldout15-aiohttp";
import { HELD_OUT16_AIOHTTP } from "./config-heldout16-aiohttp";
import { HELD_OUT17_AIOHTTP } from "./config-heldout17-aiohttp";
import { HELD_OUT18_AIOHTTP } from "./config-heldout18-aiohttp";
import { HELD_OUT19_AIOHTTP } from "./config-heldout19-aiohttp";
import { HELD_OUT20_AIOHTTP } from "./config-heldout20-aiohttp";
import { pythonConfigSuite } from "./config-python-real";
import { debVersion } from "./harness";

const installed = debVersion("python3-aiohttp") !== null && debVersion("python3-aiohttp-cors") !== null;

pythonConfigSuite({
  title: "cors-lens fix --config on aiohttp apps (aiohttp-cors), proven in real Chromium",
  installed,
  file: "app.py",
  extra: { "run.py": RUN },
  serve: () => ["run.py"],
  // After the suite's own, issue #23's third to sixth never-seen measures (config-heldout{3,4,5,6}-aiohttp.ts).
  cases: [
    ...AIOHTTP_CASES,
    ...HELD_OUT3_AIOHTTP,
    ...HELD_OUT4_AIOHTTP,
    ...HELD_OUT5_AIOHTTP,
    ...HELD_OUT6_AIOHTTP,
    ...HELD_OUT7_AIOHTTP,
    ...HELD_OUT8_AIOHTTP,
    ...HELD_OUT9_AIOHTTP,
    ...HELD_OUT10_AIOHTTP,
    ...HELD_OUT11_AIOHTTP,
    ...HELD_OUT12_AIOHTTP,
    ...HELD_OUT13_AIOHTTP,
    ...HELD_OUT14_AIOHTTP,
    ...HELD_OUT15_AIOHTTP,
    ...HELD_OUT16_AIOHTTP,
    ...HELD_OUT17_AIOHTTP,
    ...HELD_OUT18_AIOHTTP,
    ...HELD_OUT19_AIOHTTP,
    ...HELD_OUT20_AIOHTTP,
  ].map((c) => ({
    name: c.name,
    text: c.app,
    calls: c.calls,
    ...(c.check ? { check: { code: c.check.code, line: lineOf(c.app, c.check.at) } } : {}),
    ...(c.expect ? { expect: c.expect, said: c.said } : {}),
  })),
  correct: AIOHTTP_CORRECT,
});

describe.skipIf(!installed)("aiohttp apps aiohttp-cors refuses at startup", () => {
  for (const c of AIOHTTP_DOES_NOT_START)
    it(c.name, async () => {
      const dir = mkdtempSync(join(tmpdir(), "cors-lens-aiohttp-start-"));
      try {
        const file = join(dir, "app.py");
        writeFileSync(file, c.app);
        const checked = await cli("check", "--config", file, "--format", "json");
        const findings = JSON.parse(checked.out).findings as Array<{ code: string; line: number }>;
        expect(findings).toContainEqual(
          expect.objectContaining({ code: "aiohttp-app-does-not-start", line: lineOf(c.app, c.at) }),
        );
        // The app module itself, imported as run.py does: aiohttp-cors raises while it is built.
        const run = spawnSync("/usr/bin/python3", ["-c", "import app"], {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
        });
        expect(run.status).not.toBe(0);
        expect(run.stderr).toMatch(c.raises);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
});
