#!/usr/bin/env node
/**
 * `cors-lens analyze FILE.har`: the extension's diagnosis for HAR files, in a terminal or in CI.
 * Exit 0: nothing blocked; 1: something blocked (or warned, with --fail-on warning); 2: unreadable
 * input, with a one-line message and never a stack trace. `cors-lens probe` asks an API itself
 * (`./probe-command.ts`).
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { type BrowserName, SERVER_STACKS } from "../engine";
import { analyzeHar, HarError } from "../report/analyze-har";
import { toJunit, toSarif } from "../report/ci-formats";
import type { ReportDocument } from "../report/report";
import { visibleText } from "../report/safe-text";
import { VERSION } from "../report/version";
import { nodeSend } from "./probe";
import { PROBE_USAGE, runProbe } from "./probe-command";
import { ansiPaint, NO_PAINT, summarize } from "./summary";

const USAGE = `Usage: cors-lens analyze FILE.har [options]
       cors-lens probe URL --origin ORIGIN [options]   (cors-lens probe --help)

Options:
  --format text|json|sarif|junit  the summary (default), the report document (docs/report-format.md),
                            SARIF 2.1.0 (code scanning) or JUnit XML (one test case per request)
  --json                    the same as --format json
  --browser chromium|firefox  whose rules and names to apply (default: the browser that recorded the HAR)
  --stack NAME              show fixes for this server stack (default: the one detected from the
                            responses, else plain headers): ${SERVER_STACKS.join(", ")}
  --fail-on blocked|warning exit 1 on blocked requests (default) or also on warnings
  --include-secrets         keep Cookie, Authorization and similar values in --json output
  -h, --help                this help
  -v, --version             the version`;

class UsageError extends Error {}

type Format = "text" | "json" | "sarif" | "junit";

interface Options {
  file: string;
  format: Format;
  browser: BrowserName | undefined;
  stack: string | null;
  failOn: "blocked" | "warning";
  includeSecrets: boolean;
}

function parseArgs(argv: string[]): Options | "help" | "version" {
  if (argv.includes("-h") || argv.includes("--help")) return "help";
  if (argv.includes("-v") || argv.includes("--version")) return "version";
  const [command, ...rest] = argv;
  if (command !== "analyze")
    throw new UsageError(
      command
        ? `unknown command "${command}" (try: cors-lens analyze FILE.har, or cors-lens probe URL --origin ORIGIN)`
        : "missing command (try: cors-lens analyze FILE.har)",
    );
  const options: Options = {
    file: "",
    format: "text",
    browser: undefined,
    stack: null,
    failOn: "blocked",
    includeSecrets: false,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--json") options.format = "json";
    else if (arg === "--format" || arg.startsWith("--format=")) {
      const f = arg.startsWith("--format=") ? arg.slice(9) : value();
      if (f !== "text" && f !== "json" && f !== "sarif" && f !== "junit")
        throw new UsageError(`--format must be text, json, sarif or junit, not "${f}"`);
      options.format = f;
    } else if (arg === "--include-secrets") options.includeSecrets = true;
    else if (arg === "--browser") {
      const b = value();
      if (b !== "chromium" && b !== "firefox")
        throw new UsageError(`--browser must be chromium or firefox, not "${b}"`);
      options.browser = b;
    } else if (arg === "--stack") {
      const s = value();
      if (!(SERVER_STACKS as string[]).includes(s))
        throw new UsageError(`unknown stack "${s}" (one of: ${SERVER_STACKS.join(", ")})`);
      options.stack = s;
    } else if (arg === "--fail-on") {
      const f = value();
      if (f !== "blocked" && f !== "warning")
        throw new UsageError(`--fail-on must be blocked or warning, not "${f}"`);
      options.failOn = f;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else if (options.file === "") options.file = arg;
    else throw new UsageError(`one HAR file at a time (got "${options.file}" and "${arg}")`);
  }
  if (options.file === "") throw new UsageError("missing HAR file (cors-lens analyze FILE.har)");
  return options;
}

function readInput(file: string): string {
  try {
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

export function run(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
): number {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
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
  try {
    const { report, notes } = analyzeHar(readInput(options.file), basename(options.file), {
      ...(options.browser ? { browser: options.browser } : {}),
      includeSecrets: options.includeSecrets,
    });
    if (options.format === "json") writeReportJson(report, out);
    else if (options.format === "sarif") out(toSarif(report, options.stack));
    else if (options.format === "junit") out(toJunit(report, options.stack));
    else
      out(
        `${summarize(report, { stack: options.stack, paint: color ? ansiPaint() : NO_PAINT, notes }).join("\n")}\n`,
      );
    const blocked = report.exchanges.some((x) => x.verdict === "blocked");
    const warned = report.exchanges.some((x) => x.findings.some((f) => f.severity !== "info"));
    return blocked || (options.failOn === "warning" && warned) ? 1 : 0;
  } catch (error) {
    if (error instanceof HarError) {
      err(`cors-lens: ${oneLine(options.file)}: ${oneLine(error.message)}\n`);
      return 2;
    }
    err(
      `cors-lens: ${oneLine(options.file)}: could not analyze (${oneLine(error instanceof Error ? error.message : String(error))})\n`,
    );
    return 2;
  }
}

const invokedDirectly =
  typeof process !== "undefined" &&
  process.argv[1] !== undefined &&
  /cors-lens(\.mjs)?$|main\.(ts|js|mjs)$/.test(process.argv[1]);
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

if (invokedDirectly) {
  const color = process.stdout.isTTY === true && !("NO_COLOR" in process.env);
  void runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    color,
  ).then((code) => {
    process.exitCode = code;
  });
}
