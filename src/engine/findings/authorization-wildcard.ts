import { code } from "../explain/context";
import { type FindingRule, finding } from "./context";

/**
 * `Authorization` allowed only through `Access-Control-Allow-Headers: *`: Chromium (feature off) and
 * Firefox (pref on) accept it today with a deprecation warning; the Fetch Standard does not.
 */
export const authorizationWildcard: FindingRule = (ctx) => {
  if (!ctx.evaluation?.authorizationByWildcard) return null;
  return finding(
    "authorization-wildcard",
    "Authorization is allowed only by *",
    `The preflight answered ${code("Access-Control-Allow-Headers: *")}, which by the Fetch Standard does not cover ${code("Authorization")}. Chromium and Firefox still accept it with a deprecation warning; list it explicitly (${code("Access-Control-Allow-Headers: authorization, …")}) before they enforce the standard.`,
  );
};
