/**
 * The report document (docs/report-format.md, src/report/report.schema.json): the same JSON from the extension
 * (`cors-lens/report`, "Export report") and the CLI (`--json`).
 */

import {
  type ApiProfile,
  apiOf,
  apiProfiles,
  type BrowserName,
  type Cause,
  type CredentialsMode,
  diagnose,
  type Finding,
  type Fix,
  type HeaderList,
  type Hop,
  type ObservedExchange,
  observedExchange,
  originReflection,
  type RequestMode,
  type ServerGuess,
  sentOrigin,
  type Verdict,
  visibilityOf,
} from "../engine";
import { type Lang, translator } from "../i18n";
import { mayHoldSecret, redactEvidence, redactExchange, redactText } from "./redact";
import { isoTime } from "./time";
import { VERSION } from "./version";

export const REPORT_FORMAT = "cors-lens-report";
/**
 * 2: each distinct fix stored once, in the file's `fixes` table (./report-file.ts). In memory, and
 * between the extension's parts, causes still hold their fixes.
 */
export const REPORT_VERSION = 2;

export type ReportSource =
  | {
      kind: "extension";
      tabId: number | null;
      /** Older exchanges no longer held (the per-tab limit, the storage quota), since the last clear. */
      dropped?: number;
      /** Of `dropped`, those dropped because the browser's storage for extensions was full. */
      storageDropped?: number;
    }
  | { kind: "har"; file: string }
  /** `cors-lens probe`: the URL it asked, from the origin it stood in for. */
  | { kind: "probe"; url: string; origin: string }
  /** `cors-lens/playwright`: the page it watched, in which browser. */
  | { kind: "playwright"; url: string; browser: string };

export interface ReportExchange {
  id: string;
  url: string;
  method: string;
  origin: string | null;
  initiator: string | null;
  resourceType: string;
  mode: RequestMode;
  credentials: CredentialsMode;
  startedAt: string;
  preflight: Hop | null;
  hops: Hop[];
  verdict: Verdict;
  causes: Cause[];
  findings: Finding[];
  /** How the verdict was reached where evidence was partial (the report's "evidence"). */
  evidence: { inferred: boolean; credentials: string; unknownReason: string | null };
  /** Additions to the contract: the actual request's headers as sent, and its error. */
  requestHeaders: HeaderList | null;
  error: string | null;
  /** The server software told from the evidence (its fix comes first), or null. */
  server: ServerGuess | null;
  /** Made by a worker (the page's service worker, a shared worker), not by the page itself. */
  viaWorker?: boolean;
  /** Its end was not observed (the extension's worker was stopped while it was in flight). */
  interrupted?: boolean;
  /** The request's redirect mode where it was not "follow" (a no-cors request's redirect is a cause). */
  redirectMode?: "error" | "manual";
}

export interface ReportDocument {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  generator: { name: "cors-lens"; version: string };
  source: ReportSource;
  /** The language of the words; the codes are the same in every language. */
  lang?: Lang;
  exchanges: ReportExchange[];
}

export interface ReportOptions {
  browser?: BrowserName;
  /** Keep Cookie, Authorization and similar values. @default false */
  includeSecrets?: boolean;
  generatorVersion?: string;
  /** What the page asked of the exchange's API over the whole tab or HAR (`apiProfiles()`). */
  api?: ApiProfile | null;
  /** The language of the words. @default "en" */
  lang?: Lang;
  /** false: no cause or finding carries fixes, and none is rendered (`--no-fixes`). @default true */
  fixes?: boolean;
}

/**
 * Each distinct text redacted once: a report repeats the same words and fix snippets over thousands
 * of exchanges (a 100 MB HAR: 4 of its 25 s were spent redacting the same snippets again). Bounded:
 * long texts are not kept, and the memo is emptied past 16 M characters.
 */
const scrubbed = new Map<string, string>();
let scrubbedChars = 0;
const SCRUB_MEMO_CHARS = 16 * 1024 * 1024;

/** URLs appear inside the words and fixes (a redirect's Location, the request's URL): redacted too. */
function scrub(text: string): string {
  if (!mayHoldSecret(text)) return text;
  const known = scrubbed.get(text);
  if (known !== undefined) return known;
  const out = redactText(text);
  if (text.length <= 64 * 1024) {
    if (scrubbedChars + text.length + out.length > SCRUB_MEMO_CHARS) {
      scrubbed.clear();
      scrubbedChars = 0;
    }
    scrubbed.set(text, out);
    scrubbedChars += text.length + out.length;
  }
  return out;
}

/**
 * Fix lists and fixes are shared between exchanges (see engine `fixesForCause`): each scrubbed once,
 * and the scrubbed fix is the same object wherever the engine's was — the report file's fix table
 * (./report-file.ts) then knows it by identity instead of by its JSON.
 */
const scrubbedFixes = new WeakMap<readonly Fix[], Fix[]>();
const scrubbedFix = new WeakMap<Fix, Fix>();

function scrubFix(f: Fix): Fix {
  let scrubbed = scrubbedFix.get(f);
  if (!scrubbed) {
    scrubbed = { ...f, snippet: scrub(f.snippet), ...(f.change ? { change: scrub(f.change) } : {}) };
    scrubbedFix.set(f, scrubbed);
  }
  return scrubbed;
}

function scrubFixes(fixes: readonly Fix[]): Fix[] {
  let scrubbed = scrubbedFixes.get(fixes);
  if (!scrubbed) {
    scrubbed = fixes.map(scrubFix);
    scrubbedFixes.set(fixes, scrubbed);
  }
  return scrubbed;
}

function scrubCause(cause: Cause): Cause {
  return {
    ...cause,
    value: cause.value === null ? null : scrub(cause.value),
    expected: cause.expected === null ? null : scrub(cause.expected),
    message: scrub(cause.message),
    fixes: scrubFixes(cause.fixes),
  };
}

/**
 * The finding without its fixes, which are not rendered: they are a lazy property (engine
 * lazy.ts), and a rest pattern would read it.
 */
function withoutFixes(finding: Finding): Finding {
  if (!Object.hasOwn(finding, "fixes")) return finding;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(finding)) if (key !== "fixes") kept[key] = finding[key as keyof Finding];
  return kept as unknown as Finding;
}

function scrubFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: scrub(finding.message),
    ...(finding.fixes ? { fixes: scrubFixes(finding.fixes) } : {}),
  };
}

export function buildReportExchange(observed: ObservedExchange, options: ReportOptions = {}): ReportExchange {
  const withFixes = options.fixes !== false;
  const d = diagnose(observed, {
    ...(options.browser ? { browser: options.browser } : {}),
    api: options.api ?? null,
    lang: options.lang ?? "en",
    fixes: withFixes,
  });
  const findings = withFixes ? d.findings : d.findings.map(withoutFixes);
  const shown = options.includeSecrets ? observed : redactExchange(observed);
  return {
    id: shown.id,
    url: shown.url,
    method: shown.method,
    origin: sentOrigin(observed),
    initiator: shown.initiator,
    resourceType: shown.resourceType,
    mode: d.mode,
    credentials: d.credentials.mode,
    startedAt: isoTime(shown.startedAt),
    preflight: shown.preflight,
    hops: shown.hops,
    verdict: d.verdict,
    causes: options.includeSecrets ? d.causes : d.causes.map(scrubCause),
    findings: options.includeSecrets ? findings : findings.map(scrubFinding),
    evidence: (options.includeSecrets ? (e: ReportExchange["evidence"]) => e : redactEvidence)({
      inferred: d.credentials.inferred,
      credentials: d.credentials.basis,
      unknownReason: d.unknownReason,
    }),
    requestHeaders: shown.requestHeaders,
    error: shown.error,
    server: d.server,
    ...(observed.viaWorker ? { viaWorker: true } : {}),
    ...(observed.interrupted ? { interrupted: true } : {}),
    ...(observed.redirectMode && observed.redirectMode !== "follow"
      ? { redirectMode: observed.redirectMode }
      : {}),
  };
}

/**
 * `origin-reflected-with-credentials` needs several exchanges of one server: the findings, by
 * exchange id, that the set of exchanges supports. The report and the live panel both add them.
 */
export function reflectionFindings(
  observed: readonly ObservedExchange[],
  lang: Lang = "en",
): Map<string, Finding> {
  return originReflection(
    observed.map((x) => ({
      id: x.id,
      url: x.url,
      origin: sentOrigin(x),
      responseHeaders: x.hops[x.hops.length - 1]?.responseHeaders ?? [],
    })),
    translator(lang),
  );
}

/**
 * A report whose exchanges are built as they are read: the CLI writes each and lets it go, so the
 * report of a large HAR never sits in memory whole — only the observations it is built from do
 * (issue #25: streaming end to end).
 */
export interface ReportStream {
  head: Omit<ReportDocument, "exchanges">;
  /** The exchanges in the order they started, each diagnosed when the iteration reaches it. */
  exchanges: () => Generator<ReportExchange>;
}

export function reportStream(
  observed: readonly ObservedExchange[],
  source: ReportSource,
  options: ReportOptions = {},
): ReportStream {
  const profiles = apiProfiles(observed);
  const sorted = [...observed].sort((a, b) => a.startedAt - b.startedAt);
  const reflected = reflectionFindings(observed, options.lang);
  return {
    head: {
      format: REPORT_FORMAT,
      version: REPORT_VERSION,
      generator: { name: "cors-lens", version: options.generatorVersion ?? VERSION },
      source,
      lang: options.lang ?? "en",
    },
    exchanges: function* () {
      for (const x of sorted) {
        const exchange = buildReportExchange(x, { ...options, api: profiles.get(apiOf(x) ?? "") ?? null });
        const finding = reflected.get(exchange.id);
        if (finding) exchange.findings.push(options.fixes === false ? withoutFixes(finding) : finding);
        yield exchange;
      }
    },
  };
}

export function buildReport(
  observed: readonly ObservedExchange[],
  source: ReportSource,
  options: ReportOptions = {},
): ReportDocument {
  return collected(reportStream(observed, source, options));
}

/** A streamed report built whole (every format but `--json` needs all its exchanges first). */
export function collected(stream: ReportStream): ReportDocument {
  return { ...stream.head, exchanges: [...stream.exchanges()] };
}

/** A report exchange back as the observation it was built from (HAR export from the panel). */
export function observedFromReport(x: ReportExchange, recordedBy: BrowserName | null): ObservedExchange {
  const started = Date.parse(x.startedAt);
  return observedExchange({
    id: x.id,
    url: x.url,
    method: x.method,
    initiator: x.initiator,
    resourceType: x.resourceType,
    mode: x.mode,
    requestHeaders: x.requestHeaders,
    startedAt: Number.isFinite(started) ? started : 0,
    preflight: x.preflight,
    hops: x.hops,
    error: x.error,
    recordedBy,
    ...(x.viaWorker ? { viaWorker: true } : {}),
    ...(x.redirectMode === "error" || x.redirectMode === "manual" ? { redirectMode: x.redirectMode } : {}),
    ...(x.interrupted
      ? { interrupted: true, visibility: { ...visibilityOf(recordedBy), corsErrors: false } }
      : {}),
  });
}
