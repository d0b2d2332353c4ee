/**
 * `cors-lens probe URL --origin ORIGIN …`: the command around `probe()`. Exit 0 when `--expect` is
 * met (or, without it, when no browser blocks), 1 when not, 2 for bad input or no response.
 */
import { parseArgs } from "node:util";
import {
  type BrowserName,
  diagnose,
  evidenceRows,
  type HeaderList,
  originOf,
  SERVER_STACKS,
} from "../engine";
import { type Lang, type Translate, translator } from "../i18n";
import { WordedError } from "../i18n/worded-error";
import { toJunit, toSarif } from "../report/ci-formats";
import { buildReport, type ReportDocument } from "../report/report";
import { writeReportFile } from "../report/report-file";
import { visibleText } from "../report/safe-text";
import { ProbeError, type ProbeRequest, probe, type Send } from "./probe";
import { type SecurityFinding, securityProbe } from "./security";
import { ansiPaint, NO_PAINT, summarize } from "./summary";

/** A bad argument to `cors-lens probe`. */
export class ProbeUsageError extends WordedError {}

export interface ProbeOptions {
  request: ProbeRequest;
  browsers: BrowserName[];
  expect: "allowed" | "blocked" | null;
  format: "text" | "json" | "sarif" | "junit";
  stack: string | null;
  includeSecrets: boolean;
  security: boolean;
}

function headerArg(arg: string): [string, string] {
  const colon = arg.indexOf(":");
  const name = (colon < 0 ? arg : arg.slice(0, colon)).trim();
  const value = colon < 0 ? "x" : arg.slice(colon + 1).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new ProbeUsageError("probe.error.header-name", { name });
  return [name, value];
}

export function parseProbeArgs(argv: string[]): ProbeOptions {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        origin: { type: "string" },
        method: { type: "string" },
        header: { type: "string", multiple: true },
        credentials: { type: "boolean" },
        browser: { type: "string" },
        expect: { type: "string" },
        format: { type: "string" },
        stack: { type: "string" },
        timeout: { type: "string" },
        "include-secrets": { type: "boolean" },
        security: { type: "boolean" },
        lang: { type: "string" },
      },
    });
  } catch (error) {
    throw new ProbeUsageError(null, {}, (error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const [url, ...more] = parsed.positionals;
  if (url === undefined) throw new ProbeUsageError("probe.error.missing-url");
  if (more.length > 0) throw new ProbeUsageError("probe.error.one-url", { url, more: more[0] });
  if (originOf(url) === null) throw new ProbeUsageError("probe.error.not-http", { url });
  const origin = typeof v.origin === "string" ? v.origin : null;
  if (origin === null) throw new ProbeUsageError("probe.error.origin-required");
  if (origin !== "null" && originOf(origin) !== origin)
    throw new ProbeUsageError("probe.error.origin", { origin });
  const browser = typeof v.browser === "string" ? v.browser : "both";
  if (!["chromium", "firefox", "both"].includes(browser))
    throw new ProbeUsageError("probe.error.browser", { browser });
  const expect = typeof v.expect === "string" ? v.expect : null;
  if (expect !== null && expect !== "allowed" && expect !== "blocked")
    throw new ProbeUsageError("probe.error.expect", { expect });
  const format = typeof v.format === "string" ? v.format : "text";
  if (format !== "text" && format !== "json" && format !== "sarif" && format !== "junit")
    throw new ProbeUsageError("probe.error.format", { format });
  const stack = typeof v.stack === "string" ? v.stack : null;
  if (stack !== null && !(SERVER_STACKS as string[]).includes(stack))
    throw new ProbeUsageError("cli.error.stack", { stack, stacks: SERVER_STACKS.join(", ") });
  const timeout = typeof v.timeout === "string" ? Number(v.timeout) : 10;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ProbeUsageError("probe.error.timeout");
  const method = typeof v.method === "string" ? v.method : "GET";
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method))
    throw new ProbeUsageError("probe.error.method", { method });
  const headers: HeaderList = (Array.isArray(v.header) ? v.header : []).map(headerArg);
  return {
    request: { url, origin, method, headers, credentials: v.credentials === true, timeoutMs: timeout * 1000 },
    browsers: browser === "both" ? ["chromium", "firefox"] : [browser as BrowserName],
    expect,
    format,
    stack,
    includeSecrets: v["include-secrets"] === true,
    security: v.security === true,
  };
}

/** Runs the probe; `send` is the network (Node's http/https in the command, a stub in no test). */
export async function runProbe(
  argv: string[],
  send: Send,
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
  lang: Lang = "en",
): Promise<number> {
  const t = translator(lang);
  let options: ProbeOptions;
  try {
    options = parseProbeArgs(argv);
  } catch (error) {
    err(
      `cors-lens probe: ${visibleText(error instanceof ProbeUsageError ? error.in(t) : (error as Error).message)}\n`,
    );
    return 2;
  }
  if (options.security) return runSecurity(options, send, out, err, color, t);
  const [first] = options.browsers as [BrowserName, ...BrowserName[]];
  let report: ReportDocument;
  const verdicts: Array<[BrowserName, string, boolean]> = [];
  try {
    // The requests depend on the browser only where it stops; both stop on any failure the same way.
    const exchange = await probe(options.request, send, first);
    for (const b of options.browsers) {
      const d = diagnose(exchange, { browser: b, lang });
      const cause = d.causes[0];
      verdicts.push([
        b,
        d.verdict === "blocked" && cause
          ? t("probe.verdict.blocked", {
              title: cause.title,
              name: (b === "chromium" ? cause.chromium : cause.firefox) ?? t("probe.verdict.no-name"),
            })
          : d.verdict,
        d.verdict === "blocked",
      ]);
    }
    report = buildReport(
      [exchange],
      { kind: "probe", url: options.request.url, origin: options.request.origin },
      { browser: first, includeSecrets: options.includeSecrets, lang },
    );
  } catch (error) {
    err(
      `cors-lens probe: ${visibleText(error instanceof ProbeError ? error.in(t) : t("probe.could-not", { error: (error as Error).message }))}\n`,
    );
    return 2;
  }
  if (options.format === "json") writeReportFile(report, out);
  else if (options.format === "sarif") out(toSarif(report, options.stack));
  else if (options.format === "junit") out(toJunit(report, options.stack));
  else {
    const paint = color ? ansiPaint() : NO_PAINT;
    const lines = summarize(report, { stack: options.stack, paint, notes: [], t });
    const x = report.exchanges[0];
    lines.splice(
      1,
      1,
      ...verdicts.map(
        ([b, v, isBlocked]) =>
          `${b === "chromium" ? "Chromium" : "Firefox"}: ${isBlocked ? paint.red(v) : paint.green(v)}`,
      ),
      ...(x ? evidenceRows(x, t) : [])
        .filter((row) => row.failing)
        .map(
          (row) =>
            `  ${t("probe.failing-row", { label: row.label, required: visibleText(row.required), sent: visibleText(row.sent ?? t("probe.none")) })}`,
        ),
      ...(x?.preflight
        ? [paint.dim(`  ${t("probe.preflight-answered", { status: String(x.preflight.status) })}`)]
        : []),
      ...(x?.hops ?? []).map((h) =>
        paint.dim(
          `  ${t("probe.hop-answered", { method: visibleText(h.method), url: visibleText(h.url), status: String(h.status) })}`,
        ),
      ),
    );
    out(`${lines.join("\n")}\n`);
  }
  const blocked = verdicts.map(([, , isBlocked]) => isBlocked);
  if (options.expect === null) return blocked.some(Boolean) ? 1 : 0;
  return blocked.every((b) => b === (options.expect === "blocked")) ? 0 : 1;
}

async function runSecurity(
  options: ProbeOptions,
  send: Send,
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
  t: Translate,
): Promise<number> {
  const { url, origin, timeoutMs } = options.request;
  let findings: SecurityFinding[];
  try {
    findings = await securityProbe(url, origin, send, timeoutMs, t);
  } catch (error) {
    err(
      `cors-lens probe: ${visibleText(error instanceof ProbeError ? error.in(t) : t("probe.could-not", { error: (error as Error).message }))}\n`,
    );
    return 2;
  }
  if (options.format === "json") {
    out(`${JSON.stringify({ format: "cors-lens-security", url, origin, findings }, null, 2)}\n`);
  } else {
    const paint = color ? ansiPaint() : NO_PAINT;
    const lines = [paint.bold(t("security.title", { url: visibleText(url), origin: visibleText(origin) }))];
    for (const f of findings)
      lines.push(
        "",
        (f.severity === "error" ? paint.red : paint.yellow)(
          `${f.severity === "error" ? "✖" : "▲"} ${f.check}: Origin ${visibleText(f.origin)}`,
        ),
        `  ${visibleText(f.message)}`,
        paint.green(`  ${t("security.fix", { fix: visibleText(f.fix) })}`),
      );
    if (findings.length === 0) lines.push("", paint.green(t("security.none")));
    out(`${lines.join("\n")}\n`);
  }
  return findings.length > 0 ? 1 : 0;
}
