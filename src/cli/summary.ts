/**
 * The human summary of a report: failures grouped by cause and host, one fix per group for the
 * chosen stack, then warnings. Pure: returns lines; colours come from a `Paint` the caller picks.
 */
import { hostOf } from "../engine";
import { type Translate, tEn } from "../i18n";
import { causeNotRecorded, failureOf } from "../report/ci-formats";
import { groupFailures } from "../report/groups";
import { fixPackage, preferredFix } from "../report/preferred-fix";
import type { ReportDocument } from "../report/report";
import { inertLine, visibleText as safe } from "../report/safe-text";

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const NO_PAINT: Paint = {
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
};

export function ansiPaint(): Paint {
  const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

export interface SummaryOptions {
  /** The user's `--stack`, or null to follow the server detected from the evidence. */
  stack: string | null;
  paint: Paint;
  /** Said plainly when the HAR has no preflight entries. */
  notes: string[];
  /** Blocked and failed requests only: no warnings, no other unknowns. */
  quiet?: boolean;
  /** Requests failed with no recorded cause are listed as warnings, not failures (`--allow-unknown`). */
  allowUnknown?: boolean;
  t?: Translate;
}

export function summarize(
  report: ReportDocument,
  { stack, paint, notes, quiet = false, allowUnknown = false, t = tEn }: SummaryOptions,
): string[] {
  const xs = report.exchanges;
  const blocked = xs.filter((x) => x.verdict === "blocked");
  const unknown = xs.filter((x) => x.verdict === "unknown");
  const unrecorded = unknown.filter(causeNotRecorded);
  const warned = xs.filter((x) => x.findings.some((f) => f.severity !== "info"));
  const source =
    report.source.kind === "har"
      ? report.source.file
      : report.source.kind === "probe"
        ? t("cli.summary.source-probe", { url: report.source.url, origin: report.source.origin })
        : report.source.kind === "playwright"
          ? t("cli.summary.source-playwright", { url: report.source.url, browser: report.source.browser })
          : t("cli.summary.source-tab", { tabId: String(report.source.tabId) });
  const lines = [
    paint.bold(`CORS Lens — ${safe(source)}`),
    t("cli.summary.counts", {
      total: xs.length,
      blocked: paint.red(t("cli.summary.blocked", { count: blocked.length })),
      allowed: xs.length - blocked.length - unknown.length,
      unknown: unknown.length,
      warned: paint.yellow(t("cli.summary.warned", { count: warned.length })),
    }),
    ...notes.map((n) => paint.dim(t("cli.summary.note", { note: safe(n) }))),
  ];
  for (const group of groupFailures(blocked)) {
    const { cause, masked, exchanges } = group;
    lines.push(
      "",
      paint.red(`✖ ${exchanges.length} × ${safe(cause.title)}`) +
        paint.dim(
          ` — ${safe(group.host)} · Chromium ${cause.chromium ?? t("cli.summary.net-error")} · Firefox ${cause.firefox ?? "—"}`,
        ),
    );
    lines.push(`  ${safe(cause.message)}`);
    for (const x of exchanges.slice(0, 5)) lines.push(paint.dim(`    ${safe(x.method)} ${safe(x.url)}`));
    if (exchanges.length > 5)
      lines.push(paint.dim(`    ${t("cli.summary.more", { count: exchanges.length - 5 })}`));
    if (masked) lines.push(paint.yellow(`  ! ${safe(masked.message)}`));
    const server = exchanges.find((x) => x.server)?.server ?? null;
    if (server)
      lines.push(
        paint.dim(
          `  ${t("cli.summary.detected", { certain: server.confidence === "certain" ? "yes" : "no", stack: safe(server.stack), basis: safe(server.basis) })}`,
        ),
      );
    const fix = preferredFix(cause.fixes, stack, server?.stack);
    if (fix) {
      lines.push(paint.green(`  ${t("cli.summary.fix", { title: fix.title })}`));
      if (fix.where) lines.push(paint.dim(`    ${t("cli.summary.where", { where: safe(fix.where) })}`));
      // The change to the user's own set-up first; the imports apart; then the whole set-up.
      if (fix.change) lines.push(`    ${t("fix.label.change")}: ${safe(fix.change)}`);
      if (fix.imports && fix.imports.length > 0) {
        lines.push(paint.dim(`    ${t("fix.label.imports")}:`));
        for (const m of fix.imports)
          lines.push(
            `      ${safe(m.code)}${m.form ? paint.dim(`  (${t("fix.label.form", { form: m.form })})`) : ""}`,
          );
      }
      const pkg = fixPackage(fix);
      if (pkg)
        lines.push(paint.dim(`    ${t("fix.label.install", { name: pkg.name, install: pkg.install })}`));
      if (fix.change || (fix.imports && fix.imports.length > 0))
        lines.push(paint.dim(`    ${t("fix.label.snippet")}:`));
      lines.push(...fix.snippet.split("\n").map((l) => `    ${safe(l)}`));
      if (fix.stack !== "client")
        lines.push(
          paint.dim(
            `    ${fix.verified ? t("cli.summary.verified", { servers: safe(fix.verified) }) : t("cli.summary.not-verified")}`,
          ),
        );
    }
  }
  // Failed, cause not recorded: by host and the browser's error, as failures unless allowed.
  const failedGroups = new Map<string, { host: string; error: string; exchanges: typeof xs }>();
  for (const x of unrecorded) {
    const host = hostOf(x.url);
    const error = failureOf(x) ?? "";
    const key = `${host}\u0000${error}`;
    const group = failedGroups.get(key) ?? { host, error, exchanges: [] };
    group.exchanges.push(x);
    failedGroups.set(key, group);
  }
  for (const g of failedGroups.values()) {
    const mark = allowUnknown ? paint.yellow : paint.red;
    lines.push(
      "",
      mark(`${allowUnknown ? "?" : "✖"} ${t("cli.summary.unrecorded", { count: g.exchanges.length })}`) +
        paint.dim(` — ${safe(g.host)}`),
      `  ${t("cli.summary.unrecorded-error", { error: safe(g.error) })}`,
    );
    for (const x of g.exchanges.slice(0, 5)) lines.push(paint.dim(`    ${safe(x.method)} ${safe(x.url)}`));
    if (g.exchanges.length > 5)
      lines.push(paint.dim(`    ${t("cli.summary.more", { count: g.exchanges.length - 5 })}`));
  }
  const warnings = new Map<string, { title: string; count: number; message: string }>();
  for (const x of quiet ? [] : xs) {
    for (const f of x.findings) {
      if (f.severity === "info" || f.code === "status-masked") continue;
      const w = warnings.get(f.code) ?? { title: f.title, count: 0, message: f.message };
      w.count++;
      warnings.set(f.code, w);
    }
  }
  if (warnings.size > 0) lines.push("", paint.bold(t("cli.summary.warnings")));
  for (const [code, w] of warnings)
    lines.push(paint.yellow(`  ▲ ${w.count} × ${safe(w.title)} (${code})`), `    ${safe(w.message)}`);
  for (const x of quiet ? [] : unknown.filter((x) => !causeNotRecorded(x)).slice(0, 5))
    lines.push(
      "",
      paint.dim(
        `? ${safe(x.method)} ${safe(x.url)}: ${safe(x.evidence.unknownReason ?? t("cli.summary.unknown-reason"))}`,
      ),
    );
  if (blocked.length === 0 && unrecorded.length === 0 && warnings.size === 0)
    lines.push("", paint.green(t("cli.summary.nothing")));
  // A value at the start of a line must not become a CI workflow command (`::add-mask::`…).
  return lines.map(inertLine);
}
