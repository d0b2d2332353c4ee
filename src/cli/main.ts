#!/usr/bin/env node
/**
 * `cors-lens analyze FILE.har`: the extension's diagnosis for HAR files, in a terminal or in CI.
 * Exit 0: nothing blocked; 1: something blocked (or warned, with --fail-on warning); 2: unreadable
 * input, with a one-line message and never a stack trace. `cors-lens probe` asks an API itself
 * (`./probe-command.ts`).
 */
import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { type BrowserName, type Fix, SERVER_STACKS } from "../engine";
import { analyzeHar, HarError } from "../report/analyze-har";
import { toGithubAnnotations, toJunit, toSarif } from "../report/ci-formats";
import type { ReportDocument, ReportExchange } from "../report/report";
import { visibleText } from "../report/safe-text";
import { VERSION } from "../report/version";
import { nodeSend } from "./probe";
import { PROBE_USAGE, runProbe } from "./probe-command";
import { ansiPaint, NO_PAINT, summarize } from "./summary";

const USAGE = `Usage: cors-lens analyze FILE.har... [options]   (- reads stdin)
       cors-lens probe URL --origin ORIGIN [options]   (cors-lens probe --help)

Options:
  --format text|json|sarif|junit|github
                            the summary (default), the report document (docs/report-format.md),
                            SARIF 2.1.0 (code scanning), JUnit XML (one test case per request), or
                            GitHub Actions annotations
  --json                    the same as --format json
  -o, --output FILE         write there instead of to stdout
  --browser chromium|firefox  whose rules and names to apply (default: the browser that recorded the HAR)
  --stack NAME              show fixes for this server stack (default: the one detected from the
                            responses, else plain headers); with --format json, only this stack's
                            fixes are kept: ${SERVER_STACKS.join(", ")}
  --no-fixes                leave the fixes out (a much smaller --format json)
  --quiet                   blocked requests only: no warnings, no notes
  --fail-on blocked|warning exit 1 on blocked requests (default) or also on warnings
  --max-warnings N          exit 1 when more than N requests have warnings
  --include-secrets         keep Cookie, Authorization and similar values in --json output
  --color, --no-color       force colours on or off (default: on a terminal; NO_COLOR, FORCE_COLOR)
  -h, --help                this help
  -v, --version             the version`;

class UsageError extends Error {}

type Format = "text" | "json" | "sarif" | "junit" | "github";
const FORMATS: readonly Format[] = ["text", "json", "sarif", "junit", "github"];

interface Options {
  files: string[];
  format: Format;
  output: string | null;
  browser: BrowserName | undefined;
  stack: string | null;
  failOn: "blocked" | "warning";
  maxWarnings: number | null;
  quiet: boolean;
  fixes: boolean;
  color: boolean | null;
  includeSecrets: boolean;
}

function parseArguments(argv: string[]): Options | "help" | "version" {
  const [command, ...rest] = argv;
  if (command === "-h" || command === "--help") return "help";
  if (command === "-v" || command === "--version") return "version";
  if (command !== "analyze")
    throw new UsageError(
      command
        ? `unknown command "${command}" (try: cors-lens analyze FILE.har, or cors-lens probe URL --origin ORIGIN)`
        : "missing command (try: cors-lens analyze FILE.har)",
    );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        json: { type: "boolean" },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        browser: { type: "string" },
        stack: { type: "string" },
        "fail-on": { type: "string" },
        "max-warnings": { type: "string" },
        quiet: { type: "boolean" },
        "no-fixes": { type: "boolean" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        "include-secrets": { type: "boolean" },
      },
    });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "bad arguments";
    throw new UsageError(
      /^Unknown option '([^']+)'/.test(message)
        ? `unknown option ${/'([^']+)'/.exec(message)?.[1]}`
        : message,
    );
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return "help";
  if (v.version) return "version";
  const format = v.json ? "json" : typeof v.format === "string" ? v.format : "text";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be ${FORMATS.join(", ")}, not "${format}"`);
  const browser = typeof v.browser === "string" ? v.browser : undefined;
  if (browser !== undefined && browser !== "chromium" && browser !== "firefox")
    throw new UsageError(`--browser must be chromium or firefox, not "${browser}"`);
  const stack = typeof v.stack === "string" ? v.stack : null;
  if (stack !== null && !(SERVER_STACKS as string[]).includes(stack))
    throw new UsageError(`unknown stack "${stack}" (one of: ${SERVER_STACKS.join(", ")})`);
  const failOn = typeof v["fail-on"] === "string" ? v["fail-on"] : "blocked";
  if (failOn !== "blocked" && failOn !== "warning")
    throw new UsageError(`--fail-on must be blocked or warning, not "${failOn}"`);
  const maxWarnings = typeof v["max-warnings"] === "string" ? Number(v["max-warnings"]) : null;
  if (maxWarnings !== null && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
    throw new UsageError("--max-warnings must be a whole number of at least 0");
  if (parsed.positionals.length === 0) throw new UsageError("missing HAR file (cors-lens analyze FILE.har)");
  return {
    files: parsed.positionals,
    format: format as Format,
    output: typeof v.output === "string" ? v.output : null,
    browser,
    stack,
    failOn,
    maxWarnings,
    quiet: v.quiet === true,
    fixes: v["no-fixes"] !== true,
    color: v["no-color"] ? false : v.color ? true : null,
    includeSecrets: v["include-secrets"] === true,
  };
}

function readInput(file: string): string {
  try {
    if (file === "-") return readFileSync(0, "utf8");
    if (statSync(file).isDirectory()) throw new HarError(`${file} is a directory`);
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof HarError) throw error;
    const code = (error as { code?: string }).code;
    throw new HarError(
      code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file} (${code ?? String(error)})`,
    );
  }
}

/**
 * An error message echoes the file's own bytes (JSON.parse quotes them): on one line, at most 200
 * characters, nothing a terminal would act on.
 */
function oneLine(text: string): string {
  const shown = visibleText(text);
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}

/**
 * The report as `JSON.stringify(report, null, 2)` would print it, an exchange at a time: one string
 * for the whole document passes V8's string limit (~512 MB) past some 50,000 blocked exchanges.
 */
export function writeReportJson(report: ReportDocument, out: (s: string) => void): void {
  const { exchanges, ...head } = report;
  const opening = JSON.stringify(head, null, 2);
  out(`${opening.slice(0, -2)},\n  "exchanges": [`);
  exchanges.forEach((x, i) => {
    const text = JSON.stringify(x, null, 2).replace(/\n/g, "\n    ");
    out(`${i === 0 ? "" : ","}\n    ${text}`);
  });
  out(exchanges.length === 0 ? "]\n}\n" : "\n  ]\n}\n");
}

/** The report without its fixes (`--no-fixes`): the causes and findings as they are. */
function withoutFixes(report: ReportDocument): ReportDocument {
  return {
    ...report,
    exchanges: report.exchanges.map((x) => ({
      ...x,
      causes: x.causes.map((c) => ({ ...c, fixes: [] })),
      findings: x.findings.map(({ fixes: _fixes, ...f }) => f),
    })),
  };
}

/** `--stack` with `--format json`: each cause keeps that stack's fix (and the page-side one) only. */
function onlyStack(report: ReportDocument, stack: string): ReportDocument {
  // Fix lists are shared between exchanges: each is narrowed once.
  const narrowed = new Map<readonly Fix[], Fix[]>();
  const narrow = (fixes: readonly Fix[]) => {
    let kept = narrowed.get(fixes);
    if (!kept) {
      kept = fixes.filter((f) => f.stack === stack || f.stack === "client");
      narrowed.set(fixes, kept);
    }
    return kept;
  };
  return {
    ...report,
    exchanges: report.exchanges.map((x) => ({
      ...x,
      causes: x.causes.map((c) => ({ ...c, fixes: narrow(c.fixes) })),
      findings: x.findings.map((f) => (f.fixes ? { ...f, fixes: narrow(f.fixes) } : f)),
    })),
  };
}

const warned = (x: ReportExchange) => x.findings.some((f) => f.severity !== "info");

export function run(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
): number {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(argv);
  } catch (error) {
    err(`cors-lens: ${oneLine((error as Error).message)}\n`);
    return 2;
  }
  if (options === "help") {
    out(`${USAGE}\n`);
    return 0;
  }
  if (options === "version") {
    out(`${VERSION}\n`);
    return 0;
  }
  let code = 0;
  const analyzed: Array<{ file: string; report: ReportDocument; notes: string[] }> = [];
  for (const file of options.files) {
    const name = file === "-" ? "(stdin)" : file;
    try {
      const { report, notes } = analyzeHar(readInput(file), file === "-" ? "stdin" : basename(file), {
        ...(options.browser ? { browser: options.browser } : {}),
        includeSecrets: options.includeSecrets,
      });
      if (report.exchanges.every((x) => x.verdict === "not-cors"))
        notes.push("no cross-origin request in this HAR: nothing to check (recorded on the right page?).");
      const kept = !options.fixes
        ? withoutFixes(report)
        : options.stack !== null && options.format === "json"
          ? onlyStack(report, options.stack)
          : report;
      analyzed.push({ file, report: kept, notes });
    } catch (error) {
      code = 2;
      err(
        error instanceof HarError
          ? `cors-lens: ${oneLine(name)}: ${oneLine(error.message)}\n`
          : `cors-lens: ${oneLine(name)}: could not analyze (${oneLine(error instanceof Error ? error.message : String(error))})\n`,
      );
    }
  }
  if (analyzed.length === 0) return 2;
  // Written as it is produced: a large report never sits in memory whole (nor in one string).
  let fd: number | null = null;
  if (options.output !== null) {
    try {
      fd = openSync(options.output, "w");
    } catch (error) {
      err(
        `cors-lens: cannot write ${oneLine(options.output)} (${(error as { code?: string }).code ?? "error"})\n`,
      );
      return 2;
    }
  }
  const sink = fd === null ? out : (t: string) => void writeSync(fd as number, t);
  const reports = analyzed.map((a) => a.report);
  const paint = (options.color ?? color) ? ansiPaint() : NO_PAINT;
  try {
    if (options.format === "json") {
      if (reports.length === 1) writeReportJson(reports[0] as ReportDocument, sink);
      else {
        sink("[\n");
        reports.forEach((r, i) => {
          if (i > 0) sink(",\n");
          writeReportJson(r, sink);
        });
        sink("]\n");
      }
    } else if (options.format === "sarif") sink(toSarif(reports, options.stack));
    else if (options.format === "junit") sink(toJunit(reports, options.stack));
    else if (options.format === "github") sink(toGithubAnnotations(reports, options.stack, options.quiet));
    else {
      for (const a of analyzed)
        sink(
          `${summarize(a.report, { stack: options.stack, paint, notes: options.quiet ? [] : a.notes, quiet: options.quiet }).join("\n")}\n\n`,
        );
      const all = reports.flatMap((r) => r.exchanges);
      const blocked = all.filter((x) => x.verdict === "blocked").length;
      const line = `${blocked > 0 ? "✖" : "✔"} ${analyzed.length} file${analyzed.length === 1 ? "" : "s"}, ${all.length} requests: ${blocked} blocked, ${all.filter(warned).length} with warnings`;
      sink(`${blocked > 0 ? paint.red(line) : paint.green(line)}\n`);
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (code !== 0) return code;
  const all = reports.flatMap((r) => r.exchanges);
  const blocked = all.some((x) => x.verdict === "blocked");
  const warnings = all.filter(warned).length;
  const tooManyWarnings = options.maxWarnings !== null && warnings > options.maxWarnings;
  return blocked || (options.failOn === "warning" && warnings > 0) || tooManyWarnings ? 1 : 0;
}

/** Every command: `probe` goes to the network (only when the user runs it), the rest is `run`. */
export async function runCli(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
): Promise<number> {
  if (argv[0] !== "probe") return run(argv, out, err, color);
  if (argv.includes("-h") || argv.includes("--help")) {
    out(`${PROBE_USAGE}\n`);
    return 0;
  }
  return runProbe(argv.slice(1), nodeSend, out, err, color);
}

const invokedDirectly =
  typeof process !== "undefined" &&
  process.argv[1] !== undefined &&
  /cors-lens(\.mjs)?$|main\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  // A report of hundreds of MB written to a pipe would otherwise queue in memory (libuv writes pipes
  // asynchronously when the reader lags): blocking writes keep the peak at the report's own size.
  (process.stdout as unknown as { _handle?: { setBlocking?(on: boolean): void } })._handle?.setBlocking?.(
    true,
  );
  // NO_COLOR (no-color.org) wins; FORCE_COLOR turns colours on where there is no terminal (CI logs).
  const force = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0";
  const color = !("NO_COLOR" in process.env) && (force || process.stdout.isTTY === true);
  void runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    color,
  ).then((code) => {
    process.exitCode = code;
  });
}
