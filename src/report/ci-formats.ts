/**
 * The report for CI systems: SARIF 2.1.0 (GitHub code scanning and other SARIF viewers; OASIS
 * "Static Analysis Results Interchange Format" 2.1.0) and JUnit XML (one test case per exchange;
 * failures carry the cause and the fix). Pure: report in, text out.
 */
import type { Fix } from "../engine";
import { translator } from "../i18n";
import type { ReportDocument, ReportExchange } from "./report";

function subject(report: ReportDocument): string {
  const s = report.source;
  if (s.kind === "har") return s.file;
  if (s.kind === "probe" || s.kind === "playwright") return s.url;
  return `tab ${s.tabId}`;
}

/** The fix to print: the detected server's, else the plain headers. */
function chosenFix(x: ReportExchange, stack: string | null): Fix | undefined {
  const fixes = x.causes[0]?.fixes ?? [];
  const want = stack ?? x.server?.stack ?? "generic-headers";
  return fixes.find((f) => f.stack === want) ?? fixes.find((f) => f.stack === "generic-headers") ?? fixes[0];
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
}

/** SARIF 2.1.0: a run per report; one result per blocked exchange (level error) and per warning finding. */
export function toSarif(
  reports: ReportDocument | readonly ReportDocument[],
  stack: string | null = null,
): string {
  const list = Array.isArray(reports) ? reports : [reports as ReportDocument];
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: list.map((r) => sarifRun(r, stack)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The report's own language for the words around its causes. */
const tOf = (report: ReportDocument) => translator(report.lang ?? "en");

/** "Fix (title):" and the snippet, after a blank line where `gap`. */
function fixText(report: ReportDocument, fix: Fix | undefined, gap = ""): string {
  return fix ? `\n${gap}${tOf(report)("cli.summary.fix", { title: fix.title })}\n${fix.snippet}` : "";
}

function sarifRun(report: ReportDocument, stack: string | null) {
  const rules = new Map<string, SarifRule>();
  const results: unknown[] = [];
  const artifact = subject(report);
  const location = (x: ReportExchange) => ({
    physicalLocation: { artifactLocation: { uri: artifact } },
    logicalLocations: [{ name: `${x.method} ${x.url}`, kind: "resource" }],
  });
  for (const x of report.exchanges) {
    const cause = x.causes[0];
    if (x.verdict === "blocked" && cause) {
      if (!rules.has(cause.code))
        rules.set(cause.code, { id: cause.code, shortDescription: { text: cause.title } });
      const fix = chosenFix(x, stack);
      results.push({
        ruleId: cause.code,
        level: "error",
        message: {
          text: `${tOf(report)("ci.blocked", { request: `${x.method} ${x.url}`, title: cause.title })} ${cause.message}${fixText(report, fix)}`,
        },
        locations: [location(x)],
        properties: {
          chromium: cause.chromium,
          firefox: cause.firefox,
          ...(fix ? { fix: { stack: fix.stack, where: fix.where ?? null, snippet: fix.snippet } } : {}),
        },
      });
    }
    for (const f of x.findings) {
      if (f.severity === "info") continue;
      if (!rules.has(f.code)) rules.set(f.code, { id: f.code, shortDescription: { text: f.title } });
      results.push({
        ruleId: f.code,
        level: f.severity === "error" ? "error" : "warning",
        message: { text: `${x.method} ${x.url}: ${f.title}. ${f.message}` },
        locations: [location(x)],
      });
    }
  }
  return {
    tool: { driver: { name: "CORS Lens", version: report.generator.version, rules: [...rules.values()] } },
    artifacts: [{ location: { uri: artifact } }],
    results,
  };
}

/** Characters XML 1.0 cannot hold at all (C0 controls but tab, LF, CR; U+FFFE, U+FFFF). */
function xmlChar(c: string): string {
  const code = c.charCodeAt(0);
  const allowed =
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
  return allowed ? c : "\ufffd";
}

/** XML text: the five entities, and U+FFFD for what XML cannot hold. */
function xml(text: string): string {
  return Array.from(text, xmlChar)
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** JUnit XML: a test suite per report, a test case per exchange; blocked ones fail with cause and fix. */
export function toJunit(
  reports: ReportDocument | readonly ReportDocument[],
  stack: string | null = null,
): string {
  const list = Array.isArray(reports) ? reports : [reports as ReportDocument];
  const count = (f: (x: ReportExchange) => boolean) => list.flatMap((r) => r.exchanges).filter(f).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="CORS Lens" tests="${count(() => true)}" failures="${count((x) => x.verdict === "blocked")}" skipped="${count((x) => x.verdict === "unknown")}">`,
    ...list.map((r) => junitSuite(r, stack)),
    "</testsuites>",
    "",
  ].join("\n");
}

function junitSuite(report: ReportDocument, stack: string | null): string {
  const cases = report.exchanges.map((x) => {
    const name = `${x.method} ${x.url}`;
    let host = "cors";
    try {
      host = new URL(x.url).host;
    } catch {
      // keep the generic class name
    }
    const cause = x.causes[0];
    if (x.verdict === "blocked" && cause) {
      const fix = chosenFix(x, stack);
      const body = `${cause.message}\nChromium: ${cause.chromium ?? "—"} · Firefox: ${cause.firefox ?? "—"}${fixText(report, fix, "\n")}`;
      return `    <testcase classname="${xml(host)}" name="${xml(name)}">\n      <failure message="${xml(cause.title)}" type="${xml(cause.code)}">${xml(body)}</failure>\n    </testcase>`;
    }
    if (x.verdict === "unknown")
      return `    <testcase classname="${xml(host)}" name="${xml(name)}">\n      <skipped message="${xml(x.evidence.unknownReason ?? tOf(report)("cli.summary.unknown-reason"))}"/>\n    </testcase>`;
    return `    <testcase classname="${xml(host)}" name="${xml(name)}"/>`;
  });
  const failures = report.exchanges.filter((x) => x.verdict === "blocked").length;
  const skipped = report.exchanges.filter((x) => x.verdict === "unknown").length;
  return [
    `  <testsuite name="${xml(`CORS Lens: ${subject(report)}`)}" tests="${report.exchanges.length}" failures="${failures}" skipped="${skipped}">`,
    ...cases,
    "  </testsuite>",
  ].join("\n");
}

/** GitHub Actions workflow commands: `%`, CR and LF escaped; `:` and `,` too in properties. */
function ghData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function ghProperty(text: string): string {
  return ghData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One `::error` annotation per blocked request (and `::warning` per warning, unless quiet). */
export function toGithubAnnotations(
  reports: readonly ReportDocument[],
  stack: string | null = null,
  quiet = false,
): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = ghProperty(subject(report));
    for (const x of report.exchanges) {
      const cause = x.causes[0];
      if (x.verdict === "blocked" && cause) {
        const fix = chosenFix(x, stack);
        lines.push(
          `::error file=${file},title=${ghProperty(`CORS: ${cause.title}`)}::${ghData(`${x.method} ${x.url}: ${cause.message}${fixText(report, fix)}`)}`,
        );
      }
      if (quiet) continue;
      for (const f of x.findings)
        if (f.severity !== "info")
          lines.push(
            `::warning file=${file},title=${ghProperty(`CORS: ${f.title}`)}::${ghData(`${x.method} ${x.url}: ${f.message}`)}`,
          );
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
