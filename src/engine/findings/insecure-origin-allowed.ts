import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { combinedHeader } from "../headers";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./insecure-origin-allowed.ko";

/** This finding's words in English, the source; Korean in ./insecure-origin-allowed.ko.ts. */
export const EN = {
  title: "An https API trusts an http origin",
  message:
    "{host} is served over https but allows `{allowed}`, an origin served over plain http: an attacker on that network path can inject script into it and read this API's responses. Allow the https origin instead.",
  ruleTitle: "An https API trusts an http origin",
  ruleDescription:
    "An https API allows an http origin; anyone on the network path of that http page can inject script into it and read the API.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const insecureOriginAllowedSpec: FindingSpec<"insecure-origin-allowed"> = {
  code: "insecure-origin-allowed",
  severity: "warning",
  words,
};

/** An https API trusts an http origin: anyone on the network path of that origin can read. */
export const insecureOriginAllowed: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop?.url.startsWith("https:")) return null;
  const allowed = combinedHeader(hop.responseHeaders, "access-control-allow-origin");
  if (!allowed?.startsWith("http://")) return null;
  return finding(
    insecureOriginAllowedSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", { host: hostOf(hop.url), allowed }),
  );
};
