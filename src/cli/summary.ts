/**
 * The human summary of a report: failures grouped by cause and host, one fix per group for the
 * chosen stack, then warnings. Pure: returns lines; colours come from a `Paint` the caller picks.
 */
import type { Fix } from "../engine";
import { groupFailures } from "../report/groups";
import type { ReportDocument } from "../report/report";
import { visibleText as safe } from "../report/safe-text";

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

/** The chosen stack's fix; without a choice, the detected server's, else the plain headers. */
function pickFix(fixes: Fix[], stack: string | null, detected: string | null): Fix | undefined {
  const want = stack ?? detected ?? "generic-headers";
  return fixes.find((f) => f.stack === want) ?? fixes.find((f) => f.stack === "generic-headers") ?? fixes[0];
}

export interface SummaryOptions {
  /** The user's `--stack`, or null to follow the server detected from the evidence. */
  stack: string | null;
  paint: Paint;
  /** Said plainly when the HAR has no preflight entries. */
  notes: string[];
  /** Blocked requests only: no warnings, no unknowns. */
  quiet?: boolean;
}

export function summarize(
  report: ReportDocument,
  { stack, paint, notes, quiet = false }: SummaryOptions,
): string[] {
  const xs = report.exchanges;
  const blocked = xs.filter((x) => x.verdict === "blocked");
  const unknown = xs.filter((x) => x.verdict === "unknown");
  const warned = xs.filter((x) => x.findings.some((f) => f.severity !== "info"));
  const source =
    report.source.kind === "har"
      ? report.source.file
      : report.source.kind === "probe"
        ? `probe of ${report.source.url} from ${report.source.origin}`
        : report.source.kind === "playwright"
          ? `${report.source.url} in ${report.source.browser}`
          : `tab ${report.source.tabId}`;
  const lines = [
    paint.bold(`CORS Lens — ${safe(source)}`),
    `${xs.length} cross-origin requests: ${paint.red(`${blocked.length} blocked`)}, ${xs.length - blocked.length - unknown.length} allowed or not CORS, ${unknown.length} unknown; ${paint.yellow(`${warned.length} with warnings`)}`,
    ...notes.map((n) => paint.dim(`note: ${safe(n)}`)),
  ];
  for (const group of groupFailures(blocked)) {
    const { cause, masked, exchanges } = group;
    lines.push(
      "",
      paint.red(`✖ ${exchanges.length} × ${safe(cause.title)}`) +
        paint.dim(
          ` — ${safe(group.host)} · Chromium ${cause.chromium ?? "(net error)"} · Firefox ${cause.firefox ?? "—"}`,
        ),
    );
    lines.push(`  ${safe(cause.message)}`);
    for (const x of exchanges.slice(0, 5)) lines.push(paint.dim(`    ${safe(x.method)} ${safe(x.url)}`));
    if (exchanges.length > 5) lines.push(paint.dim(`    … and ${exchanges.length - 5} more`));
    if (masked) lines.push(paint.yellow(`  ! ${safe(masked.message)}`));
    const server = exchanges.find((x) => x.server)?.server ?? null;
    if (server)
      lines.push(
        paint.dim(
          `  ${server.confidence === "certain" ? "Detected" : "Probably"}: ${safe(server.stack)}, from ${safe(server.basis)}`,
        ),
      );
    const fix = pickFix(cause.fixes, stack, server?.stack ?? null);
    if (fix) {
      lines.push(paint.green(`  Fix (${fix.title}):`));
      if (fix.where) lines.push(paint.dim(`    Where: ${safe(fix.where)}`));
      lines.push(...fix.snippet.split("\n").map((l) => `    ${safe(l)}`));
      if (fix.stack !== "client")
        lines.push(
          paint.dim(
            fix.verified
              ? `    Verified on a real server: ${safe(fix.verified)}.`
              : "    Not verified on a real server by CORS Lens's tests.",
          ),
        );
    }
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
  if (warnings.size > 0) lines.push("", paint.bold("Warnings"));
  for (const [code, w] of warnings)
    lines.push(paint.yellow(`  ▲ ${w.count} × ${safe(w.title)} (${code})`), `    ${safe(w.message)}`);
  for (const x of quiet ? [] : unknown.slice(0, 5))
    lines.push(
      "",
      paint.dim(
        `? ${safe(x.method)} ${safe(x.url)}: ${safe(x.evidence.unknownReason ?? "not enough evidence")}`,
      ),
    );
  if (blocked.length === 0 && warnings.size === 0) lines.push("", paint.green("✔ Nothing blocked by CORS."));
  return lines;
}
