/**
 * The human summary of a report: failures grouped by cause and host, one fix per group for the
 * chosen stack, then warnings. Pure: returns lines; colours come from a `Paint` the caller picks.
 */
import { type Cause, type Finding, hostOf } from "../engine";
import { type Translate, tEn } from "../i18n";
import { causeNotRecorded, failureOf, type ReportInput } from "../report/ci-formats";
import { failureGroupKey, maskedOf } from "../report/groups";
import { fixPackage, preferredFix } from "../report/preferred-fix";
import type { ReportExchange } from "../report/report";
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
  /**
   * Said plainly when the HAR has no preflight entries. A function is asked once every exchange has
   * been read (some notes count them).
   */
  notes: readonly string[] | (() => readonly string[]);
  /** Blocked and failed requests only: no warnings, no other unknowns. */
  quiet?: boolean;
  /** Requests failed with no recorded cause are listed as warnings, not failures (`--allow-unknown`). */
  allowUnknown?: boolean;
  t?: Translate;
}

/** A request as a group lists it. */
interface Listed {
  method: string;
  url: string;
}

/** A group of blocked requests, as the summary prints it: its words, five requests and a count. */
interface BlockedGroup {
  cause: Cause;
  masked: Finding | null;
  host: string;
  count: number;
  first: Listed[];
  server: ReportExchange["server"];
}

/**
 * The summary of a report, its exchanges read once as they come (`ReportInput`: the CLI's stream of
 * a large HAR): each group keeps its first five requests and a count, never the exchanges.
 */
export function summarize(
  report: ReportInput,
  { stack, paint, notes, quiet = false, allowUnknown = false, t = tEn }: SummaryOptions,
): string[] {
  let total = 0;
  let blocked = 0;
  let unknown = 0;
  let unrecorded = 0;
  let warned = 0;
  const groups = new Map<string, BlockedGroup>();
  // Failed, cause not recorded: by host and the browser's error, as failures unless allowed.
  const failedGroups = new Map<string, { host: string; error: string; count: number; first: Listed[] }>();
  const warnings = new Map<string, { title: string; count: number; message: string }>();
  const unknowns: Array<Listed & { reason: string | null }> = [];
  for (const x of report.exchanges) {
    total++;
    if (x.findings.some((f) => f.severity !== "info")) warned++;
    const cause = x.causes[0];
    if (x.verdict === "blocked") {
      blocked++;
      if (cause) {
        const masked = maskedOf(x);
        const key = failureGroupKey(x, cause, masked);
        let group = groups.get(key);
        if (!group) {
          group = { cause, masked, host: hostOf(x.url), count: 0, first: [], server: null };
          groups.set(key, group);
        }
        group.count++;
        if (group.first.length < 5) group.first.push({ method: x.method, url: x.url });
        group.server ??= x.server ?? null;
      }
    }
    if (x.verdict === "unknown") {
      unknown++;
      if (causeNotRecorded(x)) {
        unrecorded++;
        const host = hostOf(x.url);
        const error = failureOf(x) ?? "";
        const key = `${host}\u0000${error}`;
        let group = failedGroups.get(key);
        if (!group) {
          group = { host, error, count: 0, first: [] };
          failedGroups.set(key, group);
        }
        group.count++;
        if (group.first.length < 5) group.first.push({ method: x.method, url: x.url });
      } else if (!quiet && unknowns.length < 5)
        unknowns.push({ method: x.method, url: x.url, reason: x.evidence.unknownReason ?? null });
    }
    if (quiet) continue;
    for (const f of x.findings) {
      if (f.severity === "info" || f.code === "status-masked") continue;
      const w = warnings.get(f.code) ?? { title: f.title, count: 0, message: f.message };
      w.count++;
      warnings.set(f.code, w);
    }
  }
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
      total,
      blocked: paint.red(t("cli.summary.blocked", { count: blocked })),
      allowed: total - blocked - unknown,
      unknown,
      warned: paint.yellow(t("cli.summary.warned", { count: warned })),
    }),
    ...(typeof notes === "function" ? notes() : notes).map((n) =>
      paint.dim(t("cli.summary.note", { note: safe(n) })),
    ),
  ];
  const listed = (g: { count: number; first: Listed[] }) => {
    for (const x of g.first) lines.push(paint.dim(`    ${safe(x.method)} ${safe(x.url)}`));
    if (g.count > 5) lines.push(paint.dim(`    ${t("cli.summary.more", { count: g.count - 5 })}`));
  };
  // The largest groups first; groups of the same size in the order their first request came.
  for (const group of [...groups.values()].sort((a, b) => b.count - a.count)) {
    const { cause, masked, server } = group;
    lines.push(
      "",
      paint.red(`✖ ${group.count} × ${safe(cause.title)}`) +
        paint.dim(
          ` — ${safe(group.host)} · Chromium ${cause.chromium ?? t("cli.summary.net-error")} · Firefox ${cause.firefox ?? "—"}`,
        ),
    );
    lines.push(`  ${safe(cause.message)}`);
    listed(group);
    if (masked) lines.push(paint.yellow(`  ! ${safe(masked.message)}`));
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
  for (const g of failedGroups.values()) {
    const mark = allowUnknown ? paint.yellow : paint.red;
    lines.push(
      "",
      mark(`${allowUnknown ? "?" : "✖"} ${t("cli.summary.unrecorded", { count: g.count })}`) +
        paint.dim(` — ${safe(g.host)}`),
      `  ${t("cli.summary.unrecorded-error", { error: safe(g.error) })}`,
    );
    listed(g);
  }
  if (warnings.size > 0) lines.push("", paint.bold(t("cli.summary.warnings")));
  for (const [code, w] of warnings)
    lines.push(paint.yellow(`  ▲ ${w.count} × ${safe(w.title)} (${code})`), `    ${safe(w.message)}`);
  for (const x of unknowns)
    lines.push(
      "",
      paint.dim(`? ${safe(x.method)} ${safe(x.url)}: ${safe(x.reason ?? t("cli.summary.unknown-reason"))}`),
    );
  if (blocked === 0 && unrecorded === 0 && warnings.size === 0)
    lines.push("", paint.green(t("cli.summary.nothing")));
  // A value at the start of a line must not become a CI workflow command (`::add-mask::`…).
  return lines.map(inertLine);
}
