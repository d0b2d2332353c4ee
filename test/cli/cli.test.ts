import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { importHar, parseHar } from "../../src/capture/har-import";
import { diagnose } from "../../src/engine";
import { exportHar } from "../../src/report/har-export";
import type { ReportDocument } from "../../src/report/report";
import { recorded, SCENARIOS } from "../fixtures/scenarios";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "cors-lens-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const cli = (...argv: string[]) => runCli({}, ...argv);

const observed = SCENARIOS.map((s, i) => ({
  ...recorded(s, "chromium"),
  id: `s${i}`,
  startedAt: 1_700_000_000_000 + i * 10,
}));
const harText = JSON.stringify(exportHar(observed, { includeSecrets: true }));
/** A HAR as Chromium DevTools writes one, around the given entries. */
function devtoolsHar(entries: unknown[]) {
  return { log: { version: "1.2", creator: { name: "WebInspector" }, entries } };
}
/** One hand-made entry: a cross-origin request from http://localhost:5173 and its response. */
function entry(request: { method: string; url: string }, response: object, time = 1) {
  return {
    startedDateTime: "2026-12-01T10:00:00.000Z",
    time,
    request: { ...request, headers: [{ name: "Origin", value: "http://localhost:5173" }] },
    response,
  };
}

describe("HAR round trip", () => {
  it("reads back the exchanges it exported, with the same verdicts and causes", () => {
    const back = importHar(JSON.parse(harText));
    expect(back.recordedBy).toBe("chromium");
    expect(back.exchanges).toHaveLength(observed.length);
    // A HAR has no field for the fetch mode or redirect mode a script asked for: exchanges that
    // know them only from such a field cannot come back with them.
    const statedModes = new Set(
      observed.filter((x) => x.mode !== "unknown" || x.redirectMode).map((x) => x.startedAt),
    );
    const verdicts = (xs: typeof observed) =>
      xs
        .filter((x) => !statedModes.has(x.startedAt))
        .map((x) => `${x.url} ${diagnose(x).verdict} ${diagnose(x).causes[0]?.code ?? ""}`)
        .sort();
    expect(verdicts(back.exchanges)).toEqual(verdicts(observed));
    expect(statedModes.size).toBeLessThanOrEqual(4);
  });
});

describe("cors-lens analyze", () => {
  it("prints a summary grouped by cause and exits 1 when something is blocked", () => {
    const r = cli("analyze", file("lab.har", harText), "--stack", "express");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✖ \d+ × Wildcard origin with credentials/);
    expect(r.out).toContain("Fix (Express (cors package)):");
    expect(r.out).toContain(
      "If your project does not have cors yet (the app stops at start-up without it): npm install cors",
    );
    expect(r.err).toBe("");
  });

  it("prints the JSON report with --json", () => {
    const r = cli("analyze", file("lab2.har", harText), "--json");
    const report = JSON.parse(r.out);
    expect(report.format).toBe("cors-lens-report");
    expect(report.source).toEqual({ kind: "har", file: "lab2.har" });
  });

  it("exits 0 when nothing is blocked, and 1 on warnings with --fail-on warning", () => {
    const allowed = SCENARIOS.filter((s) => s.verdict === "allowed").map((s, i) => ({
      ...recorded(s, "chromium"),
      id: `a${i}`,
    }));
    const path = file("ok.har", JSON.stringify(exportHar(allowed)));
    expect(cli("analyze", path).code).toBe(0);
    expect(cli("analyze", path, "--fail-on", "warning").code).toBe(1);
  });

  it.each([
    ["a missing file", ["analyze", join(dir, "nope.har")], /no such file/],
    ["not JSON", ["analyze", "__not_json__"], /not JSON/],
    ["truncated JSON", ["analyze", "__truncated__"], /truncated JSON/],
    ["JSON that is not a HAR", ["analyze", "__not_har__"], /not a HAR file/],
    ["an empty file", ["analyze", "__empty__"], /empty file/],
    ["binary junk", ["analyze", "__binary__"], /not JSON/],
    ["an unknown option", ["analyze", "x.har", "--frobnicate"], /unknown option/],
    ["a bad --browser", ["analyze", "x.har", "--browser", "safari"], /chromium or firefox/],
  ])("exits 2 with a one-line message on %s", (_name, argv, message) => {
    const inputs: Record<string, string> = {
      __not_json__: file("a.har", "hello"),
      __truncated__: file("b.har", harText.slice(0, 5000)),
      __not_har__: file("c.har", '{"foo": 1}'),
      __empty__: file("d.har", ""),
      __binary__: file("e.har", "\u0000\u00ff\u0001PK\u0003\u0004"),
    };
    const r = cli(...argv.map((a) => inputs[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("gives a clean verdict, never a crash, on entries of the wrong shape", () => {
    const junk = fc.sample(fc.anything(), 200);
    const har = devtoolsHar([...junk, ...JSON.parse(harText).log.entries.slice(0, 5)]);
    const r = cli("analyze", file("junk.har", JSON.stringify(har)));
    // The five real entries are the first scenario's, a blocked GET without Access-Control-Allow-Origin.
    expect(SCENARIOS[0]?.verdict).toBe("blocked");
    expect(r.code).toBe(1);
    expect(r.out).toContain("were not usable requests and were skipped");
  });

  it("says plainly when the HAR has no preflight entries", () => {
    const har = JSON.parse(harText);
    har.log.entries = har.log.entries.filter(
      (e: { _resourceType: string }) => e._resourceType !== "preflight",
    );
    const r = cli("analyze", file("nopf.har", JSON.stringify(har)));
    expect(r.out).toContain("no preflight (OPTIONS) entries");
    expect(parseHar(JSON.stringify(har)).hasPreflights).toBe(false);
  });

  it("handles huge header values", () => {
    const har = JSON.parse(harText);
    har.log.entries[0].response.headers.push({ name: "X-Huge", value: "x".repeat(2_000_000) });
    expect(cli("analyze", file("huge.har", JSON.stringify(har))).code).toBe(1);
  });

  it("reads a HAR that starts with a byte order mark", () => {
    const r = cli("analyze", file("bom.har", `\ufeff${harText}`));
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
  });

  it("keeps the file when one redirect's target is not a URL, and says which entry it was", () => {
    const har = devtoolsHar([
      entry(
        { method: "GET", url: "http://127.0.0.1:8000/a" },
        { status: 302, headers: [{ name: "Location", value: "http://[" }], redirectURL: "http://[" },
        5,
      ),
      ...JSON.parse(harText).log.entries.slice(0, 5),
    ]);
    const r = cli("analyze", file("bad-redirect.har", JSON.stringify(har)));
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(r.out).toMatch(
      /entry 1 \(GET http:\/\/127\.0\.0\.1:8000\/a\) redirects to "http:\/\/\[", which is not a URL/,
    );
    expect(importHar(har).exchanges.some((x) => x.url === "http://127.0.0.1:8000/a")).toBe(true);
  });
});

describe("a 300 with a Location in a HAR", () => {
  // Both browsers end the request at a 300 (lab scenario status-300-with-location): it is the answer,
  // not a redirect whose target the file lacks.
  it("is the response: allowed when it allows the page", () => {
    const har = devtoolsHar([
      entry(
        { method: "GET", url: "http://127.0.0.1:8000/choices" },
        {
          status: 300,
          headers: [
            { name: "Location", value: "/choices?final=1" },
            { name: "Access-Control-Allow-Origin", value: "http://localhost:5173" },
          ],
          redirectURL: "/choices?final=1",
        },
      ),
    ]);
    const x = importHar(har).exchanges.find((e) => e.url === "http://127.0.0.1:8000/choices");
    expect(x?.hops).toHaveLength(1);
    expect(x && diagnose(x).verdict).toBe("allowed");
  });
});

describe("golden outputs", () => {
  // A fixed HAR (the golden scenarios, exported with fixed times): the summary and the JSON report
  // are compared with files kept in the repo; a change to either shows up as a diff in review.
  const fixed = SCENARIOS.map((s, i) => ({
    ...recorded(s, "chromium"),
    id: `g${i}`,
    startedAt: Date.UTC(2026, 10, 27, 12, 0, i),
  }));
  const path = file("golden.har", JSON.stringify(exportHar(fixed, { includeSecrets: true })));

  it("text summary", async () => {
    const r = cli("analyze", path, "--stack", "nginx");
    await expect(r.out.replaceAll(dir, "<dir>")).toMatchFileSnapshot("golden/summary.txt");
  });

  // The report's format, on one exchange of each kind (what each cause and finding says, and its
  // fix, is checked code by code in test/engine/explanations.test.ts): a response-stage block with a
  // page-side fix, a preflight block with a finding that has fixes, an allowed exchange with a
  // finding, one blocked by something else than CORS, and a network error with no server fix.
  const FORMAT = new Set([
    "ACAO * with the session cookie (seed: Django middleware)",
    "preflight answered 401 by the auth layer",
    "echoed origin without Vary",
    "blocked by an ad blocker",
    "connection refused",
  ]);
  const formatPath = file(
    "format.har",
    JSON.stringify(
      exportHar(
        fixed.filter((_, i) => FORMAT.has(SCENARIOS[i]?.name ?? "")),
        { includeSecrets: true },
      ),
    ),
  );

  it("--json report", async () => {
    expect(FORMAT.size).toBe(SCENARIOS.filter((s) => FORMAT.has(s.name)).length);
    const r = cli("analyze", formatPath, "--json");
    await expect(r.out).toMatchFileSnapshot("golden/report.json");
  });
});

describe("the terminal", () => {
  it("prints no escape sequence or bidi override from a HAR, and errors on one line", () => {
    const evil = "http://127.0.0.1:8000/\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u202Eexe.txt";
    const har = devtoolsHar([
      entry({ method: "GET\u001b[31m", url: evil }, { status: 200, headers: [], _error: "net::ERR_FAILED" }),
    ]);
    const r = cli("analyze", file("evil.har", JSON.stringify(har)));
    expect(r.code).toBe(1);
    for (const raw of ["\u001b", "\u0007", "\u202e"]) expect(r.out.includes(raw)).toBe(false);
    expect(r.out).toContain("⟨U+202E⟩exe.txt");
    const bad = cli("analyze", file("evil.txt", "\u001b[2J\nnot\njson"));
    expect(bad.code).toBe(2);
    expect(bad.err.includes("\u001b")).toBe(false);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("--json at any size", () => {
  it("prints the format-2 file an exchange at a time, one line each", async () => {
    const { writeReportFile, toReportFile } = await import("../../src/report/report-file");
    const { buildReport } = await import("../../src/report/report");
    for (const xs of [observed, [], observed.slice(0, 1)]) {
      const report = buildReport(xs, { kind: "har", file: "x.har" });
      let text = "";
      writeReportFile(report, (s) => (text += s));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toReportFile(report))));
      const lines = text.split("\n");
      for (const x of report.exchanges)
        expect(lines.filter((l) => l.includes(`"id":"${x.id}"`))).toHaveLength(1);
    }
  });
});

describe("CI conventions (eslint's)", () => {
  const blockedHar = () => file("one.har", harText);
  it("takes several files, --opt=value, -o FILE, and ends with one summary line", () => {
    const out = join(dir, "out.txt");
    const r = cli("analyze", blockedHar(), file("two.har", harText), "--format=text", "-o", out);
    expect(r.out).toBe("");
    const text = readFileSync(out, "utf8");
    expect(text.match(/^CORS Lens — /gm)?.length).toBe(2);
    expect(text.trimEnd().split("\n").at(-1)).toMatch(
      /^✖ 2 files, \d+ requests: \d+ blocked, \d+ unknown \(\d+ failed, cause not recorded\), \d+ with warnings$/,
    );
    expect(r.code).toBe(1);
  });

  it("--quiet leaves warnings out, --no-fixes the fixes, --max-warnings sets the exit code", () => {
    const quiet = cli("analyze", blockedHar(), "--quiet");
    expect(quiet.out).not.toContain("Warnings");
    expect(quiet.out).not.toContain("note:");
    const bare = cli("analyze", blockedHar(), "--no-fixes", "--json");
    const report = JSON.parse(bare.out) as ReportDocument;
    expect(report.exchanges.flatMap((x) => x.causes.flatMap((c) => c.fixes))).toEqual([]);
    expect(bare.out.length).toBeLessThan(cli("analyze", blockedHar(), "--json").out.length / 3);
    const okHar = file("ok.har", JSON.stringify(devtoolsHar([])));
    expect(cli("analyze", okHar, "--max-warnings", "0").code).toBe(0);
    expect(cli("analyze", blockedHar(), "--max-warnings", "-1").code).toBe(2);
  });

  it("says when a HAR holds no cross-origin request at all", () => {
    const r = cli("analyze", file("empty-log.har", JSON.stringify(devtoolsHar([]))));
    expect(r.out).toContain("note: no cross-origin request in this HAR: nothing to check");
    expect(r.code).toBe(0);
  });

  it("--format github prints one-line annotations with the fix's first line, the whole fix in the job summary", () => {
    const summary = join(dir, "step-summary.md");
    writeFileSync(summary, "");
    const r = cli("analyze", blockedHar(), "--format", "github");
    const withSummary = runCli(
      { GITHUB_STEP_SUMMARY: summary },
      "analyze",
      blockedHar(),
      "--format",
      "github",
    );
    expect(withSummary.out).toBe(r.out);
    const lines = r.out.trimEnd().split("\n");
    const commands = lines.slice(0, -2);
    expect(commands.every((l) => /^::(error|warning) file=one\.har,title=CORS [a-z-]+%3A /.test(l))).toBe(
      true,
    );
    expect(commands.filter((l) => l.startsWith("::error")).length).toBeGreaterThan(10);
    // One line each: the cause and "Fix (…): <first line>", never the snippet's other lines.
    expect(r.out).not.toContain("%0A");
    const header = commands.find((l) => l.includes("title=CORS header-not-allowed%3A "));
    expect(header).toContain("Fix (");
    expect(header).toContain("the whole fix is in the job summary");
    expect(lines.at(-2)).toMatch(
      /^::notice title=CORS Lens::Record with cors-lens\/playwright's lens\.har\(\)/,
    );
    expect(lines.at(-1)).toMatch(
      /^✖ 1 file, \d+ requests: \d+ blocked, \d+ unknown \(\d+ failed, cause not recorded\)/,
    );
    const markdown = readFileSync(summary, "utf8");
    expect(markdown).toContain("## CORS Lens");
    expect(markdown).toContain("### Request header not allowed by the preflight (header-not-allowed)");
    // The whole fix: its last line too.
    expect(markdown).toContain("Access-Control-Allow-Headers:");
  });
});

describe("unknown is not success", () => {
  // As Playwright's recordHar writes a request the browser failed: status -1, no response headers,
  // `_failureText` (playwright-core's HarTracer `_onRequestFailed`).
  const failed = (method: string, url: string) => ({
    ...entry({ method, url }, { status: -1, headers: [], _failureText: "net::ERR_FAILED" }),
  });
  const playwrightHar = file(
    "playwright.har",
    JSON.stringify({
      log: {
        version: "1.2",
        creator: { name: "Playwright", version: "1.57.0" },
        browser: { name: "chromium", version: "156" },
        entries: [
          failed("GET", "http://127.0.0.1:8000/a"),
          failed("PUT", "http://127.0.0.1:8000/b"),
          entry(
            { method: "GET", url: "http://127.0.0.1:8000/c" },
            {
              status: 200,
              headers: [
                { name: "Access-Control-Allow-Origin", value: "http://localhost:5173" },
                { name: "Vary", value: "Origin" },
              ],
            },
          ),
        ],
      },
    }),
  );
  const counts = "1 file, 3 requests: 0 blocked, 2 unknown (2 failed, cause not recorded), 0 with warnings";

  it("fails --fail-on blocked (the default) on requests that failed without a recorded cause, and says how to record one", () => {
    const r = cli("analyze", playwrightHar);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(`✖ ${counts}`);
    expect(lines.at(-2)).toMatch(/lens\.har\(\), Chrome DevTools' "Export HAR".*--allow-unknown/);
    expect(r.out).toContain("✖ 2 × failed, cause not recorded — 127.0.0.1:8000");
    expect(r.out).toContain("The browser reported net::ERR_FAILED");
    expect(r.out).not.toContain("Nothing blocked by CORS");
    expect(cli("analyze", playwrightHar, "--fail-on", "warning").code).toBe(1);
    const allowed = cli("analyze", playwrightHar, "--allow-unknown");
    expect(allowed.code).toBe(0);
    expect(allowed.out.trimEnd().split("\n").at(-1)).toBe(`✔ ${counts}`);
  });

  it.each(["json", "sarif", "junit", "github"])(
    "--format %s: the counts in the log's last line, the same exit code",
    (format) => {
      const r = cli("analyze", playwrightHar, "--format", format);
      expect(r.code).toBe(1);
      // A document on stdout stays whole; its counts end the log (stderr), or the output itself.
      const log = format === "github" ? r.out : r.err;
      expect(log.trimEnd().split("\n").at(-1)).toBe(`✖ ${counts}`);
      expect(cli("analyze", playwrightHar, "--format", format, "--allow-unknown").code).toBe(0);
      const out = join(dir, `out.${format}`);
      const toFile = cli("analyze", playwrightHar, "--format", format, "-o", out);
      expect(toFile.out.trimEnd().split("\n").at(-1)).toBe(`✖ ${counts}`);
    },
  );

  it("SARIF and JUnit carry the failures as errors, warnings with --allow-unknown", () => {
    const sarif = (...more: string[]) =>
      JSON.parse(cli("analyze", playwrightHar, "--format", "sarif", ...more).out) as {
        runs: Array<{ results: Array<{ ruleId: string; level: string }> }>;
      };
    const levels = (s: ReturnType<typeof sarif>) =>
      s.runs[0]?.results.filter((r) => r.ruleId === "cause-not-recorded").map((r) => r.level);
    expect(levels(sarif())).toEqual(["error", "error"]);
    expect(levels(sarif("--allow-unknown"))).toEqual(["warning", "warning"]);
    const junit = cli("analyze", playwrightHar, "--format", "junit").out;
    expect(junit).toMatch(/<testsuites name="CORS Lens" tests="3" failures="2" skipped="0">/);
    expect(junit.match(/<failure [^>]*type="cause-not-recorded"/g)).toHaveLength(2);
    expect(cli("analyze", playwrightHar, "--format", "junit", "--allow-unknown").out).toMatch(
      /tests="3" failures="0" skipped="2"/,
    );
  });

  it("JUnit to a file: read once, the counts written into the room left in the opening tags", () => {
    const out = join(dir, "room.xml");
    const lab = file("room-lab.har", harText);
    expect(cli("analyze", playwrightHar, lab, "--format", "junit", "-o", out).code).toBe(1);
    const written = readFileSync(out, "utf8");
    const piped = cli("analyze", playwrightHar, lab, "--format", "junit").out;
    // The same document, but for white space before the opening tags' `>` (XML 1.0 §3.1 [40]).
    expect(written.replace(/ +>\n/g, ">\n")).toBe(piped);
    expect(written).toMatch(/<testsuites name="CORS Lens" tests="\d+" failures="\d+" skipped="\d+" +>\n/);
    expect(
      written.match(/<testsuite name="[^"]*" tests="\d+" failures="\d+" skipped="\d+" +>\n/g),
    ).toHaveLength(2);
  });
});

describe("the built command", () => {
  const bin = join(import.meta.dirname, "../../dist/cli/cors-lens.mjs");
  it.skipIf(!existsSync(bin))(
    "reads a HAR from stdin (-), and FORCE_COLOR colours a pipe",
    () => {
      const r = spawnSync(process.execPath, [bin, "analyze", "-"], {
        input: harText,
        encoding: "utf8",
        env: { ...process.env, FORCE_COLOR: "1", NO_COLOR: undefined },
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("CORS Lens — stdin");
      expect(r.stdout).toContain("\u001b[31m");
      const plain = spawnSync(process.execPath, [bin, "analyze", "-", "--no-color"], {
        input: harText,
        encoding: "utf8",
      });
      expect(plain.stdout).not.toContain("\u001b[");
      // A budget for starting Node twice on a loaded machine, not a speed goal.
    },
    60_000,
  );
  it.skipIf(!existsSync(bin))(
    "a reader that closes the pipe early (`| head -c 1`): no crash, the run's own exit status",
    () => {
      // The shell's `head` closes the pipe after one byte; PIPESTATUS keeps the CLI's status.
      const r = spawnSync(
        "bash",
        [
          "-c",
          `"${process.execPath}" "${bin}" analyze - --format junit | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`,
        ],
        { input: manyEntries(harText, 200), encoding: "utf8", maxBuffer: 2 ** 28 },
      );
      expect(r.stderr).not.toContain("EPIPE");
      expect(r.stdout).toContain("status=1");
    },
    60_000,
  );
});

/** The HAR with its entries repeated: an output of megabytes, still being written when the reader goes. */
function manyEntries(har: string, times: number): string {
  const doc = JSON.parse(har) as { log: { entries: unknown[] } };
  doc.log.entries = Array.from({ length: times }, () => doc.log.entries).flat();
  return JSON.stringify(doc);
}
