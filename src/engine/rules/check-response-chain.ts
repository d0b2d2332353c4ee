/**
 * The actual request's responses: the CORS check on every redirect response and on the final
 * response while the CORS flag is set (Chromium `CorsURLLoader`, https://fetch.spec.whatwg.org/#http-fetch), the userinfo
 * rule and origin tainting on redirects (https://fetch.spec.whatwg.org/#http-redirect-fetch).
 */
import { combinedHeader, headerValues } from "../headers";
import { hasUserinfo, originOf } from "../origin";
import type { Hop } from "../types";
import { checkAllowOrigin } from "./check-allow-origin";
import type { CheckFailure } from "./failure";

export interface ChainOutcome {
  failure: CheckFailure | null;
  /** The origin the last hop was checked against ("null" once a redirect tainted it). */
  finalOrigin: string;
  /** True when every hop was answered (each has a status). */
  complete: boolean;
}

/** The URL a redirect hop leads to: the next hop's URL, else its `Location` resolved against it. */
export function redirectTarget(hops: readonly Hop[], index: number): string | null {
  const next = hops[index + 1];
  if (next) return next.url;
  const hop = hops[index];
  const location = hop ? combinedHeader(hop.responseHeaders, "location") : null;
  if (!hop || location === null) return null;
  try {
    return new URL(location, hop.url).href;
  } catch {
    return null;
  }
}

/**
 * A status the browser follows when it comes with a Location: the Fetch Standard's redirect statuses
 * (https://fetch.spec.whatwg.org/#redirect-status). A 300 (or 305, 306) with a Location is the
 * response, in Chromium and in Firefox alike (lab scenario `status-300-with-location`: Chromium 156
 * and Firefox ESR 153 both allowed the page at the 300, whose target had no CORS headers).
 */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
export const isRedirectStatus = (status: number): boolean => REDIRECT_STATUSES.has(status);

/**
 * Request headers that make a request conditional
 * (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch: a request whose header list holds one
 * gets cache mode "no-store", so its 304 is not merged with a stored response but is the response).
 */
export const CONDITIONAL_HEADERS: ReadonlySet<string> = new Set([
  "if-none-match",
  "if-modified-since",
  "if-match",
  "if-unmodified-since",
  "if-range",
]);

/**
 * `pageConditional`: the page itself made the request conditional (its preflight asked for an
 * If-None-Match or If-Modified-Since the script set). Only a browser's own revalidation has its 304
 * exempt from the CORS check: Chromium's CorsURLLoader::OnReceiveResponse skips the check for
 * `request.is_revalidating && status == 304`
 * (https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/cors_url_loader.cc),
 * and `is_revalidating` is set by Blink's own cache revalidation, never for a fetch() carrying the
 * page's If-None-Match — whose 304 without Access-Control-Allow-Origin Chromium 156 blocks ("No
 * 'Access-Control-Allow-Origin' header is present", held-out set 17's FreiFahren#470, hono/etag).
 */
export function checkResponseChain(
  hops: readonly Hop[],
  requestOrigin: string,
  credentialed: boolean,
  pageConditional = false,
): ChainOutcome {
  let origin = requestOrigin;
  let corsFlag = false;
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i] as Hop;
    const isLast = i === hops.length - 1;
    const stage = isLast ? "response" : "redirect";
    if (hop.status === null) return { failure: null, finalOrigin: origin, complete: false };
    const observedOrigin = headerValues(hop.requestHeaders, "origin")[0];
    if (observedOrigin !== undefined) origin = observedOrigin;
    corsFlag ||= origin === "null" || originOf(hop.url) !== origin;
    // A 304 to the browser's own revalidation is exempt from the check (above).
    if (corsFlag && (hop.status !== 304 || pageConditional)) {
      const access = checkAllowOrigin(hop.responseHeaders, origin, credentialed);
      if (access) {
        return {
          failure: {
            code: access.code,
            stage,
            hop,
            header: access.header,
            value: access.value,
            expected: access.expected,
            lines: access.allowOriginLines,
          },
          finalOrigin: origin,
          complete: true,
        };
      }
    }
    const redirect = isRedirectStatus(hop.status) && redirectTarget(hops, i) !== null;
    if (isLast && !redirect) break;
    const target = redirectTarget(hops, i);
    // https://fetch.spec.whatwg.org/#http-redirect-fetch: a Location with credentials fails a CORS
    // request when it leaves the request's origin (a tainted origin is no origin's) or once the
    // CORS flag is set (Chromium `cors::CheckRedirectLocation`, services/network/public/cpp/cors/cors.cc).
    if (target !== null && hasUserinfo(target) && (corsFlag || originOf(target) !== origin)) {
      return {
        failure: {
          code: "redirect-contains-credentials",
          stage: "redirect",
          hop,
          header: "location",
          value: target,
          expected: "a Location without user:password@",
          lines: 0,
        },
        finalOrigin: origin,
        complete: true,
      };
    }
    // Tainting: a hop to another origin, from a URL that was not the request's own origin, makes
    // the request origin opaque: from then on `Origin: null` is sent and compared.
    const from = originOf(hop.url);
    if (target !== null && originOf(target) !== from && from !== origin) origin = "null";
    // A redirect that ends the chain was never followed: the rest was not observed.
    if (isLast) return { failure: null, finalOrigin: origin, complete: false };
  }
  return { failure: null, finalOrigin: origin, complete: true };
}
