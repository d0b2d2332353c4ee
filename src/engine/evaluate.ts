/**
 * Runs the browser's CORS checks on an exchange under one credentials assumption and returns the
 * first failing check, or why the evidence cannot decide.
 */
import { type Translate, tEn } from "../i18n";
import type { RequestFacts } from "./facts";
import { hasHeader } from "./headers";
import { checkPreflight } from "./rules/check-preflight";
import { CONDITIONAL_HEADERS, checkResponseChain } from "./rules/check-response-chain";
import type { CheckFailure } from "./rules/failure";
import type { BrowserName, ObservedExchange } from "./types";

export interface Evaluation {
  failure: CheckFailure | null;
  /** Why the checks could not be run to the end, or null. */
  missing: string | null;
  authorizationByWildcard: boolean;
  /** The origin the final response was compared with ("null" after a tainting redirect). */
  finalOrigin: string | null;
}

function networkFailure(facts: RequestFacts, stage: "response" | "redirect"): CheckFailure {
  return {
    code: "network-error",
    stage,
    hop: facts.finalHop,
    header: null,
    value: facts.error,
    expected: "a response",
    lines: 0,
  };
}

export function evaluate(
  exchange: ObservedExchange,
  facts: RequestFacts,
  credentialed: boolean,
  browser: BrowserName,
  t: Translate = tEn,
): Evaluation {
  const origin = facts.origin ?? "null";
  let authorizationByWildcard = false;
  const result = (
    failure: CheckFailure | null,
    missing: string | null,
    finalOrigin: string | null = origin,
  ): Evaluation => ({
    failure,
    missing,
    authorizationByWildcard,
    finalOrigin,
  });

  // A preflight without a response and without an error was not seen ending: Chrome's HAR keeps
  // the preflight of a beacon that way (status 0, no headers). Not a network error.
  if (exchange.preflight && exchange.preflight.status === null && !exchange.preflight.error) {
    return result(null, t("unknown.preflight-unanswered"));
  }
  // A stopped worker's preflight whose request headers never came, for a request whose own headers
  // were not seen either: what it asked (method, headers) is unknown, so no preflight check can run.
  if (
    exchange.preflight &&
    exchange.interrupted &&
    facts.requestHeaders === null &&
    !hasHeader(exchange.preflight.requestHeaders, "access-control-request-method")
  ) {
    return result(null, t("unknown.preflight-ask-unseen"));
  }
  if (exchange.preflight) {
    const outcome = checkPreflight(
      exchange.preflight,
      { method: facts.method, unsafeNames: facts.unsafeNames ?? [], origin, credentialed },
      browser,
    );
    if (outcome.failure) return result(outcome.failure, null);
    authorizationByWildcard = outcome.authorizationByWildcard;
  } else if (facts.needsPreflight === true && exchange.hops.length === 0 && exchange.visibility.preflights) {
    return result(null, t("unknown.preflight-not-recorded"));
  }

  if (exchange.hops.length === 0) {
    if (facts.errorKind === "network") return result(networkFailure(facts, "response"), null);
    return result(null, t("unknown.no-response"));
  }
  const pageConditional = (facts.unsafeNames ?? []).some((n) => CONDITIONAL_HEADERS.has(n));
  const chain = checkResponseChain(exchange.hops, origin, credentialed, pageConditional);
  if (chain.failure) return result(chain.failure, null, chain.finalOrigin);
  if (!chain.complete) {
    if (facts.errorKind === "network")
      return result(networkFailure(facts, "response"), null, chain.finalOrigin);
    return result(
      null,
      facts.errorKind === "cors"
        ? t("unknown.error-before-headers", { error: facts.error })
        : t("unknown.response-not-observed"),
      chain.finalOrigin,
    );
  }
  return result(null, null, chain.finalOrigin);
}

/** Two evaluations name the same outcome: same verdict, same first failing check. */
export function sameOutcome(a: Evaluation, b: Evaluation): boolean {
  if (a.failure && b.failure) return a.failure.code === b.failure.code && a.failure.stage === b.failure.stage;
  return !a.failure && !b.failure && (a.missing === null) === (b.missing === null);
}
