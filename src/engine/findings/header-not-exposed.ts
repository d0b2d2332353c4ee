import { code } from "../explain/context";
import { combinedHeader, isHttpToken, splitList } from "../headers";
import { type FindingRule, finding } from "./context";

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
    (name) =>
      !SAFELISTED.has(name) &&
      !INFRASTRUCTURE.has(name) &&
      !name.startsWith("access-control-") &&
      !listed.has(name),
  );
  if (hidden.length === 0) return null;
  return finding(
    "header-not-exposed",
    ctx.t("finding.header-not-exposed.title", { count: hidden.length }),
    ctx.t("finding.header-not-exposed.message", {
      names: hidden.map(code).join(", "),
      absent: raw === "" ? "yes" : "no",
      raw,
      list: hidden.join(", "),
    }),
  );
};
