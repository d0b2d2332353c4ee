/**
 * `diagnose()`: what the browser did with one observed exchange and why, as Chromium or Firefox
 * would decide and name it, with findings and fixes. Never throws: missing evidence gives
 * "unknown" with the reason.
 */
import { type Lang, type Translate, translator } from "../i18n";
import type { ApiProfile } from "./api-profile";
import { decideCredentials } from "./credentials";
import { type Evaluation, evaluate } from "./evaluate";
import { buildCause } from "./explain/build-cause";
import { type RequestFacts, requestFacts } from "./facts";
import { browserDifference } from "./findings/browser-difference";
import type { FindingContext } from "./findings/context";
import { singleExchangeFindings } from "./findings/index";
import { isHttpUrl, isLoopbackOrigin } from "./origin";
import type { CheckFailure } from "./rules/failure";
import { detectServer, localizeGuess, middlewareRejection, type ServerGuess } from "./server-stack";
import type {
  BrowserName,
  Cause,
  CauseCode,
  CredentialsEvidence,
  Diagnosis,
  ObservedExchange,
  Verdict,
} from "./types";

export interface DiagnoseOptions {
  /** Whose rules and names to apply. @default the recording browser, else "chromium" */
  browser?: BrowserName;
  /**
   * Everything the page asked of this exchange's API (`apiProfiles()` over the tab or HAR): fixes
   * then cover every request of the page and keep what the server already allowed, instead of
   * narrowing the policy to this one request.
   */
  api?: ApiProfile | null;
  /** The language of the words (titles, messages, fix comments); codes never change. @default "en" */
  lang?: Lang;
  /** false: the causes carry no fixes, none is rendered (`--no-fixes`). @default true */
  fixes?: boolean;
}

/** What the cause's words and fixes may draw on beyond the exchange itself. */
interface Surroundings {
  api: ApiProfile | null;
  server: ServerGuess | null;
  t: Translate;
}

const unknownCredentials = (t: Translate): CredentialsEvidence => ({
  mode: "unknown",
  inferred: false,
  basis: t("credentials.not-visible"),
});

interface Core {
  verdict: Verdict;
  cause: Cause | null;
  evaluation: Evaluation | null;
  credentialed: boolean | null;
  credentials: CredentialsEvidence;
  unknownReason: string | null;
}

function requestStageFailure(code: CheckFailure["code"], facts: RequestFacts): CheckFailure {
  return {
    code,
    stage: "request",
    hop: facts.finalHop,
    header: null,
    value: facts.error,
    expected: null,
    lines: 0,
  };
}

/** `withFixes` false skips rendering snippets: the other browser's view needs names only. */
function core(
  exchange: ObservedExchange,
  facts: RequestFacts,
  browser: BrowserName,
  around: Surroundings,
  withFixes = true,
): Core {
  const surroundings = {
    t: around.t,
    api: around.api,
    server: around.server,
    rejection: middlewareRejection(exchange, facts, around.server, around.t),
  };
  const base = {
    evaluation: null,
    credentialed: null,
    credentials: unknownCredentials(around.t),
    unknownReason: null,
  };
  const blockedBy = (
    failure: CheckFailure,
    credentialed = false,
    credentials = unknownCredentials(around.t),
  ): Core => ({
    ...base,
    verdict: "blocked",
    credentials,
    credentialed,
    cause: buildCause(
      {
        failure,
        exchange,
        facts,
        origin: facts.origin ?? "null",
        credentialed,
        credentialsBasis: credentials.basis,
        ...surroundings,
      },
      withFixes,
    ),
  });
  const verdictOnly = (verdict: Verdict, unknownReason: string | null = null): Core => ({
    ...base,
    verdict,
    cause: null,
    unknownReason,
  });

  if (!facts.crossOrigin && exchange.hops.length <= 1) return verdictOnly("not-cors");
  if (facts.mode === "navigate") return verdictOnly("not-cors");
  if (facts.mode === "same-origin") return blockedBy(requestStageFailure("disallowed-by-mode", facts));
  // https://fetch.spec.whatwg.org/#main-fetch: a data: URL is fetched by scheme fetch in any mode,
  // without CORS (Chromium lists data among the schemes a cross-origin request may use).
  if (/^data:/i.test(exchange.url)) return verdictOnly("not-cors");
  if (!isHttpUrl(exchange.url))
    return facts.mode === "no-cors"
      ? verdictOnly("not-cors")
      : blockedBy(requestStageFailure("scheme-not-supported", facts));
  if (facts.mode === "no-cors") {
    // https://fetch.spec.whatwg.org/#main-fetch: no-cors with a redirect mode other than follow is a network error.
    if (exchange.redirectMode && exchange.redirectMode !== "follow") {
      return blockedBy(requestStageFailure("no-cors-redirect-mode", facts));
    }
    return verdictOnly("not-cors");
  }
  switch (facts.errorKind) {
    case "local-network-denied": {
      const insecure = facts.origin?.startsWith("http:") === true && !isLoopbackOrigin(facts.origin);
      return blockedBy(
        requestStageFailure(insecure ? "local-network-insecure" : "local-network-permission-denied", facts),
      );
    }
    case "local-network-inconsistent":
      return blockedBy(requestStageFailure("local-network-invalid", facts));
    case "not-cors":
      return verdictOnly("not-cors");
    case "aborted": {
      // Cancelled after its answer arrived whole: the checks below decide, and only a pass is known
      // (the page had its answer: DevTools and a HAR report the discarded body of a 304 to the page's
      // own If-None-Match as ERR_ABORTED; Chromium blocks with ERR_FAILED, never ERR_ABORTED).
      // Cancelled before it: unknown.
      const last = exchange.hops.at(-1);
      if (!last || last.status === null || last.status === 0)
        return verdictOnly("unknown", around.t("unknown.cancelled", { error: facts.error }));
      break;
    }
    case "cors":
    case "network":
    case null:
      // Decided by the checks below: a CORS error is re-derived from the headers; a network error
      // is a cause only where no response arrived.
      break;
  }
  if (
    facts.mode === "unknown" &&
    !exchange.preflight &&
    facts.requestHeaders === null &&
    facts.origin === null
  ) {
    return verdictOnly("unknown", around.t("unknown.not-observed"));
  }

  const decision = decideCredentials(exchange, facts, around.t, (credentialed) =>
    evaluate(exchange, facts, credentialed, browser, around.t),
  );
  if (decision.kind === "assumed" && decision.alternative.failure) {
    const ifCredentialed = buildCause(
      {
        failure: decision.alternative.failure,
        exchange,
        facts,
        origin: decision.alternative.finalOrigin ?? "null",
        credentialed: true,
        credentialsBasis: around.t("credentials.include-ways"),
        ...surroundings,
      },
      false,
    );
    decision.evidence.basis = around.t("credentials.if-credentialed", {
      basis: decision.evidence.basis,
      message: ifCredentialed.message,
    });
  }
  const { evaluation, credentialed, evidence } = decision;
  if (facts.errorKind === "aborted" && (evaluation.failure || evaluation.missing))
    return verdictOnly("unknown", around.t("unknown.cancelled", { error: facts.error }));
  if (evaluation.failure) {
    const origin =
      evaluation.failure.stage === "preflight"
        ? (facts.origin ?? "null")
        : (evaluation.finalOrigin ?? "null");
    return {
      ...base,
      verdict: "blocked",
      evaluation,
      credentialed,
      credentials: evidence,
      cause: buildCause(
        {
          failure: evaluation.failure,
          exchange,
          facts,
          origin,
          credentialed,
          credentialsBasis: evidence.basis,
          ...surroundings,
        },
        withFixes,
      ),
    };
  }
  const known = { ...base, evaluation, credentialed, credentials: evidence, cause: null };
  if (evaluation.missing) {
    const unknownReason = exchange.interrupted
      ? around.t("unknown.interrupted", { missing: evaluation.missing })
      : evaluation.missing;
    return { ...known, verdict: "unknown", unknownReason };
  }
  if (facts.errorKind === "cors") {
    return {
      ...known,
      verdict: "unknown",
      unknownReason: around.t("unknown.hidden-block", { error: facts.error }),
    };
  }
  return { ...known, verdict: "allowed" };
}

/**
 * The only first failures where Chromium and Firefox can decide or name differently (Gecko `nsCORSListenerProxy.cpp` vs Chromium `cors.cc`):
 * the Allow-Origin value forms, the redirected preflight, and the preflight list checks, whose
 * order differs. Everything else is checked identically, so the other browser is not re-run.
 */
const ORDER_OR_NAME_DIFFERS: ReadonlySet<CauseCode> = new Set<CauseCode>([
  "multiple-allow-origin",
  "invalid-allow-origin",
  "preflight-redirected",
  "invalid-allow-methods",
  "invalid-allow-headers",
  "method-not-allowed",
  "header-not-allowed",
]);

function diagnoseUnchecked(
  exchange: ObservedExchange,
  browser: BrowserName,
  api: ApiProfile | null,
  t: Translate,
  withFixes: boolean,
): Diagnosis {
  const facts = requestFacts(exchange);
  const around: Surroundings = {
    api,
    server: localizeGuess(detectServer(exchange, api, t) ?? api?.guess ?? null, t),
    t,
  };
  const mine = core(exchange, facts, browser, around, withFixes);
  const ctx: FindingContext = {
    exchange,
    facts,
    browser,
    verdict: mine.verdict,
    evaluation: mine.evaluation,
    cause: mine.cause,
    credentialed: mine.credentialed,
    t,
  };
  const findings = singleExchangeFindings(ctx);
  if (mine.cause && ORDER_OR_NAME_DIFFERS.has(mine.cause.code)) {
    const otherBrowser: BrowserName = browser === "chromium" ? "firefox" : "chromium";
    const other = core(exchange, facts, otherBrowser, around, false);
    const difference = browserDifference(ctx, {
      browser: otherBrowser,
      verdict: other.verdict,
      cause: other.cause,
    });
    if (difference) findings.push(difference);
  }
  return {
    verdict: mine.verdict,
    causes: mine.cause ? [mine.cause] : [],
    findings,
    credentials: mine.credentials,
    unknownReason: mine.unknownReason,
    mode: facts.mode,
    server: around.server,
  };
}

/**
 * Re-runs the browser's CORS checks on one observed exchange and says what the browser decided
 * and why: the verdict, the first failing check as a {@link Cause} (with Chromium's and Firefox's
 * names, the values it compared, words and fixes per server stack), and every {@link Finding}
 * worth knowing. Pure and total: it never throws, and evidence an extension could not see gives
 * the verdict `"unknown"` with the reason, never a guess.
 *
 * The checks run in the chosen browser's order (the CORS-preflight fetch,
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch, and the CORS check,
 * https://fetch.spec.whatwg.org/#cors-check, as Chromium's `services/network/cors/` and Gecko's
 * `nsCORSListenerProxy.cpp` implement them); where the other browser decides or names the case differently, a
 * `browser-difference` finding says so.
 *
 * @example
 * const { verdict, causes } = diagnose(exchange, { browser: "firefox" });
 * if (verdict === "blocked") console.log(causes[0].title, causes[0].firefox);
 */
export function diagnose(exchange: ObservedExchange, options: DiagnoseOptions = {}): Diagnosis {
  const browser = options.browser ?? exchange.recordedBy ?? "chromium";
  const t = translator(options.lang ?? "en");
  try {
    return diagnoseUnchecked(exchange, browser, options.api ?? null, t, options.fixes !== false);
  } catch (error) {
    return {
      verdict: "unknown",
      causes: [],
      findings: [],
      credentials: unknownCredentials(t),
      mode: exchange.mode,
      server: null,
      unknownReason: t("unknown.unreadable", {
        error: error instanceof Error ? error.message : String(error),
      }),
    };
  }
}
