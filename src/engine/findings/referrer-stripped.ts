import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { hasHeader } from "../headers";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./referrer-stripped.ko";

/** This finding's words in English, the source; Korean in ./referrer-stripped.ko.ts. */
export const EN = {
  title: "Sent without Referer: a referer or CSRF check may have refused it",
  message:
    "The request to {host} carried no `Referer` header (the page's Referrer-Policy withheld it) and the server answered {status}. Servers that check the referer (Django's CSRF check over HTTPS, S3 `aws:Referer` policies, hotlink protection) reject such requests; allow the request by `Origin` instead, or send a policy such as `strict-origin-when-cross-origin`.",
  ruleTitle: "Sent without Referer: a referer or CSRF check may have refused it",
  ruleDescription:
    "The request was sent without `Referer` (the page's referrer policy) and the server refused it; servers that check the Referer for CSRF refuse such requests.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const referrerStrippedSpec: FindingSpec<"referrer-stripped"> = {
  code: "referrer-stripped",
  severity: "warning",
  words,
};

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
    referrerStrippedSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", { host: hostOf(ctx.exchange.url), status }),
  );
};
