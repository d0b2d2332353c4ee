import { hostOf } from "../explain/context";
import { hasHeader } from "../headers";
import { type FindingRule, finding } from "./context";

/**
 * The request went without `Referer` (the page's policy withheld it) and the server answered 4xx:
 * a referer or CSRF check (Django's HTTPS CSRF check, S3 aws:Referer, hotlink protection) is the
 * likely real cause.
 */
export const referrerStripped: FindingRule = (ctx) => {
  const headers = ctx.facts.requestHeaders;
  const status = ctx.facts.finalHop?.status ?? null;
  if (!headers || headers.length === 0 || status === null || status < 400 || status >= 500) return null;
  if (hasHeader(headers, "referer")) return null;
  return finding(
    "referrer-stripped",
    ctx.t("finding.referrer-stripped.title"),
    ctx.t("finding.referrer-stripped.message", { host: hostOf(ctx.exchange.url), status }),
  );
};
