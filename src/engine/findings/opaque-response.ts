import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./opaque-response.ko";

/** This finding's words in English, the source; Korean in ./opaque-response.ko.ts. */
export const EN = {
  title: "no-cors: the page cannot read this response",
  message:
    'This request to {host} was made with `mode: "no-cors"`: it is sent, but the page gets an opaque response (status 0, no headers, no body). Remove `no-cors` and have the server send `Access-Control-Allow-Origin: {origin}` instead.',
  yourOrigin: "<your origin>",
  ruleTitle: "no-cors: the page cannot read the response",
  ruleDescription:
    "The request was made with mode `no-cors`, so the response is opaque: the page cannot read its body, status or headers, whatever the server answers.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const opaqueResponseSpec: FindingSpec<"opaque-response"> = {
  code: "opaque-response",
  severity: "warning",
  words,
};

/** `mode: "no-cors"`: the request "succeeds" but script gets an empty opaque response. */
export const opaqueResponse: FindingRule = (ctx) => {
  // A blocked no-cors request never got its opaque response: the cause says why.
  if (ctx.facts.mode !== "no-cors" || !ctx.facts.crossOrigin || ctx.verdict === "blocked") return null;
  const type = ctx.exchange.resourceType;
  if (type !== "fetch" && type !== "xmlhttprequest" && type !== "xhr" && type !== "other") return null;
  return finding(
    opaqueResponseSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", {
      host: hostOf(ctx.exchange.url),
      origin: ctx.facts.origin ?? words(ctx.t.lang)("yourOrigin"),
    }),
  );
};
