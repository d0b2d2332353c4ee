/**
 * A request header the page set is missing from `Access-Control-Allow-Headers`. Emitted by
 * `../rules/check-preflight.ts`, which asks `../rules/check-allowed-headers.ts` whether each name is
 * allowed (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, its header names step).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { combinedHeader } from "../headers";
import { KO } from "./header-not-allowed.ko";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";
import { flaskCorsNoHeaderMatched, STAR_IGNORED, yes } from "./words";

/** This cause's words in English, the source; Korean in ./header-not-allowed.ko.ts. */
export const EN = {
  title: "Request header {header} not allowed",
  message: `The request sends the \`{header}\` header, but the preflight's \`Access-Control-Allow-Headers\` is {missing, select, yes {missing} other {\`{allowed}\`}}, which does not list it.${STAR_IGNORED}`,
  ruleTitle: "Request header not allowed by the preflight",
  ruleDescription:
    "The request sets a header that the preflight's `Access-Control-Allow-Headers` does not list (`*` does not count with credentials, nor for Authorization). Add the header's name to the list the server answers.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const headerNotAllowed: CauseSpec<"header-not-allowed"> = {
  code: "header-not-allowed",
  words,
  emittedBy: ["rules/check-preflight.ts"],
  chromium: always("HeaderDisallowedByPreflightResponse"),
  firefox: always("CORSMissingAllowHeaderFromPreflight2"),
  chromiumConsole: (v) =>
    `Request header field ${v} is not allowed by Access-Control-Allow-Headers in preflight response.`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => {
    const allowed = combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-headers");
    return {
      title: words(ctx.t.lang)("title", { header: ctx.failure.value ?? "" }),
      message:
        words(ctx.t.lang)("message", {
          header: ctx.failure.value ?? "",
          missing: yes(allowed === null),
          allowed: short(allowed ?? ""),
          starIgnored: yes((allowed?.split(",").some((h) => h.trim() === "*") ?? false) && ctx.credentialed),
        }) + flaskCorsNoHeaderMatched(ctx),
    };
  },
  failingRow: "header",
  fixFocus: always("headers"),
  clientAlternative: always(null),
};
