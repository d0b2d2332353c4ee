import type { Finding, FindingCode } from "../types";
import { authorizationWildcard } from "./authorization-wildcard";
import type { FindingContext, FindingRule } from "./context";
import { headerNotExposed } from "./header-not-exposed";
import { insecureOriginAllowed } from "./insecure-origin-allowed";
import { maxAgeCapped } from "./max-age-capped";
import { notCors } from "./not-cors";
import { nullOriginAllowed } from "./null-origin-allowed";
import { opaqueResponse } from "./opaque-response";
import { originNull } from "./origin-null";
import { preflightAvoidable } from "./preflight-avoidable";
import { preflightCached } from "./preflight-cached";
import { referrerPolicyNotCause } from "./referrer-policy-not-cause";
import { referrerStripped } from "./referrer-stripped";
import { responseHeaderInRequest } from "./response-header-in-request";
import { statusMasked } from "./status-masked";
import { varyOriginMissing } from "./vary-origin-missing";

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
