import { roomTranslator } from "../../i18n";
import { combinedHeader, splitList } from "../headers";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./vary-origin-missing.ko";

/** This finding's words in English, the source; Korean in ./vary-origin-missing.ko.ts. */
export const EN = {
  title: "Vary: Origin is missing",
  message:
    'The response allows the specific origin `{allowed}` but has no `Vary: Origin`. A browser or CDN cache can then hand this answer to a page from another origin (or a cached answer without CORS headers to this one): the classic "fails only from cache" bug. Add `Vary: Origin`.',
  ruleTitle: "Vary: Origin is missing",
  ruleDescription:
    "The server answers with the request's origin in `Access-Control-Allow-Origin` but without `Vary: Origin`, so a shared cache can serve one origin's answer to another.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const varyOriginMissingSpec: FindingSpec<"vary-origin-missing"> = {
  code: "vary-origin-missing",
  severity: "warning",
  words,
};

/**
 * The request's origin echoed without `Vary: Origin`: a shared cache can serve one origin's answer
 * to another (https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches). A value that is not the
 * request's origin is the same for everyone (a fixed, wrong value): no cache can mix it up.
 */
export const varyOriginMissing: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop || hop.status === null) return null;
  const allowOrigin = combinedHeader(hop.responseHeaders, "access-control-allow-origin");
  if (
    allowOrigin === null ||
    allowOrigin === "*" ||
    allowOrigin === "null" ||
    allowOrigin !== ctx.facts.origin
  )
    return null;
  const vary = splitList(combinedHeader(hop.responseHeaders, "vary") ?? "").map((v) => v.toLowerCase());
  if (vary.includes("origin") || vary.includes("*")) return null;
  return finding(
    varyOriginMissingSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", { allowed: allowOrigin }),
  );
};
