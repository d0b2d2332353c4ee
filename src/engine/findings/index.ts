import type { Finding, FindingCode } from "../types";
import { authorizationWildcard, authorizationWildcardSpec } from "./authorization-wildcard";
import { browserDifferenceSpec } from "./browser-difference";
import type { FindingContext, FindingRule, FindingSpec } from "./context";
import { headerNotExposed, headerNotExposedSpec } from "./header-not-exposed";
import { insecureOriginAllowed, insecureOriginAllowedSpec } from "./insecure-origin-allowed";
import { maxAgeCapped, maxAgeCappedSpec } from "./max-age-capped";
import { notCors, notCorsSpec } from "./not-cors";
import { nullOriginAllowed, nullOriginAllowedSpec } from "./null-origin-allowed";
import { opaqueResponse, opaqueResponseSpec } from "./opaque-response";
import { originNull, originNullSpec } from "./origin-null";
import { originReflectedWithCredentialsSpec } from "./origin-reflected-with-credentials";
import { preflightAvoidable, preflightAvoidableSpec } from "./preflight-avoidable";
import { preflightCached, preflightCachedSpec } from "./preflight-cached";
import { referrerPolicyNotCause, referrerPolicyNotCauseSpec } from "./referrer-policy-not-cause";
import { referrerStripped, referrerStrippedSpec } from "./referrer-stripped";
import { responseHeaderInRequest, responseHeaderInRequestSpec } from "./response-header-in-request";
import { statusMasked, statusMaskedSpec } from "./status-masked";
import { varyOriginMissing, varyOriginMissingSpec } from "./vary-origin-missing";

/** Every finding code's room, keyed by code: a missing code is a type error. */
export const FINDINGS: { readonly [C in FindingCode]: FindingSpec<C> } = {
  "authorization-wildcard": authorizationWildcardSpec,
  "browser-difference": browserDifferenceSpec,
  "header-not-exposed": headerNotExposedSpec,
  "insecure-origin-allowed": insecureOriginAllowedSpec,
  "max-age-capped": maxAgeCappedSpec,
  "not-cors": notCorsSpec,
  "null-origin-allowed": nullOriginAllowedSpec,
  "opaque-response": opaqueResponseSpec,
  "origin-null": originNullSpec,
  "origin-reflected-with-credentials": originReflectedWithCredentialsSpec,
  "preflight-avoidable": preflightAvoidableSpec,
  "preflight-cached": preflightCachedSpec,
  "referrer-policy-not-cause": referrerPolicyNotCauseSpec,
  "referrer-stripped": referrerStrippedSpec,
  "response-header-in-request": responseHeaderInRequestSpec,
  "status-masked": statusMaskedSpec,
  "vary-origin-missing": varyOriginMissingSpec,
};

/**
 * The findings one exchange supports, most important first. `origin-reflected-with-credentials`
 * needs several exchanges (origin-reflected-with-credentials.ts) and `browser-difference` a second evaluation
 * (diagnose.ts), so they are not here.
 */
export const SINGLE_EXCHANGE_RULES: ReadonlyArray<readonly [FindingCode, FindingRule]> = [
  ["status-masked", statusMasked],
  ["response-header-in-request", responseHeaderInRequest],
  ["referrer-stripped", referrerStripped],
  ["origin-null", originNull],
  ["opaque-response", opaqueResponse],
  ["not-cors", notCors],
  ["authorization-wildcard", authorizationWildcard],
  ["vary-origin-missing", varyOriginMissing],
  ["null-origin-allowed", nullOriginAllowed],
  ["insecure-origin-allowed", insecureOriginAllowed],
  ["preflight-cached", preflightCached],
  ["max-age-capped", maxAgeCapped],
  ["preflight-avoidable", preflightAvoidable],
  ["header-not-exposed", headerNotExposed],
  ["referrer-policy-not-cause", referrerPolicyNotCause],
];

export function singleExchangeFindings(ctx: FindingContext): Finding[] {
  const found: Finding[] = [];
  for (const [, rule] of SINGLE_EXCHANGE_RULES) {
    const f = rule(ctx);
    if (f) found.push(f);
  }
  return found;
}
