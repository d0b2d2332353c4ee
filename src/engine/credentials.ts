/**
 * The credentials mode is not visible to extensions (neither `chrome.webRequest` nor Firefox's `webRequest` reports it): a `Cookie` header
 * or `Sec-Fetch-Storage-Access` means `include`; otherwise an observed block that only `include` explains means `include`, an
 * observed success means not credentialed, and anything else is reasoned about both ways.
 */

import type { Translate } from "../i18n";
import { type Evaluation, sameOutcome } from "./evaluate";
import type { RequestFacts } from "./facts";
import { isCorsBlockError } from "./facts";
import { combinedHeader } from "./headers";
import type { CredentialsEvidence, ObservedExchange } from "./types";

export type CredentialsDecision =
  | { kind: "decided"; evaluation: Evaluation; credentialed: boolean; evidence: CredentialsEvidence }
  /** Undecidable from the evidence: evaluated as fetch's default, the credentialed outcome kept. */
  | {
      kind: "assumed";
      evaluation: Evaluation;
      credentialed: false;
      alternative: Evaluation;
      evidence: CredentialsEvidence;
    };

function observedBlock(exchange: ObservedExchange, facts: RequestFacts): boolean {
  return facts.errorKind === "cors" || isCorsBlockError(exchange.preflight?.error);
}

function observedSuccess(exchange: ObservedExchange, facts: RequestFacts): boolean {
  return (
    exchange.visibility.corsErrors &&
    facts.finalHop !== null &&
    facts.finalHop.status !== null &&
    facts.errorKind === null
  );
}

/**
 * Credentials change a CORS check only through `*` (in Allow-Origin, -Methods, -Headers) or a
 * matching origin without `Access-Control-Allow-Credentials: true`. Without either on any response,
 * both evaluations agree, and the second one is skipped.
 */
export function credentialsCanMatter(exchange: ObservedExchange): boolean {
  const responses = exchange.preflight ? [exchange.preflight, ...exchange.hops] : exchange.hops;
  for (const hop of responses) {
    const allowOrigin = combinedHeader(hop.responseHeaders, "access-control-allow-origin");
    if (allowOrigin === null) continue;
    if (
      allowOrigin === "*" ||
      combinedHeader(hop.responseHeaders, "access-control-allow-credentials") !== "true"
    )
      return true;
  }
  const preflight = exchange.preflight?.responseHeaders;
  return [
    combinedHeader(preflight, "access-control-allow-methods"),
    combinedHeader(preflight, "access-control-allow-headers"),
  ].some((list) => list?.includes("*") ?? false);
}

export function decideCredentials(
  exchange: ObservedExchange,
  facts: RequestFacts,
  t: Translate,
  run: (credentialed: boolean) => Evaluation,
): CredentialsDecision {
  const decided = (
    evaluation: Evaluation,
    credentialed: boolean,
    evidence: CredentialsEvidence,
  ): CredentialsDecision => ({
    kind: "decided",
    evaluation,
    credentialed,
    evidence,
  });
  if (exchange.credentials === "include") {
    return decided(run(true), true, {
      mode: "include",
      inferred: false,
      basis: t("credentials.mode", { mode: "include" }),
    });
  }
  if (exchange.credentials === "omit" || exchange.credentials === "same-origin") {
    const mode = exchange.credentials;
    return decided(run(false), false, { mode, inferred: false, basis: t("credentials.mode", { mode }) });
  }
  if (facts.hasCookie) {
    return decided(run(true), true, { mode: "include", inferred: true, basis: t("credentials.cookie") });
  }
  if (facts.sentStorageAccess) {
    return decided(run(true), true, {
      mode: "include",
      inferred: true,
      basis: t("credentials.storage-access"),
    });
  }
  const without = run(false);
  const withCreds = credentialsCanMatter(exchange) ? run(true) : without;
  if (sameOutcome(without, withCreds)) {
    return decided(without, false, {
      mode: "unknown",
      inferred: false,
      basis: t("credentials.same-either-way"),
    });
  }
  if (without.failure && withCreds.failure) {
    // Blocked either way: name the failure of fetch's default (no credentials to other origins).
    return decided(without, false, {
      mode: "unknown",
      inferred: false,
      basis: t("credentials.blocked-either-way"),
    });
  }
  // Not when a later hop's response is missing: it could explain the block just as well
  // (Playwright's HAR keeps nothing of a blocked redirect target). A preflight failure comes first.
  const laterEvidenceMissing = without.missing !== null && withCreds.failure?.stage !== "preflight";
  if (observedBlock(exchange, facts) && !without.failure && !laterEvidenceMissing && withCreds.failure) {
    return decided(withCreds, true, {
      mode: "include",
      inferred: true,
      basis: t("credentials.inferred-block"),
    });
  }
  if (observedSuccess(exchange, facts)) {
    return decided(without, false, {
      mode: "same-origin",
      inferred: true,
      basis: t("credentials.inferred-success"),
    });
  }
  return {
    kind: "assumed",
    evaluation: without,
    credentialed: false,
    alternative: withCreds,
    evidence: {
      mode: "same-origin",
      inferred: true,
      basis: t("credentials.assumed"),
    },
  };
}
