import { code } from "../explain/context";
import { type FindingRule, finding } from "./context";

/** The page sent `Access-Control-Allow-*` as a request header: it only triggers a preflight that fails. */
export const responseHeaderInRequest: FindingRule = (ctx) => {
  const names = (ctx.facts.unsafeNames ?? []).filter(
    (n) =>
      n.startsWith("access-control-allow-") ||
      n === "access-control-expose-headers" ||
      n === "access-control-max-age",
  );
  if (names.length === 0) return null;
  return finding(
    "response-header-in-request",
    ctx.t("finding.response-header-in-request.title"),
    ctx.t("finding.response-header-in-request.message", {
      names: names.map(code).join(", "),
      count: names.length,
    }),
  );
};
