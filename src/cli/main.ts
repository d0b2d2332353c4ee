#!/usr/bin/env node

import { appendFileSync, closeSync, openSync, writeSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { type BrowserName, type Fix, SERVER_STACKS } from "../engine";
/**
 * `cors-lens analyze FILE.har`: the extension's diagnosis for HAR files, in a terminal or in CI.
 * Exit 0: nothing blocked; 1: something blocked, or a cross-origin request failed whose cause the HAR
 * did not record (unless --allow-unknown), or warned (with --fail-on warning); 2: unreadable input,
 * with a one-line message and never a stack trace. `cors-lens probe` asks an API itself
 * (`./probe-command.ts`).
 */
import { isLang, type Lang, pickLang, translator } from "../i18n";
import { WordedError } from "../i18n/worded-error";
import { bareFailure, HarError, type HarOpening, openHarDocument } from "../report/analyze-har";
import {
  countExchange,
  emptyTally,
  failsGate,
  GithubSummary,
  type ReportInput,
  type Tally,
  toSarif,
  totalsLine,
  writeGithubAnnotations,
  writeJunit,
} from "../report/ci-formats";
import type { ReportExchange, ReportStream } from "../report/report";
import { writeReportFile } from "../report/report-file";
import { inertLine, visibleText } from "../report/safe-text";
import { VERSION } from "../report/version";
import { readDocument } from "./har-file";
import { nodeSend } from "./probe";
import { runProbe } from "./probe-command";
import { ansiPaint, NO_PAINT, summarize } from "./summary";

/** Environment variables the CLI reads (the language); tests pass their own. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The language: `--lang` wins, then the POSIX locale variables in their order of precedence
 * (LC_ALL, LC_MESSAGES, LANG); English when none names a language CORS Lens speaks.
 */
export function cliLang(argv: readonly string[], env: Env): Lang | { bad: string } {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (at >= 0) {
    const arg = argv[at] as string;
    const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : (argv[at + 1] ?? "");
    return isLang(value) ? value : { bad: value };
  }
  return pickLang(env.LC_ALL, env.LC_MESSAGES, env.LANG);
}

/** A bad argument to `cors-lens analyze`. */
export class UsageError extends WordedError {}

type Format = "text" | "json" | "sarif" | "junit" | "github";
const FORMATS: readonly Format[] = ["text", "json", "sarif", "junit", "github"];

interface Options {
  files: string[];
  format: Format;
  output: string | null;
  browser: BrowserName | undefined;
  stack: string | null;
  failOn: "blocked" | "warning";
  /** Requests that failed with no recorded cause do not fail the run. */
  allowUnknown: boolean;
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
    throw command
      ? new UsageError("cli.error.unknown-command", { command })
      : new UsageError("cli.error.missing-command");
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
        "allow-unknown": { type: "boolean" },
        "max-warnings": { type: "string" },
        quiet: { type: "boolean" },
        "no-fixes": { type: "boolean" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        "include-secrets": { type: "boolean" },
        lang: { type: "string" },
      },
    });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "bad arguments";
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    // Node's own words otherwise (an option missing its value): they quote the option as typed.
    throw unknown ? new UsageError("cli.error.unknown-option", { option: unknown[1] }) : new Error(message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return "help";
  if (v.version) return "version";
  const format = v.json ? "json" : typeof v.format === "string" ? v.format : "text";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError("cli.error.format", { formats: FORMATS.join(", "), format });
  const browser = typeof v.browser === "string" ? v.browser : undefined;
  if (browser !== undefined && browser !== "chromium" && browser !== "firefox")
    throw new UsageError("cli.error.browser", { browser });
  const stack = typeof v.stack === "string" ? v.stack : null;
  if (stack !== null && !(SERVER_STACKS as string[]).includes(stack))
    throw new UsageError("cli.error.stack", { stack, stacks: SERVER_STACKS.join(", ") });
  const failOn = typeof v["fail-on"] === "string" ? v["fail-on"] : "blocked";
  if (failOn !== "blocked" && failOn !== "warning")
    throw new UsageError("cli.error.fail-on", { value: failOn });
  const maxWarnings = typeof v["max-warnings"] === "string" ? Number(v["max-warnings"]) : null;
  if (maxWarnings !== null && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
    throw new UsageError("cli.error.max-warnings");
  if (parsed.positionals.length === 0) throw new UsageError("cli.error.missing-file");
  return {
    files: parsed.positionals,
    format: format as Format,
    output: typeof v.output === "string" ? v.output : null,
    browser,
    stack,
    failOn,
    allowUnknown: v["allow-unknown"] === true,
    maxWarnings,
    quiet: v.quiet === true,
    fixes: v["no-fixes"] !== true,
    color: v["no-color"] ? false : v.color ? true : null,
    includeSecrets: v["include-secrets"] === true,
  };
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
 * `--stack` with `--format json`: each cause keeps that stack's fix (and the page-side one) only.
 * Fix lists are shared between exchanges: each is narrowed once.
 */
function onlyStack(stack: string): (x: ReportExchange) => ReportExchange {
  const narrowed = new Map<readonly Fix[], Fix[]>();
  const narrow = (fixes: readonly Fix[]) => {
    let kept = narrowed.get(fixes);
    if (!kept) {
      kept = fixes.filter((f) => f.stack === stack || f.stack === "client");
      narrowed.set(fixes, kept);
    }
    return kept;
  };
  return (x) => ({
    ...x,
    causes: x.causes.map((c) => ({ ...c, fixes: narrow(c.fixes) })),
    findings: x.findings.map((f) => (f.fixes ? { ...f, fixes: narrow(f.fixes) } : f)),
  });
}

/**
 * The report's exchanges as they are built, each changed by `each`, counted on the way and shown to
 * `tap` (what a format's notes or the job summary count).
 */
function* counted(
  report: ReportStream,
  each: ((x: ReportExchange) => ReportExchange) | null,
  counts: Tally,
  tap?: (x: ReportExchange) => void,
): Generator<ReportExchange> {
  for (const built of report.exchanges()) {
    const x = each ? each(built) : built;
    countExchange(counts, x);
    tap?.(x);
    yield x;
  }
}

export function run(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
  env: Env = {},
): number {
  const chosen = cliLang(argv, env);
  const lang: Lang = typeof chosen === "string" ? chosen : "en";
  const t = translator(lang);
  if (typeof chosen !== "string") {
    err(`cors-lens: ${oneLine(t("cli.error.lang", { lang: chosen.bad }))}\n`);
    return 2;
  }
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(argv);
  } catch (error) {
    const message = error instanceof UsageError ? error.in(t) : (error as Error).message;
    err(`cors-lens: ${oneLine(message)}\n`);
    return 2;
  }
  if (options === "help") {
    out(`${t("cli.usage", { stacks: SERVER_STACKS.join(", ") })}\n`);
    return 0;
  }
  if (options === "version") {
    out(`${VERSION}\n`);
    return 0;
  }
  let code = 0;
  const opened: Array<{ file: string; opening: HarOpening }> = [];
  for (const file of options.files) {
    const name = file === "-" ? "(stdin)" : file;
    try {
      const opening = openHarDocument(readDocument(file), file === "-" ? "stdin" : basename(file), {
        ...(options.browser ? { browser: options.browser } : {}),
        includeSecrets: options.includeSecrets,
        lang,
        fixes: options.fixes,
      });
      opened.push({ file, opening });
    } catch (error) {
      code = 2;
      err(
        error instanceof HarError
          ? `cors-lens: ${oneLine(name)}: ${oneLine(error.in(t))}\n`
          : `cors-lens: ${oneLine(name)}: ${oneLine(t("cli.error.could-not-analyze", { error: error instanceof Error ? error.message : String(error) }))}\n`,
      );
    }
  }
  if (opened.length === 0) return 2;
  // Written as it is produced: a large report never sits in memory whole (nor in one string).
  let fd: number | null = null;
  if (options.output !== null) {
    try {
      fd = openSync(options.output, "w");
    } catch (error) {
      err(
        `cors-lens: ${oneLine(t("cli.error.cannot-write", { file: options.output, code: (error as { code?: string }).code ?? "error" }))}\n`,
      );
      return 2;
    }
  }
  const { sink, flush } = buffered(fd === null ? out : (t: string) => void writeSync(fd as number, t));
  const paint = (options.color ?? color) ? ansiPaint() : NO_PAINT;
  const ci = { allowUnknown: options.allowUnknown, quiet: options.quiet };
  // Every format reads the exchanges once, as each is diagnosed, and counts them on the way: what it
  // keeps is per endpoint or group (SARIF results, the summaries' groups), never the exchanges.
  const counts = emptyTally(opened.length);
  const reportOf = (
    { opening }: (typeof opened)[number],
    tap?: (x: ReportExchange) => void,
  ): ReportInput => ({
    ...opening.report.head,
    exchanges: counted(opening.report, null, counts, tap),
  });
  const fills: Array<{ at: number; text: string }> = [];
  try {
    if (options.format === "json") {
      const each = options.fixes && options.stack !== null ? onlyStack(options.stack) : null;
      const write = (r: ReportStream) =>
        writeReportFile({ ...r.head, exchanges: counted(r, each, counts) }, sink);
      if (opened.length === 1) write((opened[0] as (typeof opened)[number]).opening.report);
      else {
        sink("[\n");
        opened.forEach(({ opening }, i) => {
          if (i > 0) sink(",\n");
          write(opening.report);
        });
        sink("]\n");
      }
    } else if (options.format === "sarif")
      sink(
        toSarif(
          opened.map((o) => reportOf(o)),
          options.stack,
          ci,
        ),
      );
    else if (options.format === "junit") {
      // Written to a file of our own, the counts that open each suite go into room left for them once
      // the suite is read (writeJunit `later`); to a pipe, each file's exchanges are held to count first.
      let written = 0;
      const later =
        fd === null
          ? undefined
          : (width: number) => {
              const at = written;
              written += width;
              sink(" ".repeat(width));
              return (text: string) => void fills.push({ at, text: text.padEnd(width) });
            };
      const counting = (s: string) => {
        written += Buffer.byteLength(s);
        sink(s);
      };
      writeJunit(
        opened.map((o) => reportOf(o)),
        options.stack,
        ci,
        later ? counting : sink,
        later,
      );
    } else if (options.format === "github") {
      // The whole fix goes to the job summary (the annotations hold its first line only), built from
      // the same pass.
      const summaryFile = env.GITHUB_STEP_SUMMARY;
      const summary = summaryFile ? new GithubSummary(options.stack, ci) : null;
      const reports = opened.map((o) => {
        summary?.report(o.opening.report.head);
        return reportOf(o, summary ? (x) => summary.add(x) : undefined);
      });
      writeGithubAnnotations(reports, options.stack, options.quiet, ci, sink);
      if (summaryFile && summary) {
        try {
          appendFileSync(summaryFile, summary.text());
        } catch (error) {
          err(
            `cors-lens: ${oneLine(t("cli.error.cannot-write", { file: summaryFile, code: (error as { code?: string }).code ?? "error" }))}\n`,
          );
        }
      }
    } else {
      for (const o of opened) {
        // What the file's notes count, counted on the way.
        let all = 0;
        let notCors = 0;
        let bare = 0;
        const report = reportOf(o, (x) => {
          all++;
          if (x.verdict === "not-cors") notCors++;
          if (bareFailure(x)) bare++;
        });
        const notes = () => {
          if (options.quiet) return [];
          const said = o.opening.notes(bare);
          if (notCors === all) said.push(t("cli.note.no-cors"));
          return said;
        };
        const lines = summarize(report, {
          stack: options.stack,
          paint,
          notes,
          quiet: options.quiet,
          allowUnknown: options.allowUnknown,
          t,
        });
        sink(`${lines.join("\n")}\n\n`);
      }
      if (counts.unrecorded > 0) sink(`${paint.yellow(t("ci.unrecorded.hint"))}\n`);
      const line = totalsLine(t, counts, options.allowUnknown);
      sink(`${failsGate(counts, options.allowUnknown) ? paint.red(line) : paint.green(line)}\n`);
    }
  } finally {
    try {
      flush();
      // The JUnit counts, into the room left for them (every byte before them is written now).
      if (fd !== null) for (const { at, text } of fills) writeSync(fd, text, at);
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
  // A document on stdout keeps its format; its counts are the last line of the log all the same
  // (stderr, or stdout when the document went to a file). Text and annotations end with them.
  const ended = options.format === "text" || (options.format === "github" && fd === null);
  if (!ended) {
    const tell = fd === null ? err : out;
    if (counts.unrecorded > 0) tell(`${t("ci.unrecorded.hint")}\n`);
    tell(`${inertLine(totalsLine(t, counts, options.allowUnknown))}\n`);
  }
  if (code !== 0) return code;
  const tooManyWarnings = options.maxWarnings !== null && counts.warned > options.maxWarnings;
  const failed = failsGate(counts, options.allowUnknown);
  return failed || (options.failOn === "warning" && counts.warned > 0) || tooManyWarnings ? 1 : 0;
}

/**
 * A report's pieces (a line, a test case) joined into writes of about 1 MiB: a system call per piece
 * cost about a second on the 100 MB bench HAR's GitHub annotations.
 */
function buffered(write: (s: string) => void): { sink: (s: string) => void; flush: () => void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const text = parts.join("");
    parts = [];
    size = 0;
    write(text);
  };
  const sink = (s: string) => {
    parts.push(s);
    size += s.length;
    if (size >= 1 << 20) flush();
  };
  return { sink, flush };
}

/** Every command: `probe` goes to the network (only when the user runs it), the rest is `run`. */
export async function runCli(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
  env: Env = {},
): Promise<number> {
  if (argv[0] === "check" || argv[0] === "fix") {
    // `cors-lens check|fix --config …`: the server configuration (./config-command.ts).
    const chosen = cliLang(argv, env);
    if (typeof chosen !== "string") return run(argv, out, err, color, env);
    // Loaded only for these commands: the configuration readers (Babel's parser, tree-sitter) would
    // cost every `analyze` about 50 MB and their start-up.
    const { runConfigCommand } = await import("./config-command");
    return runConfigCommand(argv[0], argv.slice(1), out, err, chosen, nodeSend);
  }
  if (argv[0] !== "probe") return run(argv, out, err, color, env);
  const chosen = cliLang(argv, env);
  const lang: Lang = typeof chosen === "string" ? chosen : "en";
  if (typeof chosen !== "string") {
    err(`cors-lens probe: ${oneLine(translator(lang)("cli.error.lang", { lang: chosen.bad }))}\n`);
    return 2;
  }
  if (argv.includes("-h") || argv.includes("--help")) {
    out(`${translator(lang)("cli.probe-usage")}\n`);
    return 0;
  }
  return runProbe(argv.slice(1), nodeSend, out, err, color, lang);
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
  // The reader closed the pipe (`cors-lens check … | head -1`): what is left is not written, and the run
  // still ends with its own exit status (a pipeline with pipefail must not pass a failing page).
  let readerGone = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || readerGone) {
      readerGone = true;
      return;
    }
    throw e;
  });
  void runCli(
    process.argv.slice(2),
    (s) => {
      if (!readerGone) process.stdout.write(s);
    },
    (s) => process.stderr.write(s),
    color,
    process.env,
  ).then((code) => {
    process.exitCode = code;
  });
}
