import { roomTranslator } from "../../i18n";
import { headerValues } from "../headers";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./origin-null.ko";

/** This finding's words in English, the source; Korean in ./origin-null.ko.ts. */
export const EN = {
  title: "Origin: null",
  message:
    "The request was sent with `Origin: null` because {tainted, select, yes {a redirect to another origin made the request's origin opaque} other {the page's origin is opaque (a file: page, a sandboxed iframe, or a data: document)}}. Only `Access-Control-Allow-Origin: *` (without credentials) or `null` can pass; allowing `null` lets any sandboxed page in, so prefer avoiding the redirect or serving the page from a real origin.",
  ruleTitle: "Request sent with Origin: null",
  ruleDescription:
    "The request's origin was opaque (a sandboxed frame, a file: page, a data: URL or a cross-origin redirect), so it was sent as `Origin: null`; allowing `null` would allow every such page.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const originNullSpec: FindingSpec<"origin-null"> = { code: "origin-null", severity: "warning", words };

/** `Origin: null` was sent: an opaque origin (file:, sandboxed frame) or a tainting redirect. */
export const originNull: FindingRule = (ctx) => {
  const sent = [
    ctx.facts.requestHeaders,
    ctx.exchange.preflight?.requestHeaders,
    ...ctx.exchange.hops.map((h) => h.requestHeaders),
  ]
    .flatMap((headers) => headerValues(headers, "origin"))
    .some((value) => value.trim() === "null");
  const tainted = ctx.evaluation?.finalOrigin === "null" && ctx.facts.origin !== "null";
  if (!sent && !tainted && ctx.facts.origin !== "null") return null;
  return finding(
    originNullSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", { tainted: tainted ? "yes" : "no" }),
  );
};
