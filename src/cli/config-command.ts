/**
 * `cors-lens check --config FILE…` and `cors-lens fix --config FILE… --har H`: the files are read
 * here (Node), everything else is the pure `src/config`. Exit 0 / 1 / 2 as the usage says.
 */
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { importHar } from "../capture/har-import";
import {
  ConfigError,
  type ConfigFile,
  checkConfig,
  type FixResult,
  fixConfig,
  fixDiff,
  prepareConfig,
  type Row,
  readConfig,
  type WasmName,
  type Words,
} from "../config";
import { declaresPackage, MANIFESTS, type NeededPackage, neededPackages } from "../config/packages";
import type { BrowserName } from "../engine";
import { type Lang, type Translate, translator } from "../i18n";
import { HarError } from "../report/analyze-har";
import { configGithub, configJunit, configSarif, type LineFinding } from "../report/ci-formats";
import { inertLine, visibleText } from "../report/safe-text";
import { readDocument } from "./har-file";
import { ProbeError, probe, type Send } from "./probe";
import { type ProbeOptions, ProbeUsageError, parseProbeArgs } from "./probe-command";

class Bad extends Error {}

/**
 * A grammar's wasm: next to the bundle (the CLI build copies them into dist/cli), or from
 * node_modules when run from the sources.
 */
async function wasmBytes(name: WasmName): Promise<Uint8Array> {
  const here = join(dirname(fileURLToPath(import.meta.url)), name);
  if (existsSync(here)) return readFile(here);
  const require = createRequire(import.meta.url);
  // tree-sitter-python.wasm is in the tree-sitter-python package, tree-sitter-ruby.wasm in tree-sitter-ruby.
  const path =
    name === "tree-sitter.wasm"
      ? require.resolve("web-tree-sitter/tree-sitter.wasm")
      : join(dirname(require.resolve(`${name.replace(/\.wasm$/, "")}/package.json`)), name);
  return readFile(path);
}

function oneLine(text: string): string {
  const shown = visibleText(text);
  return shown.length > 300 ? `${shown.slice(0, 300)}…` : shown;
}

interface Args {
  config: string[];
  har: string | null;
  /** `--url U --origin O …`: the evidence is one request, probed now as `cors-lens probe` sends it. */
  probe: ProbeOptions["request"] | null;
  write: boolean;
  format: "text" | "json" | "sarif" | "junit" | "github";
  browser: BrowserName;
  /** `check`: the findings that make the exit status 1 — any (`warning`, the default), or errors only. */
  failOn: "error" | "warning";
}

function parse(argv: string[], t: Translate, command: "check" | "fix"): Args | "help" {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        config: { type: "string", multiple: true },
        har: { type: "string" },
        write: { type: "boolean" },
        format: { type: "string" },
        json: { type: "boolean" },
        browser: { type: "string" },
        lang: { type: "string" },
        // The request to probe, as `cors-lens probe` takes it (validated by its parser).
        url: { type: "string" },
        origin: { type: "string" },
        method: { type: "string" },
        header: { type: "string", multiple: true },
        credentials: { type: "boolean" },
        timeout: { type: "string" },
        "fail-on": { type: "string" },
      },
    });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "bad arguments";
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new Bad(unknown ? t("config.cli.unknown-option", { option: unknown[1] }) : message);
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (v.help) return "help";
  // `--config a.conf b.conf`: the files after --config are positionals too.
  const config = [...((v.config as string[] | undefined) ?? []), ...parsed.positionals];
  if (config.length === 0) throw new Bad(t("config.cli.missing-config"));
  const format = v.json ? "json" : typeof v.format === "string" ? v.format : "text";
  // check writes every CI format analyze writes; fix writes its diff and table, or JSON.
  const formats = command === "check" ? ["text", "json", "sarif", "junit", "github"] : ["text", "json"];
  if (!formats.includes(format))
    throw new Bad(t(command === "check" ? "config.cli.check-format" : "config.cli.format", { format }));
  const failOn = typeof v["fail-on"] === "string" ? v["fail-on"] : "warning";
  if (command !== "check" && v["fail-on"] !== undefined)
    throw new Bad(t("config.cli.unknown-option", { option: "--fail-on" }));
  if (failOn !== "error" && failOn !== "warning") throw new Bad(t("config.cli.fail-on", { value: failOn }));
  const browser = typeof v.browser === "string" ? v.browser : "chromium";
  if (browser !== "chromium" && browser !== "firefox") throw new Bad(t("config.cli.browser", { browser }));
  // `check` sends nothing and changes nothing (a HAR it reads): an option of `fix` there is a mistake, said.
  const fixOnly = ["write", "url", "origin", "method", "header", "credentials", "timeout"].find(
    (k) => v[k] !== undefined,
  );
  if (command === "check" && fixOnly)
    throw new Bad(t("config.cli.check-no-evidence", { option: `--${fixOnly}` }));
  const har = typeof v.har === "string" ? v.har : null;
  const url = typeof v.url === "string" ? v.url : null;
  if (har !== null && url !== null) throw new Bad(t("config.cli.har-or-url"));
  const probeOnly = ["origin", "method", "header", "credentials", "timeout"].find((k) => v[k] !== undefined);
  if (url === null && probeOnly) throw new Bad(t("config.cli.needs-url", { option: `--${probeOnly}` }));
  let probeRequest: Args["probe"] = null;
  if (url !== null) {
    const argv: string[] = [url];
    for (const k of ["origin", "method", "timeout"])
      if (typeof v[k] === "string") argv.push(`--${k}`, v[k] as string);
    for (const h of (v.header as string[] | undefined) ?? []) argv.push("--header", h);
    if (v.credentials === true) argv.push("--credentials");
    try {
      probeRequest = parseProbeArgs(argv).request;
    } catch (error) {
      if (error instanceof ProbeUsageError) throw new Bad(error.in(t));
      throw error;
    }
  }
  return {
    config,
    har,
    probe: probeRequest,
    write: v.write === true,
    format: format as Args["format"],
    browser,
    failOn,
  };
}

function read(file: string, t: Translate): string {
  readable(file, t);
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw cannotRead(file, t, error);
  }
}

/** A file that is there and is not a folder, or the reason it cannot be read (exit 2). */
function readable(file: string, t: Translate): void {
  if (file === "-") return;
  try {
    if (statSync(file).isDirectory()) throw new Bad(t("config.cli.cannot-read", { file, code: "EISDIR" }));
  } catch (error) {
    throw cannotRead(file, t, error);
  }
}

function cannotRead(file: string, t: Translate, error: unknown): Bad {
  if (error instanceof Bad) return error;
  const code = (error as { code?: string }).code;
  return new Bad(
    code === "ENOENT"
      ? t("config.cli.no-such-file", { file })
      : t("config.cli.cannot-read", { file, code: code ?? String(error) }),
  );
}

const say = (t: Translate, w: Words) => t(w.key, w.params);

/** The recorded requests of a HAR, read 1 MiB at a time as `analyze` reads it (never held whole). */
function harExchanges(har: string, t: Translate): ReturnType<typeof importHar>["exchanges"] {
  try {
    readable(har, t);
    return importHar(readDocument(har)).exchanges;
  } catch (error) {
    if (error instanceof HarError) throw new Bad(t("config.cli.har", { file: har, error: error.in(t) }));
    throw error;
  }
}

function whyText(t: Translate, why: Words | string | null): string {
  if (why === null) return "";
  return typeof why === "string" ? why : say(t, why);
}

/** Rows alike beyond this many (same method, origin, credentials and verdicts) are counted, not listed. */
const ALIKE_SHOWN = 3;

function table(rows: readonly Row[], t: Translate): string[] {
  const verdict = (v: string) => t(`config.cli.verdict.${v}` as "config.cli.verdict.allowed");
  const out: string[] = [t("config.cli.table-head")];
  // A large HAR repeats one call on many paths: its rows past the first few become one count line
  // (`--format json` keeps every row).
  const alike = new Map<string, { first: Row; count: number }>();
  for (const r of rows) {
    const key = JSON.stringify([
      r.method,
      r.origin,
      r.credentials,
      r.recorded,
      r.before.verdict,
      r.before.cause,
      r.after.verdict,
      r.after.cause,
      whyText(t, r.after.unknown),
    ]);
    const group = alike.get(key) ?? { first: r, count: 0 };
    alike.set(key, group);
    if (++group.count > ALIKE_SHOWN) continue;
    const who = `${r.method} ${r.url} ← ${r.origin}${r.credentials === "include" ? ` (${t("config.cli.credentialed")})` : ""}`;
    const before = `${verdict(r.before.verdict)}${r.before.cause ? ` (${r.before.cause})` : ""}`;
    const after = `${verdict(r.after.verdict)}${r.after.cause ? ` (${r.after.cause})` : ""}`;
    out.push(oneLine(`${who} | ${r.recorded ? verdict(r.recorded) : "–"} | ${before} | ${after}`));
    if (r.after.verdict === "unknown" && r.after.unknown)
      out.push(oneLine(t("config.cli.unknown-why", { why: whyText(t, r.after.unknown) })));
    for (const a of r.after.assumed.slice(0, 1))
      out.push(oneLine(t("config.cli.assumed", { what: say(t, a) })));
  }
  for (const { first, count } of alike.values())
    if (count > ALIKE_SHOWN)
      out.push(
        oneLine(
          t("config.cli.alike", {
            count: count - ALIKE_SHOWN,
            request: `${first.method} ${first.url} ← ${first.origin}`,
          }),
        ),
      );
  return out;
}

/** A package the patch needs, and the dependency list beside the file that declares it, if any. */
type Need = NeededPackage & { declaredIn: string | null };

/**
 * Where the patched file's project declares its dependencies: every dependency list of the
 * package's ecosystem in the file's folder and the folders above it (a workspace declares for its
 * packages), and for npm a copy already installed in a node_modules there (Node finds it the same
 * way, https://nodejs.org/api/modules.html#loading-from-node_modules-folders).
 */
function declaredIn(need: NeededPackage): string | null {
  let dir = dirname(resolve(need.file));
  for (let depth = 0; depth < 12; depth++) {
    for (const name of MANIFESTS[need.ecosystem]) {
      const path = join(dir, name);
      try {
        if (statSync(path).isFile() && declaresPackage(name, readFileSync(path, "utf8"), need)) return path;
      } catch {
        // Not there, or not readable: as if not declared.
      }
    }
    const installed = join(dir, "node_modules", need.name, "package.json");
    if (need.ecosystem === "npm" && existsSync(installed)) return installed;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function needs(result: FixResult): Need[] {
  return neededPackages(result.files).map((n) => ({ ...n, declaredIn: declaredIn(n) }));
}

function fixJson(result: FixResult, t: Translate): string {
  const words = (w: Words | string | null) => whyText(t, w);
  return `${JSON.stringify(
    {
      format: result.format,
      ok: result.ok,
      edits: result.edits.map((e) => ({
        file: e.file,
        line: e.line,
        reason: say(t, e.why),
        code: e.why.key,
      })),
      diff: fixDiff(result),
      requests: result.rows.map((r) => ({
        ...r,
        before: {
          ...r.before,
          unknown: r.before.unknown === null ? null : words(r.before.unknown),
          assumed: r.before.assumed.map((a) => say(t, a)),
        },
        after: {
          ...r.after,
          unknown: r.after.unknown === null ? null : words(r.after.unknown),
          assumed: r.after.assumed.map((a) => say(t, a)),
        },
      })),
      cannot: result.cannot.map((c) => ({ id: c.id, reason: say(t, c.why) })),
      notes: result.notes.map((n) => say(t, n)),
      needs: needs(result),
    },
    null,
    2,
  )}\n`;
}

/**
 * `cors-lens check|fix …` (argv after the command name). `send` is the network, used only by
 * `fix --url` (the request probed now), never by `check` or `fix --har`.
 */
export async function runConfigCommand(
  command: "check" | "fix",
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang,
  send: Send | null = null,
): Promise<number> {
  const t = translator(lang);
  const prefix = `cors-lens ${command}`;
  try {
    const args = parse(argv, t, command);
    if (args === "help") {
      out(`${t("config.cli.usage")}\n`);
      return 0;
    }
    const files: ConfigFile[] = args.config.map((path) => ({ path, text: read(path, t) }));
    await prepareConfig(files, wasmBytes);
    if (command === "check") {
      const result = checkConfig(files, {
        browser: args.browser,
        ...(args.har === null ? {} : { evidence: harExchanges(args.har, t) }),
      });
      const errors = result.findings.filter((f) => f.severity === "error").length;
      const totals =
        result.findings.length === 0
          ? t("config.cli.check-clean", { count: files.length })
          : t("config.cli.check-totals", { errors, warnings: result.findings.length - errors });
      const lines: LineFinding[] = result.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        file: f.file,
        line: f.line,
        message: f.detail
          ? t("config.check.detail", { message: say(t, f.words), change: say(t, f.detail) })
          : say(t, f.words),
        ...(f.also ? { also: f.also } : {}),
      }));
      if (args.format === "sarif") {
        out(configSarif(lines, t));
        err(`${inertLine(totals)}\n`);
      } else if (args.format === "junit") {
        out(configJunit(lines, args.config, totals));
        err(`${inertLine(totals)}\n`);
      } else if (args.format === "github") out(configGithub(lines, totals, t));
      else if (args.format === "json") {
        out(
          `${JSON.stringify(
            {
              format: result.format,
              findings: lines.map((l, i) => {
                const detail = result.findings[i]?.detail;
                return { ...l, ...(detail ? { change: say(t, detail) } : {}) };
              }),
              notes: result.notes.map((n) => say(t, n)),
            },
            null,
            2,
          )}\n`,
        );
      } else {
        for (const f of lines)
          out(
            `${oneLine(`${f.file}:${f.line}: ${t(`config.cli.severity.${f.severity}`)} [${f.code}] ${f.message}`)}\n`,
          );
        for (const n of result.notes) out(`${oneLine(t("config.cli.note", { text: say(t, n) }))}\n`);
        out(`${totals}\n`);
      }
      // Warnings (a likely request refused, a guess from the code) fail the step unless
      // `--fail-on error` says only errors do.
      return (args.failOn === "error" ? errors : result.findings.length) === 0 ? 0 : 1;
    }
    let exchanges: ReturnType<typeof importHar>["exchanges"];
    let evidenceName: string;
    if (args.probe !== null) {
      if (send === null) throw new Bad(t("config.cli.missing-har"));
      // The configuration is read first: a file it cannot read is said before any request is sent.
      readConfig(files);
      try {
        exchanges = [await probe(args.probe, send, args.browser)];
      } catch (error) {
        if (error instanceof ProbeError) throw new Bad(t("config.cli.probe", { error: error.in(t) }));
        throw error;
      }
      evidenceName = args.probe.url;
    } else {
      if (args.har === null) throw new Bad(t("config.cli.missing-har"));
      exchanges = harExchanges(args.har, t);
      evidenceName = args.har;
    }
    const result = fixConfig(files, exchanges, { browser: args.browser, lang });
    if (args.format === "json") out(fixJson(result, t));
    else {
      const diff = fixDiff(result);
      if (!args.write) out(diff);
      const log = (s: string) => err(`${s}\n`);
      for (const n of result.notes) log(oneLine(t("config.cli.note", { text: say(t, n) })));
      // "Nothing to change" only when everything passes: a blocked request with no edit found is said so.
      const unseen = result.notes.some((n) => n.key === "config.note.recorded-blocked");
      if (diff === "")
        log(
          t(
            result.ok
              ? "config.cli.no-change"
              : unseen && result.cannot.length === 0
                ? "config.cli.no-edit-unseen"
                : "config.cli.no-edit",
          ),
        );
      for (const e of result.edits)
        log(oneLine(t("config.cli.edit", { file: e.file, line: e.line, why: say(t, e.why) })));
      // The patch imports a library the project does not declare: pasted as it is, the app would
      // not start. Said at the edit, and again with the verdict.
      const missing = needs(result).filter((n) => n.declaredIn === null);
      for (const n of missing)
        log(
          oneLine(
            t("config.cli.needs", {
              file: n.file,
              line: n.line,
              name: n.name,
              lists: MANIFESTS[n.ecosystem].join(", "),
              install: n.install,
            }),
          ),
        );
      const evidence = result.rows.filter((r) => r.source === "evidence");
      const standard = result.rows.filter((r) => r.source === "standard");
      log("");
      log(t("config.cli.table-evidence", { file: evidenceName }));
      for (const l of table(evidence, t)) log(l);
      if (standard.length > 0) {
        log("");
        log(t("config.cli.table-standard"));
        for (const l of table(standard, t)) log(l);
      }
      for (const c of result.cannot)
        log(oneLine(t("config.cli.cannot", { request: c.id, why: say(t, c.why) })));
      log("");
      if (missing.length > 0)
        log(oneLine(t("config.cli.install-first", { install: missing.map((n) => n.install).join(" && ") })));
      log(
        result.ok
          ? t("config.cli.fixed", { count: evidence.length, kept: standard.length })
          : t("config.cli.not-fixed"),
      );
    }
    if (args.write) {
      for (const f of result.files) {
        if (f.before === f.after) continue;
        try {
          copyFileSync(f.path, `${f.path}.orig`);
          writeFileSync(f.path, f.after);
        } catch (error) {
          throw new Bad(
            t("config.cli.cannot-write", {
              file: f.path,
              code: (error as { code?: string }).code ?? "error",
            }),
          );
        }
        err(`${t("config.cli.written", { file: f.path, orig: `${f.path}.orig` })}\n`);
      }
    }
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof Bad) {
      err(`${prefix}: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err(`${prefix}: ${oneLine(t(error.words.key, error.words.params))}\n`);
      return 2;
    }
    throw error;
  }
}
