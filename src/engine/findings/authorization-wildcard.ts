import { type FindingRule, finding } from "./context";

/**
 * `Authorization` allowed only through `Access-Control-Allow-Headers: *`: Chromium (feature off) and
 * Firefox (pref on) accept it today with a deprecation warning; the Fetch Standard does not.
 */
export const authorizationWildcard: FindingRule = (ctx) => {
  if (!ctx.evaluation?.authorizationByWildcard) return null;
  return finding(
    "authorization-wildcard",
    ctx.t("finding.authorization-wildcard.title"),
    ctx.t("finding.authorization-wildcard.message"),
  );
};
