import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { combinedHeader } from "../headers";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./null-origin-allowed.ko";

/** This finding's words in English, the source; Korean in ./null-origin-allowed.ko.ts. */
export const EN = {
  title: "The API trusts Origin: null with credentials",
  message:
    "{host} answers `Access-Control-Allow-Origin: null` with `Access-Control-Allow-Credentials: true`. Any page can get the origin `null` (a sandboxed iframe, a data: document) and read your users' data. Allow named origins only.",
  ruleTitle: "The API trusts Origin: null with credentials",
  ruleDescription:
    "The server allows `Origin: null` with credentials; sandboxed iframes and data: pages on any site send that origin.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const nullOriginAllowedSpec: FindingSpec<"null-origin-allowed"> = {
  code: "null-origin-allowed",
  severity: "warning",
  words,
};

/** `Access-Control-Allow-Origin: null` with credentials: any sandboxed iframe or file: page can read. */
export const nullOriginAllowed: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop || combinedHeader(hop.responseHeaders, "access-control-allow-origin") !== "null") return null;
  if (combinedHeader(hop.responseHeaders, "access-control-allow-credentials") !== "true") return null;
  return finding(
    nullOriginAllowedSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", { host: hostOf(hop.url) }),
  );
};
