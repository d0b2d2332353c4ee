/**
 * The browsers' own words for a cause: the sentence Chromium prints in the console (what users paste
 * into a search), Firefox's "Reason:" text, and the documentation page each browser links to.
 *
 * Chromium: the sentence frame of `third_party/blink/renderer/platform/loader/cors/cors_error_string.cc`
 * (`GetErrorStringForConsoleMessage`); each cause's room in `causes/` holds its own tail and the page
 * the Issues panel links to (`front_end/models/issues_manager/CorsIssue.ts`).
 * Firefox: `dom/locales/en-US/chrome/security/security.properties` (the reason keys), linked from the
 * console to MDN's CORS error pages (`devtools/server/actors/errordocs.js`).
 */
import { CAUSES, type DocLink } from "./causes";
import type { Cause, CauseCode } from "./types";

export type { DocLink } from "./causes";

export interface BrowserWordsContext {
  /** The URL the page requested. */
  url: string;
  /** The URL of the response that failed, when the request was redirected. */
  finalUrl?: string | null;
  /** The page origin as the browser knows it (the console names it). */
  pageOrigin: string | null;
  /** `fetch`, `xhr`, `font`, `image`, `script`, `stylesheet` …; webRequest's `xmlhttprequest` is either fetch or XHR. */
  resourceType: string;
  /** The HTTP status of the failing response, or null when there was none. */
  status: number | null;
}

/** Blink's `<kind>` word: only where the resource type says it (`xmlhttprequest` is fetch or XHR). */
const KIND: Record<string, string> = {
  fetch: "fetch",
  xhr: "XMLHttpRequest",
  font: "font",
  image: "image",
  script: "script",
  stylesheet: "CSS stylesheet",
  media: "media",
};

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

/** The `Preflight…` names get the preflight prefix (Blink `cors_error_string.cc`). */
function hasPreflightPrefix(name: string): boolean {
  return name.startsWith("Preflight");
}

/**
 * Chromium's console sentence for the cause, as far as it is known: the full line when the resource
 * type names Blink's `<kind>`, else from "has been blocked by CORS policy:" on. Null when Chromium
 * prints no CORS sentence (a network error) or its words depend on what an extension cannot see.
 */
export function chromiumConsoleMessage(cause: Cause, ctx: BrowserWordsContext): string | null {
  const spec = CAUSES[cause.code];
  if (spec.chromiumRendererMessage) return spec.chromiumRendererMessage(ctx.url);
  if (!cause.chromium) return null;
  const kind = KIND[ctx.resourceType] ?? null;
  const tail = spec.chromiumConsole(cause.value ?? "", kind);
  if (tail === null) return null;
  const blocked = `has been blocked by CORS policy: ${hasPreflightPrefix(cause.chromium) ? PREFLIGHT_PREFIX : ""}${tail}`;
  if (kind === null || ctx.pageOrigin === null) return `… ${blocked}`;
  const redirected = ctx.finalUrl && ctx.finalUrl !== ctx.url;
  const at = redirected ? `'${ctx.finalUrl}' (redirected from '${ctx.url}')` : `'${ctx.url}'`;
  return `Access to ${kind} at ${at} from origin '${ctx.pageOrigin}' ${blocked}`;
}

/** The page Chromium's Issues panel links to for this cause (none for mode, scheme and network errors). */
export function chromiumDocs(code: CauseCode): DocLink | null {
  return CAUSES[code].chromiumDocs;
}

/** Firefox's en-US "(Reason: …)" text by reason key; `%S` is the key's parameter. */
const FIREFOX_REASONS: Record<string, string> = {
  CORSDisabled: "CORS disabled",
  CORSDidNotSucceed2: "CORS request did not succeed",
  CORSOriginHeaderNotAdded: "CORS header ‘Origin’ cannot be added",
  CORSExternalRedirectNotAllowed: "CORS request external redirect not allowed",
  CORSRequestNotHttp: "CORS request not http",
  CORSMissingAllowOrigin2: "CORS header ‘Access-Control-Allow-Origin’ missing",
  CORSMultipleAllowOriginNotAllowed: "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed",
  CORSAllowOriginNotMatchingOrigin: "CORS header ‘Access-Control-Allow-Origin’ does not match ‘%S’",
  CORSNotSupportingCredentials:
    "Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’",
  CORSMethodNotFound: "Did not find method in CORS header ‘Access-Control-Allow-Methods’",
  CORSMissingAllowCredentials: "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’",
  CORSPreflightDidNotSucceed3: "CORS preflight response did not succeed",
  CORSInvalidAllowMethod: "invalid token ‘%S’ in CORS header ‘Access-Control-Allow-Methods’",
  CORSInvalidAllowHeader: "invalid token ‘%S’ in CORS header ‘Access-Control-Allow-Headers’",
  CORSMissingAllowHeaderFromPreflight2:
    "header ‘%S’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response",
};

/** The keys whose message ends with "Status code: N." */
const WITH_STATUS = new Set(["CORSDidNotSucceed2", "CORSMissingAllowOrigin2", "CORSPreflightDidNotSucceed3"]);

/** Firefox's console line for the reason key (en-US; Firefox localizes it). Null for an unknown key. */
export function firefoxConsoleMessage(key: string, cause: Cause, ctx: BrowserWordsContext): string | null {
  const reason = FIREFOX_REASONS[key];
  if (reason === undefined) return null;
  const url = ctx.finalUrl ?? ctx.url;
  const at = key === "CORSNotSupportingCredentials" ? `‘${url}’` : url;
  const text = reason.replace("%S", cause.value ?? "");
  // A preflight that got no response, or a refused actual request, says "(null)" (Gecko `nsCORSListenerProxy.cpp`, LogBlockedRequest; checked in Firefox 153).
  const status = WITH_STATUS.has(key) ? ` Status code: ${ctx.status ?? "(null)"}.` : "";
  return `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${at}. (Reason: ${text}).${status}`;
}

/** The MDN page Firefox's console links a reason key to ("Learn more"). */
export function firefoxDocs(key: string): DocLink | null {
  if (FIREFOX_REASONS[key] === undefined) return null;
  // MDN's slug drops the key's version digit; its credentials page keeps a historical typo.
  const slug =
    key === "CORSMissingAllowCredentials" ? "CORSMIssingAllowCredentials" : key.replace(/\d+$/, "");
  return {
    url: `https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/${slug}`,
    title: `Reason: ${FIREFOX_REASONS[key]?.replace("‘%S’", "…").replace(/‘|’/g, "'")}`,
  };
}
