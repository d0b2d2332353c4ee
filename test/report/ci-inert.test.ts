/** @vitest-environment happy-dom */
/**
 * Every output format is inert: hostile header values, URLs, methods and errors go through each
 * format of `cors-lens analyze` (text, json, sarif, junit, github), and the output is read as a
 * GitHub Actions log reads it: any line that starts with `::` after leading whitespace is a
 * workflow command (https://docs.github.com/actions/reference/workflow-commands-for-github-actions;
 * the runner splits on CR as well as LF). Only the commands we emit on purpose may appear, and no
 * raw control, C1 or bidi character.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { NO_PAINT, summarize } from "../../src/cli/summary";
import { toGithubAnnotations, toGithubSummary, toJunit, toSarif } from "../../src/report/ci-formats";
import { exportHar } from "../../src/report/har-export";
import { buildReport } from "../../src/report/report";
import { runCli } from "../cli/run-cli";
import { exchange, h, PAGE } from "../engine/build";
import { propertyBudget } from "../property";

/** Workflow commands, ESC (terminal sequences), BEL, a bidi override and isolate, C1 NEL and CSI, LS. */
const EVIL =
  "a\n::add-mask::hunter2\r\n::stop-commands::tok\n  ::error title=pwn::owned\r::warning::w\u001b]0;x\u0007\u202Eevil\u2066\u200E\u0085\u009b\u2028::notice::n";

const hostile = [
  // The Allow-Origin value in the cause's words and the fix.
  exchange({
    url: "http://127.0.0.1:8000/acao",
    response: { status: 200, headers: h("Access-Control-Allow-Origin", `https://x.example${EVIL}`) },
    error: "net::ERR_FAILED",
  }),
  // A request header name the preflight did not allow: in the title, the message and the fix.
  exchange({
    url: "http://127.0.0.1:8000/hdr",
    requestHeaders: h("Origin", PAGE, `x-${EVIL}`, "1"),
    preflight: {
      status: 204,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        "GET",
        "Access-Control-Request-Headers",
        `x-${EVIL}`,
      ),
      headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Headers", "content-type"),
    },
    response: null,
    error: "net::ERR_FAILED",
  }),
  // The URL and the method, on lines of their own in the text summary.
  exchange({
    url: `http://127.0.0.1:8000/u${EVIL}`,
    method: `${EVIL}`,
    response: { status: 200, headers: h("Content-Type", "text/plain") },
    error: "net::ERR_FAILED",
  }),
  // A warning (Vary: Origin missing) on a hostile URL.
  exchange({
    url: `http://127.0.0.1:8000/w?${EVIL}`,
    response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE) },
  }),
  // Failed without a recorded cause: the browser's error text is hostile too.
  exchange({
    url: `http://127.0.0.1:8000/f${EVIL}`,
    method: "PUT",
    requestHeaders: null as unknown as undefined,
    response: null,
    error: "net::ERR_FAILED",
  }),
  // A value that starts a line of the text summary (the request line) with `::`.
  exchange({
    url: "http://127.0.0.1:8000/m",
    method: "::add-mask::m",
    response: { status: 200, headers: h("Content-Type", "text/plain") },
    error: "net::ERR_FAILED",
  }),
  // A network error whose text is hostile.
  exchange({ url: "http://127.0.0.1:8000/n", response: null, error: `net::ERR_CONNECTION_RESET${EVIL}` }),
];

const dir = mkdtempSync(join(tmpdir(), "cors-lens-inert-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const har = join(dir, "hostile.har");
writeFileSync(har, JSON.stringify(exportHar(hostile, { includeSecrets: true })));

/** What the Actions runner would run: lines (split on CR, LF) that start with `::` once trimmed. */
function workflowCommands(log: string): string[] {
  return log.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith("::"));
}

/** The first character that would act on a log, a terminal or a bidi renderer (tab and LF aside). */
function rawUnsafe(text: string): string | null {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x9 || c === 0xa) continue;
    if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x61c ||
      c === 0x200e ||
      c === 0x200f ||
      (c >= 0x2028 && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    )
      return `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return null;
}

/** Our own annotations: error, warning or notice, with properties we write, nothing else. */
const OURS = /^::(error|warning|notice) (file=[^,:]*,)?title=[^:]*::[^\r\n]*$/;

describe("every output format is inert in a CI log", () => {
  it.each(["text", "json", "sarif", "junit", "github"])("--format %s", (format) => {
    const summaryFile = join(dir, `summary-${format}.md`);
    writeFileSync(summaryFile, "");
    const r = runCli({ GITHUB_STEP_SUMMARY: summaryFile }, "analyze", har, "--format", format);
    expect(r.code).toBe(1);
    const log = r.out + r.err;
    expect(log).toContain("hunter2"); // the values are shown, made harmless
    expect(log).toMatch(/1 unknown \(1 failed, cause not recorded\)/);
    const commands = workflowCommands(log);
    if (format === "github") {
      expect(commands.length).toBeGreaterThan(0);
      for (const c of commands) expect(c).toMatch(OURS);
      expect(commands.some((c) => /^\s*::(add-mask|stop-commands)/.test(c))).toBe(false);
      // The job summary (Markdown) is another text a reader trusts: inert too.
      const markdown = readFileSync(summaryFile, "utf8");
      expect(markdown).toContain("hunter2");
      expect(workflowCommands(markdown)).toEqual([]);
      expect(rawUnsafe(markdown)).toBeNull();
    } else expect(commands).toEqual([]);
    expect(rawUnsafe(log)).toBeNull();
  });

  it("in colour too, read with the colours stripped", () => {
    const r = runCli({}, "analyze", har, "--color");
    expect(r.out).toContain("\u001b[31m");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the SGR sequences the paint writes
    const plain = r.out.replace(/\u001b\[[0-9;]*m/g, "");
    expect(workflowCommands(plain)).toEqual([]);
    expect(rawUnsafe(plain)).toBeNull();
  });

  it("keeps the values in the machine formats: JSON and SARIF parse back, JUnit XML too", () => {
    const json = JSON.parse(runCli({}, "analyze", har, "--format", "json").out) as {
      exchanges: Array<{ url: string }>;
    };
    // Escaped as \uXXXX, not altered: the JSON holds the very URL.
    expect(json.exchanges.some((x) => x.url.includes("\u202Eevil"))).toBe(true);
    const sarif = JSON.parse(runCli({}, "analyze", har, "--format", "sarif").out) as { runs: unknown[] };
    expect(sarif.runs).toHaveLength(1);
    const xml = runCli({}, "analyze", har, "--format", "junit").out;
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    expect(doc.getElementsByTagName("testcase").length).toBe(hostile.length);
    // Shown visibly in the test case names: the marks, not the characters.
    const names = [...doc.getElementsByTagName("testcase")].map((c) => c.getAttribute("name") ?? "");
    expect(names.some((n) => n.includes("⟨U+202E⟩evil"))).toBe(true);
  });

  // 150 reports in every format: 0.75 s at load 6 (5 ms each).
  const MIXES = propertyBudget(150, 50);
  it(
    "holds for any mix of line breaks, colons, controls and bidi characters (fast-check)",
    () => {
      const piece = fc.constantFrom(
        "\n",
        "\r",
        "\r\n",
        ":",
        "::",
        "::add-mask::",
        "::error::",
        " ",
        "\t",
        "%",
        "`",
        "<",
        "&",
        "]]>",
        "\u001b[2J",
        "\u0007",
        "\u202e",
        "\u2066",
        "\u200e",
        "\u061c",
        "\u0085",
        "\u009b",
        "\u2028",
        "\u2029",
        "\u007f",
        "\ud800",
        "a",
        "é",
        "世",
      );
      const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
      fc.assert(
        fc.property(text, text, text, text, (value, name, path, error) => {
          const xs = [
            exchange({
              url: `http://127.0.0.1:8000/a${path}`,
              response: {
                status: 200,
                headers: h("Access-Control-Allow-Origin", `https://x.example${value}`),
              },
              error: "net::ERR_FAILED",
            }),
            exchange({
              url: `http://127.0.0.1:8000/b${path}`,
              method: `P${name}`,
              requestHeaders: h("Origin", PAGE, `x-${name}`, value),
              preflight: {
                status: 204,
                requestHeaders: h(
                  "Origin",
                  PAGE,
                  "Access-Control-Request-Method",
                  "PUT",
                  "Access-Control-Request-Headers",
                  `x-${name}`,
                ),
                headers: h(
                  "Access-Control-Allow-Origin",
                  PAGE,
                  "Access-Control-Allow-Methods",
                  `PUT${value}`,
                ),
              },
              response: null,
              error: "net::ERR_FAILED",
            }),
            exchange({
              url: `http://127.0.0.1:8000/c${path}`,
              response: null,
              error: `net::ERR_FAILED${error}`,
            }),
          ].map((x, i) => ({ ...x, id: `p${i}` }));
          const report = buildReport(xs, { kind: "har", file: `f${name}.har` }, { includeSecrets: true });
          const outputs = [
            summarize(report, { stack: null, paint: NO_PAINT, notes: [value] }).join("\n"),
            toSarif(report),
            toJunit(report),
            toGithubSummary([report]),
          ];
          for (const out of outputs) {
            expect(workflowCommands(out)).toEqual([]);
            expect(rawUnsafe(out)).toBeNull();
          }
          const annotations = toGithubAnnotations([report]);
          for (const c of workflowCommands(annotations)) expect(c).toMatch(OURS);
          expect(rawUnsafe(annotations)).toBeNull();
        }),
        MIXES.params,
      );
    },
    MIXES.timeout,
  );
});
