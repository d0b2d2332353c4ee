import { roomTranslator } from "../../i18n";
import { code } from "../explain/context";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./response-header-in-request.ko";

/** This finding's words in English, the source; Korean in ./response-header-in-request.ko.ts. */
export const EN = {
  title: "Response headers sent from the page",
  message:
    "The page sends {names} as request {count, plural, one {header} other {headers}}. These are response headers: only the server can grant access. Sent by the page, they do nothing except force a preflight that must then allow them. Remove them from the request and set them on the server.",
  ruleTitle: "Response headers sent from the page",
  ruleDescription:
    "The page sent `Access-Control-Allow-*` headers with its request; they belong on the server's response, and sending them only makes the request need a preflight.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const responseHeaderInRequestSpec: FindingSpec<"response-header-in-request"> = {
  code: "response-header-in-request",
  severity: "error",
  words,
};

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
    responseHeaderInRequestSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", {
      names: names.map(code).join(", "),
      count: names.length,
    }),
  );
};
