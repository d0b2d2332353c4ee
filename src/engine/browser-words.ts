/**
 * The browsers' own words for a cause: the sentence Chromium prints in the console (what users paste
 * into a search), Firefox's "Reason:" text, and the documentation page each browser links to.
 *
 * Chromium: `services/network/public/cpp/cors/cors_error_status.cc` and
 * `third_party/blink/renderer/platform/loader/cors/cors_error_string.cc` (`GetErrorStringForConsoleMessage`);
 * the Issues panel links to web.dev (`front_end/models/issues_manager/CorsIssue.ts`).
 * Firefox: `dom/locales/en-US/chrome/security/security.properties` (the reason keys), linked from the
 * console to MDN's CORS error pages (`devtools/server/actors/errordocs.js`).
 */
import type { Cause, CauseCode } from "./types";

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

export interface DocLink {
  url: string;
  title: string;
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
const FETCH_HINT = " Have the server send the header with a valid value.";
const XHR_HINT =
  " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.";

/** Chromium's tail after "has been blocked by CORS policy: ", by `CorsError` name without `Preflight`. */
function chromiumTail(base: string, cause: Cause, kind: string | null): string | null {
  const v = cause.value ?? "";
  switch (base) {
    case "WildcardOriginNotAllowed":
      return `The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`;
    case "MissingAllowOriginHeader":
      return "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    case "MultipleAllowOriginValues":
      return `The 'Access-Control-Allow-Origin' header contains multiple values '${v}', but only one is allowed.${kind === "fetch" ? FETCH_HINT : ""}`;
    case "InvalidAllowOriginValue":
      return `The 'Access-Control-Allow-Origin' header contains the invalid value '${v}'.${kind === "fetch" ? FETCH_HINT : ""}`;
    case "AllowOriginMismatch":
      return `The 'Access-Control-Allow-Origin' header has a value '${v}' that is not equal to the supplied origin.${kind === "fetch" ? FETCH_HINT : ""}`;
    case "InvalidAllowCredentials":
      return `The value of the 'Access-Control-Allow-Credentials' header in the response is '${v}' which must be 'true' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`;
    case "InvalidStatus":
      return "It does not have HTTP ok status.";
    case "DisallowedRedirect":
      return "Redirect is not allowed for a preflight request.";
    case "InvalidAllowMethodsPreflightResponse":
      return "Cannot parse Access-Control-Allow-Methods response header field in preflight response.";
    case "InvalidAllowHeadersPreflightResponse":
      return "Cannot parse Access-Control-Allow-Headers response header field in preflight response.";
    case "MethodDisallowedByPreflightResponse":
      return `Method ${v} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case "HeaderDisallowedByPreflightResponse":
      return `Request header field ${v} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case "RedirectContainsCredentials":
      return `Redirect location '${v}' contains a username and password, which is disallowed for cross-origin requests.`;
    case "DisallowedByMode":
      return "Cross origin requests are not allowed by request mode.";
    default:
      // The scheme list is build-dependent and the address spaces are not observable: no guess.
      return null;
  }
}

/** The `Preflight…` names that get the preflight prefix (cors-reference B §1.3). */
function splitPreflight(name: string): { preflight: boolean; base: string } {
  return name.startsWith("Preflight")
    ? { preflight: true, base: name.slice("Preflight".length) }
    : { preflight: false, base: name };
}

/**
 * Chromium's console sentence for the cause, as far as it is known: the full line when the resource
 * type names Blink's `<kind>`, else from "has been blocked by CORS policy:" on. Null when Chromium
 * prints no CORS sentence (a network error) or its words depend on what an extension cannot see.
 */
export function chromiumConsoleMessage(cause: Cause, ctx: BrowserWordsContext): string | null {
  if (cause.code === "no-cors-redirect-mode")
    return `Fetch API cannot load ${ctx.url}. Request mode is "no-cors" but the redirect mode is not "follow".`;
  if (!cause.chromium) return null;
  const { preflight, base } = splitPreflight(cause.chromium);
  const kind = KIND[ctx.resourceType] ?? null;
  const tail = chromiumTail(base, cause, kind);
  if (tail === null) return null;
  const blocked = `has been blocked by CORS policy: ${preflight ? PREFLIGHT_PREFIX : ""}${tail}`;
  if (kind === null || ctx.pageOrigin === null) return `… ${blocked}`;
  const redirected = ctx.finalUrl && ctx.finalUrl !== ctx.url;
  const at = redirected ? `'${ctx.finalUrl}' (redirected from '${ctx.url}')` : `'${ctx.url}'`;
  return `Access to ${kind} at ${at} from origin '${ctx.pageOrigin}' ${blocked}`;
}

const WEB_DEV_CORS: DocLink = {
  url: "https://web.dev/cross-origin-resource-sharing",
  title: "Cross-Origin Resource Sharing (CORS)",
};
const LOCAL_NETWORK: DocLink = {
  url: "https://developer.chrome.com/blog/local-network-access",
  title: "Local Network Access",
};

/** The page Chromium's Issues panel links to for this cause (none for mode, scheme and network errors). */
const CHROMIUM_DOCS: Record<CauseCode, DocLink | null> = {
  "disallowed-by-mode": null,
  "scheme-not-supported": null,
  "no-cors-redirect-mode": null,
  "missing-allow-origin": WEB_DEV_CORS,
  "multiple-allow-origin": WEB_DEV_CORS,
  "invalid-allow-origin": WEB_DEV_CORS,
  "allow-origin-mismatch": WEB_DEV_CORS,
  "wildcard-origin-with-credentials": WEB_DEV_CORS,
  "allow-credentials-not-true": WEB_DEV_CORS,
  "preflight-status-not-ok": WEB_DEV_CORS,
  "preflight-redirected": WEB_DEV_CORS,
  "invalid-allow-methods": WEB_DEV_CORS,
  "invalid-allow-headers": WEB_DEV_CORS,
  "method-not-allowed": WEB_DEV_CORS,
  "header-not-allowed": WEB_DEV_CORS,
  "redirect-contains-credentials": WEB_DEV_CORS,
  "local-network-insecure": LOCAL_NETWORK,
  "local-network-invalid": null,
  "local-network-permission-denied": LOCAL_NETWORK,
  "network-error": null,
};

export function chromiumDocs(code: CauseCode): DocLink | null {
  return CHROMIUM_DOCS[code];
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
  // A preflight that got no response, or a refused actual request, says "(null)" (cors-reference B §4.5).
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
