import { roomTranslator } from "../../i18n";
import { KO } from "./generic-headers.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, list } from "./policy";

/** The raw response headers fix's own words in English (where it goes, its comments), the source; Korean in ./generic-headers.ko.ts. */
export const EN = {
  where: "On every response of the API, error responses and preflights included.",
  "origin-of": "<the request's Origin, when it is one of: {origins}>",
  "request-headers": "<the request's Access-Control-Request-Headers>",
  preflight: "Preflight (OPTIONS) response: status 204, before any authentication",
  actual: "Every actual response, error responses (4xx/5xx) included",
  /** The set-up as the change sentence names it. */
  setup: "the API's responses",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The raw response headers, for any server: the answer every other snippet produces. */
export function genericHeaders(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const say = words(request.t.lang);
  const origin = any
    ? "*"
    : policy.origins.length === 1
      ? (policy.origins[0] ?? "*")
      : say("origin-of", { origins: policy.origins.join(", ") });
  const lines = [...heading(request, "#"), ...comment("#", say("preflight"))];
  lines.push(`Access-Control-Allow-Origin: ${origin}`);
  if (policy.credentials && !any) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.methods.length > 0) lines.push(`Access-Control-Allow-Methods: ${list(policy.methods)}`);
  // Where the server allowed any header, the request's own list is answered back, as before.
  if (policy.anyHeaders) lines.push(`Access-Control-Allow-Headers: ${say("request-headers")}`);
  else if (policy.headers.length > 0) lines.push(`Access-Control-Allow-Headers: ${list(policy.headers)}`);
  lines.push(`Access-Control-Max-Age: ${policy.maxAge}`);
  if (!any) lines.push("Vary: Origin");
  lines.push("", ...comment("#", say("actual")));
  lines.push(`Access-Control-Allow-Origin: ${origin}`);
  if (policy.credentials && !any) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.exposeHeaders.length > 0)
    lines.push(`Access-Control-Expose-Headers: ${list(policy.exposeHeaders)}`);
  if (!any) lines.push("Vary: Origin");
  return lines.join("\n");
}
