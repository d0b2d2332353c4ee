/**
 * The report for CI systems: SARIF 2.1.0 (GitHub code scanning and other SARIF viewers; OASIS
 * "Static Analysis Results Interchange Format" 2.1.0), JUnit XML (one test case per exchange) and
 * GitHub Actions workflow commands with a Markdown job summary. Pure: reports in, text out.
 *
 * A cross-origin request the browser failed whose recording kept no response headers (Playwright's
 * recordHar drops them) is "failed, cause not recorded": counted in every format's totals, and a
 * failure unless `allowUnknown`. Every value from a page or a HAR is shown through `visibleText`,
 * and no output line can start a workflow command (a CI log prints all of them).
 */

import {
  CAUSE_CODES,
  type CauseCode,
  chromiumDocs,
  type FindingCode,
  type Fix,
  firefoxDocs,
  ruleWords,
} from "../engine";
import { CAUSES } from "../engine/causes";
import { classifyError } from "../engine/rules/classify-error";
import { type Translate, translator } from "../i18n";
import { fixPackage, preferredFix } from "./preferred-fix";
import type { ReportDocument, ReportExchange } from "./report";
import { inertLine, inertLines, jsonInert, visibleText as safe } from "./safe-text";
import { VERSION } from "./version";

export interface CiOptions {
  /** Requests that failed with no recorded cause pass (`--allow-unknown`). */
  allowUnknown?: boolean;
  /** Blocked and failed requests only: no warnings (the annotations). */
  quiet?: boolean;
}

/**
 * A report whose exchanges may be read only once, as they are built: the CLI's stream of a large
 * HAR (../report/report.ts `ReportStream`), so no format holds every exchange (issue #25). Each
 * format reads them in one pass and keeps only what it prints per endpoint or group; a
 * `ReportDocument` is one too.
 */
export type ReportInput = Omit<ReportDocument, "exchanges"> & { exchanges: Iterable<ReportExchange> };

function subject(report: Pick<ReportDocument, "source">): string {
  const s = report.source;
  if (s.kind === "har") return s.file;
  if (s.kind === "probe" || s.kind === "playwright") return s.url;
  return `tab ${s.tabId}`;
}

/** The fix to print (`preferredFix`). */
function chosenFix(x: ReportExchange, stack: string | null): Fix | undefined {
  return preferredFix(x.causes[0]?.fixes ?? [], stack, x.server?.stack);
}

/** The report's own language for the words around its causes. */
const tOf = (report: Pick<ReportDocument, "lang">) => translator(report.lang ?? "en");

// ---------------------------------------------------------------------------------------------
// Outcomes: what every format counts, and what fails the gate.

/** The browser's error for the request: the exchange's, else its last hop's or its preflight's. */
export function failureOf(x: ReportExchange): string | null {
  if (x.error) return x.error;
  for (let i = x.hops.length - 1; i >= 0; i--) {
    const error = x.hops[i]?.error;
    if (error) return error;
  }
  return x.preflight?.error ?? null;
}

/**
 * "Failed, cause not recorded": an exchange left "unknown" although the browser reported that it
 * failed (a CORS block or a network error; not a cancellation, which a navigation makes).
 */
export function causeNotRecorded(x: ReportExchange): boolean {
  if (x.verdict !== "unknown") return false;
  const kind = classifyError(failureOf(x));
  return kind !== null && kind !== "aborted" && kind !== "not-cors";
}

export interface Tally {
  files: number;
  requests: number;
  blocked: number;
  /** Every "unknown" verdict, `unrecorded` included. */
  unknown: number;
  /** Unknown ones the browser reported as failed. */
  unrecorded: number;
  warned: number;
}

const hasWarning = (x: ReportExchange) => x.findings.some((f) => f.severity !== "info");

export function tally(reports: readonly ReportDocument[]): Tally {
  const t = emptyTally(reports.length);
  for (const r of reports) for (const x of r.exchanges) countExchange(t, x);
  return t;
}

export const emptyTally = (files: number): Tally => ({
  files,
  requests: 0,
  blocked: 0,
  unknown: 0,
  unrecorded: 0,
  warned: 0,
});

/** One more exchange in the counts (a report written as it is built counts as it goes). */
export function countExchange(t: Tally, x: ReportExchange): void {
  t.requests++;
  if (x.verdict === "blocked") t.blocked++;
  if (x.verdict === "unknown") t.unknown++;
  if (causeNotRecorded(x)) t.unrecorded++;
  if (hasWarning(x)) t.warned++;
}

/** Whether the counts fail `--fail-on blocked`: blocked, or failed with no recorded cause. */
export function failsGate(t: Tally, allowUnknown: boolean): boolean {
  return t.blocked > 0 || (!allowUnknown && t.unrecorded > 0);
}

/** The last line of every format: ✖/✔ and every count, unknowns included. */
export function totalsLine(tr: Translate, t: Tally, allowUnknown: boolean): string {
  const words = tr("cli.totals.outcomes", {
    count: t.files,
    requests: t.requests,
    blocked: t.blocked,
    unknown: t.unknown,
    unrecorded: t.unrecorded,
    warned: t.warned,
  });
  return `${failsGate(t, allowUnknown) ? "✖" : "✔"} ${words}`;
}

// ---------------------------------------------------------------------------------------------
// Rules: one per cause and finding code, with words that hold for every result.

export const UNRECORDED = "cause-not-recorded" as const;
export type RuleCode = CauseCode | FindingCode | typeof UNRECORDED;

/** A rule's words: the cause's or finding's own (its room's), or the unrecorded failure's (the catalogue's). */
const ruleWordsOf = (t: Translate, code: RuleCode) =>
  code === UNRECORDED
    ? { title: t("rule.cause-not-recorded.title"), description: t("rule.cause-not-recorded.description") }
    : ruleWords(code, t.lang);

const MDN = "https://developer.mozilla.org/docs/Web";
const CORS_ERRORS = `${MDN}/HTTP/Guides/CORS/Errors`;
const MDN_HEADER = (name: string) => `${MDN}/HTTP/Reference/Headers/${name}`;

/** Where a code has no browser console page of its own: the MDN page for what it is about. */
const FALLBACK_DOCS: Partial<Record<RuleCode, string>> = {
  "disallowed-by-mode": `${MDN}/API/Request/mode`,
  "no-cors-redirect-mode": `${MDN}/API/Request/redirect`,
  "local-network-invalid": "https://developer.chrome.com/blog/local-network-access",
  [UNRECORDED]: CORS_ERRORS,
  "status-masked": CORS_ERRORS,
  "referrer-policy-not-cause": MDN_HEADER("Referrer-Policy"),
  "referrer-stripped": MDN_HEADER("Referrer-Policy"),
  "origin-null": MDN_HEADER("Origin"),
  "opaque-response": `${MDN}/API/Request/mode`,
  "authorization-wildcard": MDN_HEADER("Access-Control-Allow-Headers"),
  "vary-origin-missing": MDN_HEADER("Vary"),
  "preflight-cached": MDN_HEADER("Access-Control-Max-Age"),
  "preflight-avoidable": `${MDN}/HTTP/Guides/CORS#preflighted_requests`,
  "max-age-capped": MDN_HEADER("Access-Control-Max-Age"),
  "header-not-exposed": MDN_HEADER("Access-Control-Expose-Headers"),
  "response-header-in-request": `${MDN}/HTTP/Guides/CORS#the_http_response_headers`,
  "origin-reflected-with-credentials": MDN_HEADER("Access-Control-Allow-Origin"),
  "null-origin-allowed": MDN_HEADER("Access-Control-Allow-Origin"),
  "insecure-origin-allowed": MDN_HEADER("Access-Control-Allow-Origin"),
  "not-cors": CORS_ERRORS,
  "browser-difference": CORS_ERRORS,
};

const isCause = (code: RuleCode): code is CauseCode => (CAUSE_CODES as readonly string[]).includes(code);

export interface RuleDocs {
  /** The most specific page: Firefox's console "Learn more" (MDN), else Chromium's Issues link. */
  helpUri: string;
  chromium: { name: string; url: string | null } | null;
  firefox: { name: string; url: string | null } | null;
}

/** The browsers' own names and pages for a code (`browser-words.ts` knows both). */
export function ruleDocs(code: RuleCode): RuleDocs {
  if (!isCause(code)) return { helpUri: FALLBACK_DOCS[code] ?? CORS_ERRORS, chromium: null, firefox: null };
  const spec = CAUSES[code];
  // Firefox counts header lines: the several-values key needs two (browser-names.ts).
  const key = spec.firefox({
    allowOriginLines: code === "multiple-allow-origin" ? 2 : 1,
    redirectAccessFailureKey: null,
  });
  const mdn = key ? (firefoxDocs(key)?.url ?? null) : null;
  const web = chromiumDocs(code)?.url ?? null;
  const name = spec.chromium("response");
  return {
    helpUri: mdn ?? web ?? FALLBACK_DOCS[code] ?? CORS_ERRORS,
    chromium: name ? { name, url: web } : null,
    firefox: key ? { name: key, url: mdn } : null,
  };
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: "error" | "warning" | "note" };
  properties: { tags: string[]; chromium?: string; firefox?: string };
}

function sarifRule(
  t: Translate,
  code: RuleCode,
  level: SarifRule["defaultConfiguration"]["level"],
): SarifRule {
  const { title, description } = ruleWordsOf(t, code);
  const docs = ruleDocs(code);
  const links = [
    docs.chromium?.url ? `Chromium (${docs.chromium.name}): ${docs.chromium.url}` : null,
    docs.firefox?.url ? `Firefox (${docs.firefox.name}): ${docs.firefox.url}` : null,
    docs.chromium || docs.firefox ? null : docs.helpUri,
  ].filter((l): l is string => l !== null);
  return {
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: title },
    fullDescription: { text: description },
    helpUri: docs.helpUri,
    help: {
      text: [description, ...links].join("\n"),
      markdown: [description, "", ...links.map((l) => `- ${l}`)].join("\n"),
    },
    defaultConfiguration: { level },
    properties: {
      tags: ["cors", isCause(code) || code === UNRECORDED ? "blocked" : "finding"],
      ...(docs.chromium ? { chromium: docs.chromium.name } : {}),
      ...(docs.firefox ? { firefox: docs.firefox.name } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Fingerprints: the same failure of the same endpoint is the same alert in every run.

/**
 * The URL's path with its identifiers generalized (numbers, UUIDs, long hex or mixed tokens) and no
 * query: `/users/42/orders?n=abc` and `/users/7/orders` are one endpoint.
 */
export function pathTemplate(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? url;
  }
  return path
    .split("/")
    .map((segment) =>
      /^\d+$/.test(segment) ||
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
      /^[0-9a-f]{16,}$/i.test(segment) ||
      (segment.length >= 20 && /\d/.test(segment))
        ? "{id}"
        : segment,
    )
    .join("/");
}

function apiOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

/** FNV-1a, 64 bits (http://www.isthe.com/chongo/tech/comp/fnv/), over the text's UTF-8 bytes. */
function fnv64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** Stable across runs: the code, the API's origin, the path template and the method; no time, no id. */
export function fingerprint(code: string, x: Pick<ReportExchange, "url" | "method">): string {
  return fnv64([code, apiOrigin(x.url), pathTemplate(x.url), x.method.toUpperCase()].join("\n"));
}

const FINGERPRINT_KEY = "corsLensEndpoint/v1";

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

/** Each line of a text shown through `visibleText`, line breaks kept (our own lines' structure). */
const safeLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.split("\t").map(safe).join("\t"))
    .join("\n");

/** How to install the library the fix is written for, where the framework does not include it. */
function installLine(t: Translate, fix: Fix): string[] {
  const pkg = fixPackage(fix);
  return pkg ? [t("fix.label.install", { name: pkg.name, install: pkg.install })] : [];
}

/**
 * "Fix (title):", the change to the user's own set-up, the imports apart, then the whole set-up (the
 * CLI summary's order), after a blank line where `gap`.
 */
function fixText(report: Pick<ReportDocument, "lang">, fix: Fix | undefined, gap = ""): string {
  if (!fix) return "";
  const t = tOf(report);
  const imports = fix.imports ?? [];
  return [
    `\n${gap}${t("cli.summary.fix", { title: fix.title })}`,
    ...(fix.change ? [`${t("fix.label.change")}: ${fix.change}`] : []),
    ...(imports.length > 0 ? [`${t("fix.label.imports")}:`, ...imports.map((m) => m.code)] : []),
    ...installLine(t, fix),
    ...(fix.change || imports.length > 0 ? [`${t("fix.label.snippet")}:`] : []),
    fix.snippet,
  ].join("\n");
}

/**
 * SARIF 2.1.0: a run per report; a result per endpoint and code (occurrences counted). The
 * exchanges are read once, as they come: what is kept is a result per endpoint and code.
 */
export function toSarif(
  reports: ReportInput | readonly ReportInput[],
  stack: string | null = null,
  options: CiOptions = {},
): string {
  const list: readonly ReportInput[] = Array.isArray(reports) ? reports : [reports as ReportInput];
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: list.map((r) => sarifRun(r, stack, options.allowUnknown === true)),
  };
  return `${jsonInert(JSON.stringify(log, null, 2))}\n`;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: "error" | "warning";
  message: { text: string };
  locations: unknown[];
  partialFingerprints: Record<string, string>;
  occurrenceCount?: number;
  properties: Record<string, unknown>;
}

function sarifRun(report: ReportInput, stack: string | null, allowUnknown: boolean) {
  const t = tOf(report);
  const counts = emptyTally(1);
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results = new Map<string, SarifResult>();
  const artifact = subject(report);
  const add = (
    code: RuleCode,
    level: "error" | "warning",
    x: ReportExchange,
    text: string,
    properties: Record<string, unknown> = {},
  ) => {
    if (!ruleIndex.has(code)) {
      ruleIndex.set(code, rules.length);
      rules.push(sarifRule(t, code, level));
    }
    const print = fingerprint(code, x);
    const key = `${code}\u0000${print}`;
    const seen = results.get(key);
    if (seen) {
      seen.occurrenceCount = (seen.occurrenceCount ?? 1) + 1;
      return;
    }
    results.set(key, {
      ruleId: code,
      ruleIndex: ruleIndex.get(code) ?? 0,
      level,
      message: { text: safeLines(text) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: artifact } },
          logicalLocations: [{ name: safe(`${x.method} ${x.url}`), kind: "resource" }],
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: print },
      properties: {
        endpoint: safe(`${x.method.toUpperCase()} ${apiOrigin(x.url)}${pathTemplate(x.url)}`),
        ...properties,
      },
    });
  };
  for (const x of report.exchanges) {
    countExchange(counts, x);
    const cause = x.causes[0];
    const request = `${x.method} ${x.url}`;
    if (x.verdict === "blocked" && cause) {
      const fix = chosenFix(x, stack);
      add(
        cause.code,
        "error",
        x,
        `${t("ci.blocked", { request, title: cause.title })} ${cause.message}${fixText(report, fix)}`,
        {
          chromium: cause.chromium,
          firefox: cause.firefox,
          ...(fix
            ? { fix: { stack: fix.stack, where: fix.where ?? null, snippet: safeLines(fix.snippet) } }
            : {}),
        },
      );
    } else if (causeNotRecorded(x)) {
      add(
        UNRECORDED,
        allowUnknown ? "warning" : "error",
        x,
        `${t("ci.unrecorded", { request, error: failureOf(x) ?? "" })} ${t("ci.unrecorded.hint")}`,
      );
    }
    for (const f of x.findings) {
      if (f.severity === "info") continue;
      add(f.code, f.severity === "error" ? "error" : "warning", x, `${request}: ${f.title}. ${f.message}`);
    }
  }
  return {
    tool: {
      driver: {
        name: "CORS Lens",
        version: report.generator.version,
        rules,
      },
    },
    artifacts: [{ location: { uri: artifact } }],
    results: [...results.values()],
    properties: { totals: counts, summary: totalsLine(t, counts, allowUnknown) },
  };
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

/**
 * XML text: the five entities; characters XML 1.0 cannot hold and line breaks as character
 * references (`&#10;`: an attribute keeps it, and no raw line of ours starts with a value); every
 * second colon of `::` as `&#58;`, so no raw line holds a workflow command. A parser reads the same
 * text back.
 */
export function xml(text: string, keepLines = false): string {
  // One pass of the regex engine, not a string built a character at a time: JUnit for the
  // 80%-blocked 100 MB bench HAR spent 0.9 s here.
  return text.replace(XML_SPECIAL, (m) => {
    if (m === "::") return ":&#58;";
    const c = m.codePointAt(0) ?? 0;
    const entity = XML_ENTITIES[m];
    if (entity) return entity;
    if (c === 0xa) return keepLines ? "\n" : "&#10;";
    if (c === 0x9 || c === 0xd) return `&#${c};`;
    if (c < 0x20 || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff)) return "\ufffd";
    return `&#x${c.toString(16)};`;
  });
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * What `xml` replaces: `::`, the five, C0 and C1 controls, bidi controls and marks, U+FFFE/U+FFFF,
 * and (with `u`) a surrogate on its own — a pair is one code point and stays.
 */
const XML_SPECIAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what it finds
  /::|[&<>"'\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff\u{d800}-\u{dfff}]/gu;

/** An attribute or text value from the report: made visible first, then XML. */
const xv = (text: string) => xml(safe(text));
/** Several lines of ours around values: each line made visible, the line breaks kept raw. */
const xlines = (text: string) => xml(safeLines(text), true);

/** JUnit XML: a test suite per report, a test case per exchange; blocked ones fail with cause and fix. */
export function toJunit(
  reports: ReportInput | readonly ReportInput[],
  stack: string | null = null,
  options: CiOptions = {},
): string {
  const parts: string[] = [];
  writeJunit(reports, stack, options, (s) => parts.push(s));
  return parts.join("");
}

/**
 * Room for text known only at the end: `width` spaces written now, overwritten when the writing is
 * done (a file the CLI opened itself can be written at an offset; a pipe cannot).
 */
export type Later = (width: number) => (text: string) => void;

/** The counts of a `<testsuite>` or `<testsuites>` opening tag, as attributes. */
function junitCounts(tests: number, failures: number, skipped: number): string {
  return ` tests="${tests}" failures="${failures}" skipped="${skipped}"`;
}
/** Room for `junitCounts` of any count up to 2^53 (16 digits each). */
const COUNTS_WIDTH = junitCounts(0, 0, 0).length + 3 * 15;

/**
 * The same, written a test case at a time: a large report's XML is never one string (the 80%-blocked
 * 100 MB bench HAR: 701 MB peak when it was). The counts come first, in the opening tags: with
 * `later`, the exchanges are read once as they come and the counts written into the room left for
 * them at the end (XML allows white space before a tag's `>`: XML 1.0 §3.1 production [40]);
 * without, each report's exchanges are held to be counted first.
 */
export function writeJunit(
  reports: ReportInput | readonly ReportInput[],
  stack: string | null,
  options: CiOptions,
  out: (s: string) => void,
  later?: Later,
): void {
  const list: readonly ReportInput[] = Array.isArray(reports) ? reports : [reports as ReportInput];
  const allowUnknown = options.allowUnknown === true;
  const t = list[0] ? tOf(list[0]) : translator("en");
  const counts = emptyTally(list.length);
  // Held only where the counts cannot wait: each report's exchanges in an array, counted first.
  const held = later ? list : list.map((r) => ({ ...r, exchanges: [...r.exchanges] }));
  if (!later) for (const r of held) for (const x of r.exchanges) countExchange(counts, x);
  const failuresOf = (c: Tally) => c.blocked + (allowUnknown ? 0 : c.unrecorded);
  const skippedOf = (c: Tally) => c.unknown - (allowUnknown ? 0 : c.unrecorded);
  out('<?xml version="1.0" encoding="UTF-8"?>\n');
  out('<testsuites name="CORS Lens"');
  const fillTotals = later?.(COUNTS_WIDTH);
  if (!fillTotals) out(junitCounts(counts.requests, failuresOf(counts), skippedOf(counts)));
  out(">\n");
  for (const r of held) writeJunitSuite(r, stack, allowUnknown, out, counts, later);
  out("</testsuites>\n");
  fillTotals?.(junitCounts(counts.requests, failuresOf(counts), skippedOf(counts)));
  // A comment may follow the root element (XML 1.0 §2.8 "Misc"): the totals as the last line.
  out(`<!-- ${xml(totalsLine(t, counts, allowUnknown)).replace(/--/g, "- -")} -->\n`);
}

type JunitCase = "failure" | "unrecorded" | "skipped" | "passed";

function junitCase(x: ReportExchange, allowUnknown: boolean): JunitCase {
  if (x.verdict === "blocked" && x.causes[0]) return "failure";
  if (causeNotRecorded(x) && !allowUnknown) return "unrecorded";
  return x.verdict === "unknown" ? "skipped" : "passed";
}

/** One report's suite; `totals` counts its exchanges as they are written when `later` is given. */
function writeJunitSuite(
  report: ReportInput,
  stack: string | null,
  allowUnknown: boolean,
  out: (s: string) => void,
  totals: Tally,
  later: Later | undefined,
): void {
  const t = tOf(report);
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const count = (x: ReportExchange) => {
    tests++;
    const kind = junitCase(x, allowUnknown);
    if (kind === "failure" || kind === "unrecorded") failures++;
    else if (kind === "skipped") skipped++;
  };
  out(`  <testsuite name="${xv(`CORS Lens: ${subject(report)}`)}"`);
  const fillCounts = later?.(COUNTS_WIDTH);
  if (!fillCounts) {
    // The exchanges are held (writeJunit): a pass over the verdicts before the cases.
    for (const x of report.exchanges) count(x);
    out(junitCounts(tests, failures, skipped));
  }
  out(">\n");
  // A fix's XML is the same in every case it closes (fixes are shared objects, ../report/report.ts):
  // written once per fix. Line-wise escaping (xlines) lets the cause's part and the fix's be escaped apart.
  const fixXml = new Map<Fix, string>();
  for (const x of report.exchanges) {
    if (fillCounts) {
      count(x);
      countExchange(totals, x);
    }
    const name = `${x.method} ${x.url}`;
    let host = "cors";
    try {
      host = new URL(x.url).host;
    } catch {
      // keep the generic class name
    }
    const open = `    <testcase classname="${xv(host)}" name="${xv(name)}">`;
    const cause = x.causes[0];
    const kind = junitCase(x, allowUnknown);
    if (kind === "failure" && cause) {
      const fix = chosenFix(x, stack);
      let fixPart = fix ? fixXml.get(fix) : "";
      if (fixPart === undefined && fix) {
        fixPart = xlines(fixText(report, fix, "\n"));
        if (fixXml.size < 4096) fixXml.set(fix, fixPart);
      }
      const body = `${cause.message}\nChromium: ${cause.chromium ?? "—"} · Firefox: ${cause.firefox ?? "—"}`;
      out(
        `${open}\n      <failure message="${xv(cause.title)}" type="${xv(cause.code)}">${xlines(body)}${fixPart}</failure>\n    </testcase>\n`,
      );
    } else if (kind === "unrecorded") {
      const text = t("ci.unrecorded", { request: name, error: failureOf(x) ?? "" });
      out(
        `${open}\n      <failure message="${xv(ruleWordsOf(t, UNRECORDED).title)}" type="${UNRECORDED}">${xlines(`${text}\n${t("ci.unrecorded.hint")}`)}</failure>\n    </testcase>\n`,
      );
    } else if (kind === "skipped")
      out(
        `${open}\n      <skipped message="${xv(x.evidence.unknownReason ?? t("cli.summary.unknown-reason"))}"/>\n    </testcase>\n`,
      );
    else out(`    <testcase classname="${xv(host)}" name="${xv(name)}"/>\n`);
  }
  out("  </testsuite>\n");
  fillCounts?.(junitCounts(tests, failures, skipped));
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions

/**
 * Workflow command data: `%`, CR and LF escaped (the runner's own escaping, actions/toolkit
 * `packages/core/src/command.ts` escapeData); `:` and `,` too in properties (escapeProperty).
 * Values are made visible first, so no control or bidi character reaches the log.
 */
function ghData(text: string): string {
  return safe(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function ghProperty(text: string): string {
  return ghData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The first line of a fix that says something (a snippet may open with a blank line). */
function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? ""
  );
}

/**
 * One `::error` annotation per blocked request (the one-line cause and the fix's first line; the
 * whole fix is in the job summary, `toGithubSummary`), one per request failed without a recorded
 * cause (`::warning` with `allowUnknown`), `::warning` per warning unless quiet; the totals last.
 */
export function toGithubAnnotations(
  reports: readonly ReportInput[],
  stack: string | null = null,
  quiet = false,
  options: CiOptions = {},
): string {
  const parts: string[] = [];
  writeGithubAnnotations(reports, stack, quiet, options, (s) => parts.push(s));
  return parts.join("");
}

/** The same, written a line at a time as the exchanges come (a large report's annotations are never one string). */
export function writeGithubAnnotations(
  reports: readonly ReportInput[],
  stack: string | null,
  quiet: boolean,
  options: CiOptions,
  out: (s: string) => void,
): void {
  const allowUnknown = options.allowUnknown === true;
  const counts = emptyTally(reports.length);
  const lines = { push: (line: string) => out(`${line}\n`) };
  for (const report of reports) {
    const t = tOf(report);
    const file = ghProperty(subject(report));
    const titles = new Map<RuleCode, string>();
    const title = (code: RuleCode) => {
      let v = titles.get(code);
      if (v === undefined) {
        v = ghProperty(`CORS ${code}: ${ruleWordsOf(t, code).title}`);
        titles.set(code, v);
      }
      return v;
    };
    const command = (kind: "error" | "warning" | "notice", code: RuleCode, message: string) =>
      `::${kind} file=${file},title=${title(code)}::${ghData(message)}`;
    // A fix's words are the same on every request it closes (fixes are shared objects): made once.
    const fixLines = new Map<Fix, string>();
    for (const x of report.exchanges) {
      countExchange(counts, x);
      const cause = x.causes[0];
      const request = `${x.method} ${x.url}`;
      if (x.verdict === "blocked" && cause) {
        const fix = chosenFix(x, stack);
        let fixLine = fix ? fixLines.get(fix) : "";
        if (fixLine === undefined && fix) {
          fixLine = ` ${t("ci.annotation.fix", { title: fix.title, line: firstLine(fix.change ?? fix.snippet) })} ${t("ci.annotation.more")}`;
          if (fixLines.size < 4096) fixLines.set(fix, fixLine);
        }
        lines.push(command("error", cause.code, `${request}: ${firstLine(cause.message)}${fixLine}`));
      } else if (causeNotRecorded(x)) {
        lines.push(
          command(
            allowUnknown ? "warning" : "error",
            UNRECORDED,
            t("ci.unrecorded", { request, error: failureOf(x) ?? "" }),
          ),
        );
      }
      if (quiet || options.quiet === true) continue;
      for (const f of x.findings)
        if (f.severity !== "info")
          lines.push(command("warning", f.code, `${request}: ${firstLine(f.message)}`));
    }
  }
  const t = reports[0] ? tOf(reports[0]) : translator("en");
  if (counts.unrecorded > 0) lines.push(`::notice title=CORS Lens::${ghData(t("ci.unrecorded.hint"))}`);
  lines.push(inertLine(totalsLine(t, counts, allowUnknown)));
}

/** Inline Markdown code around any text: a backtick run longer than any inside (CommonMark §6.1). */
function mdCode(text: string): string {
  const longest = Math.max(0, ...(safe(text).match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence} ${safe(text)} ${fence}`;
}

/** A fenced block around lines of a fix: a fence longer than any backtick run in them (CommonMark §4.5). */
function mdBlock(text: string): string {
  const shown = safeLines(text);
  const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}\n${shown}\n${fence}`;
}

/**
 * The GitHub job summary (Markdown for `$GITHUB_STEP_SUMMARY`): the totals, then each failure group
 * with its cause and the whole fix. Values only inside code spans and blocks, made visible.
 */
export function toGithubSummary(
  reports: readonly ReportInput[],
  stack: string | null = null,
  options: CiOptions = {},
): string {
  const summary = new GithubSummary(stack, options);
  for (const report of reports) {
    summary.report(report);
    for (const x of report.exchanges) summary.add(x);
  }
  return summary.text();
}

/** A failure group of the job summary: what it prints, and no more (five requests, a count). */
interface SummaryGroup {
  code: RuleCode;
  host: string;
  count: number;
  first: string[];
  fix: Fix | undefined;
  message: string;
}

/**
 * The job summary built as the exchanges come, each seen once (the CLI writes the annotations from
 * the same pass): a group per cause, host and fix keeps its first five requests and a count.
 */
export class GithubSummary {
  private readonly groups = new Map<string, SummaryGroup>();
  private readonly counts = emptyTally(0);
  private t: Translate | null = null;
  constructor(
    private readonly stack: string | null,
    private readonly options: CiOptions = {},
  ) {}

  /** One more report; its exchanges follow (the first report's language is the summary's). */
  report(report: Pick<ReportDocument, "lang">): void {
    this.counts.files++;
    this.t ??= tOf(report);
  }

  add(x: ReportExchange): void {
    countExchange(this.counts, x);
    const t = this.t ?? translator("en");
    const cause = x.causes[0];
    const entry =
      x.verdict === "blocked" && cause
        ? { code: cause.code as RuleCode, fix: chosenFix(x, this.stack), message: cause.message }
        : causeNotRecorded(x)
          ? { code: UNRECORDED as RuleCode, fix: undefined, message: t("ci.unrecorded.hint") }
          : null;
    if (!entry) return;
    let host = "";
    try {
      host = new URL(x.url).host;
    } catch {
      host = x.url;
    }
    const key = `${entry.code}\u0000${host}\u0000${entry.message}\u0000${entry.fix?.snippet ?? ""}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { ...entry, host, count: 0, first: [] };
      this.groups.set(key, group);
    }
    group.count++;
    if (group.first.length < 5) group.first.push(`${x.method} ${x.url}`);
  }

  text(): string {
    const allowUnknown = this.options.allowUnknown === true;
    const t = this.t ?? translator("en");
    const md = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, "\\$&");
    const out = [`## ${t("ci.summary.title")}`, "", md(totalsLine(t, this.counts, allowUnknown))];
    for (const g of this.groups.values()) {
      out.push("", `### ${md(ruleWordsOf(t, g.code).title)} (${g.code})`, "");
      out.push(t("ci.summary.fix-for", { count: g.count, host: mdCode(g.host) }), "");
      for (const request of g.first) out.push(`- ${mdCode(request)}`);
      if (g.count > 5) out.push(`- ${t("cli.summary.more", { count: g.count - 5 })}`);
      out.push("", mdBlock(g.message));
      const fix = g.fix;
      if (fix) {
        out.push("", md(t("cli.summary.fix", { title: fix.title })));
        // The change to the user's own set-up first, the imports apart, then the whole set-up.
        if (fix.change) out.push("", `${md(t("fix.label.change"))}:`, "", mdBlock(fix.change));
        if (fix.imports && fix.imports.length > 0)
          out.push(
            "",
            `${md(t("fix.label.imports"))}:`,
            "",
            mdBlock(fix.imports.map((m) => m.code).join("\n")),
          );
        for (const line of installLine(t, fix)) out.push("", md(line));
        if (fix.change || (fix.imports && fix.imports.length > 0))
          out.push("", `${md(t("fix.label.snippet"))}:`);
        out.push("", mdBlock(fix.snippet));
      }
    }
    return `${inertLines(out.join("\n"))}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// `cors-lens check --config`: the configuration's findings in the CI formats

/** One finding of `check --config`, in words already: what the CI formats need of it. */
export interface LineFinding {
  code: string;
  severity: "error" | "warning";
  /** The file as the user named it (relative paths stay relative: code scanning resolves them). */
  file: string;
  line: number;
  message: string;
  /** The other line of the same problem the message names (the middleware registered above). */
  also?: ReadonlyArray<{ file: string; line: number }>;
}

const CONFIG_FINGERPRINT_KEY = "corsLensConfigFinding/v1";

/**
 * SARIF 2.1.0 for `check --config`: a rule per finding code, a result per finding at its file and
 * line. The fingerprint leaves the line out (an edit above it moves it, the finding stays the same).
 */
export function configSarif(findings: readonly LineFinding[], t: Translate): string {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "CORS Lens",
            version: VERSION,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: t("ci.config.rule", { code }) },
              defaultConfiguration: {
                level: findings.find((f) => f.code === code)?.severity === "error" ? "error" : "warning",
              },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: f.severity,
          message: { text: safe(f.message) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.replace(/^\/+/, "") },
                region: { startLine: Math.max(1, f.line) },
              },
            },
          ],
          ...(f.also?.length
            ? {
                relatedLocations: f.also.map((a, id) => ({
                  id,
                  physicalLocation: {
                    artifactLocation: { uri: a.file.replace(/^\/+/, "") },
                    region: { startLine: Math.max(1, a.line) },
                  },
                })),
              }
            : {}),
          partialFingerprints: { [CONFIG_FINGERPRINT_KEY]: fnv64([f.code, f.file, f.message].join("\n")) },
        })),
      },
    ],
  };
  return `${jsonInert(JSON.stringify(log, null, 2))}\n`;
}

/** JUnit XML for `check --config`: a failing test case per finding, a passing one per clean file. */
export function configJunit(
  findings: readonly LineFinding[],
  files: readonly string[],
  totals: string,
): string {
  const clean = files.filter((file) => !findings.some((f) => f.file === file));
  const cases = [
    ...findings.map(
      (f) =>
        `    <testcase classname="${xv(f.file)}" name="${xv(`${f.file}:${f.line} ${f.code}`)}">\n      <failure message="${xv(f.message)}" type="${xv(f.code)}">${xv(`${f.file}:${f.line}: ${f.message}`)}</failure>\n    </testcase>`,
    ),
    ...clean.map((file) => `    <testcase classname="${xv(file)}" name="${xv(file)}"/>`),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="CORS Lens" tests="${cases.length}" failures="${findings.length}">`,
    `  <testsuite name="CORS Lens: check --config" tests="${cases.length}" failures="${findings.length}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    `<!-- ${xml(totals).replace(/--/g, "- -")} -->`,
    "",
  ].join("\n");
}

/** GitHub annotations for `check --config`: one per finding, on its file and line; the totals last. */
export function configGithub(findings: readonly LineFinding[], totals: string, t: Translate): string {
  const lines = findings.map(
    (f) =>
      `::${f.severity} file=${ghProperty(f.file)},line=${Math.max(1, f.line)},title=${ghProperty(t("ci.config.rule", { code: f.code }))}::${ghData(f.message)}`,
  );
  lines.push(inertLine(totals));
  return `${lines.join("\n")}\n`;
}
