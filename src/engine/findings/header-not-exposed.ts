import { roomTranslator } from "../../i18n";
import { code } from "../explain/context";
import { combinedHeader, isHttpToken, splitList } from "../headers";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./header-not-exposed.ko";

/** This finding's words in English, the source; Korean in ./header-not-exposed.ko.ts. */
export const EN = {
  title: "{count, plural, one {A response header is} other {# response headers are}} hidden from scripts",
  message:
    "Scripts on this page cannot read {names}: `Access-Control-Expose-Headers` {absent, select, yes {is absent} other {is `{raw}`}}, and only safelisted headers (Content-Type, Content-Length, Cache-Control …) are readable without it. If the page needs them, send `Access-Control-Expose-Headers: {list}`.",
  ruleTitle: "Response headers hidden from scripts",
  ruleDescription:
    "The response has headers that are not in `Access-Control-Expose-Headers` and not safelisted, so scripts on the page cannot read them.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const headerNotExposedSpec: FindingSpec<"header-not-exposed"> = {
  code: "header-not-exposed",
  severity: "info",
  words,
};

/** CORS-safelisted response-header names (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name): always readable. */
const SAFELISTED = new Set([
  "cache-control",
  "content-language",
  "content-length",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
]);

/** Transport and policy headers a page has no use reading: not worth a finding. */
const INFRASTRUCTURE = new Set([
  "date",
  "server",
  "vary",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "accept-ranges",
  "age",
  "via",
  "alt-svc",
  "strict-transport-security",
  "x-content-type-options",
  "x-frame-options",
  "x-xss-protection",
  "referrer-policy",
  "content-security-policy",
  "content-security-policy-report-only",
  "cross-origin-opener-policy",
  "cross-origin-embedder-policy",
  "cross-origin-resource-policy",
  "timing-allow-origin",
  "report-to",
  "reporting-endpoints",
  "nel",
  "permissions-policy",
  "set-cookie",
  "set-cookie2",
  "x-powered-by",
  "origin-agent-cluster",
  "server-timing",
  "proxy-connection",
]);

/**
 * A response header a page's script may want to read and can only when it is exposed: not
 * safelisted, not transport or policy, not CORS's own, and a token. Also what `fix --config` exposes
 * when it writes CORS where there was none (../../config/whatif.ts exposedNames).
 */
export function worthExposing(name: string): boolean {
  const n = name.toLowerCase();
  // Only a token can be listed (Blink drops the whole list for one that is not), and a name from a
  // recording is untrusted text that `fix` writes into the user's file.
  return (
    isHttpToken(name) && !SAFELISTED.has(n) && !INFRASTRUCTURE.has(n) && !n.startsWith("access-control-")
  );
}

/**
 * Response headers scripts cannot read because `Access-Control-Expose-Headers` does not list them
 * (Blink parses the list strictly: any invalid token empties it; `*` only without credentials).
 */
export const headerNotExposed: FindingRule = (ctx) => {
  if (ctx.verdict !== "allowed") return null;
  const hop = ctx.facts.finalHop;
  if (!hop) return null;
  const raw = combinedHeader(hop.responseHeaders, "access-control-expose-headers") ?? "";
  const items = splitList(raw);
  const listed = items.every(isHttpToken) ? new Set(items.map((i) => i.toLowerCase())) : new Set<string>();
  if (listed.has("*") && ctx.credentialed === false) return null;
  const hidden = [...new Set(hop.responseHeaders.map(([name]) => name.toLowerCase()))].filter(
    (name) => worthExposing(name) && !listed.has(name),
  );
  if (hidden.length === 0) return null;
  return finding(
    headerNotExposedSpec,
    words(ctx.t.lang)("title", { count: hidden.length }),
    words(ctx.t.lang)("message", {
      names: hidden.map(code).join(", "),
      absent: raw === "" ? "yes" : "no",
      raw,
      list: hidden.join(", "),
    }),
  );
};
