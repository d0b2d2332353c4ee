/**
 * Pairing a CORS preflight with its actual request. Neither browser links them (no field of
 * `chrome.webRequest` or Firefox's `webRequest` does): match on tab, URL, `Access-Control-Request-Method` = method and origin, in either
 * arrival order (Chrome finishes the preflight before the actual request's send events; Firefox
 * sends the actual request's events first), oldest first under concurrency.
 */
import { combinedHeader, type Hop, requestOrigin } from "../engine";

export interface FinishedPreflight {
  requestId: string;
  tabId: number;
  url: string;
  /**
   * `Access-Control-Request-Method`: the actual request's method; "" when the preflight's request
   * headers were never seen (its start went to a stopped worker): then any method pairs.
   */
  method: string;
  origin: string | null;
  hop: Hop;
  endedAt: number;
  /** Its end was not observed (see `PendingRequest.interruptedAt`). */
  interrupted?: boolean;
  /** Already shown on its own under this exchange id (its end unobserved): a pairing takes it. */
  shownAs?: string;
}

export interface ActualKey {
  tabId: number;
  url: string;
  method: string;
  origin: string | null;
  endedAt: number;
}

/** How far apart a preflight's end and its request's end may be (slow servers, a stalled worker). */
export const PAIRING_WINDOW_MS = 60_000;

export function preflightFromHop(
  requestId: string,
  tabId: number,
  hop: Hop,
  endedAt: number,
): FinishedPreflight | null {
  const method = combinedHeader(hop.requestHeaders, "access-control-request-method");
  if (method === null) return null;
  return {
    requestId,
    tabId,
    url: hop.url,
    method,
    origin: requestOrigin([hop.requestHeaders], null).origin,
    hop,
    endedAt,
  };
}

/** What a preflight asks about, and what the request it precedes is. */
export interface Ask {
  url: string;
  method: string;
  origin: string | null;
}

/**
 * The pairing rule every recorder shares: the preflight was for this URL, its
 * `Access-Control-Request-Method` is the request's method, and the origins agree where both are known.
 */
export function samePreflightAsk(preflight: Ask, actual: Ask): boolean {
  return (
    preflight.url === actual.url &&
    preflight.method === actual.method &&
    (preflight.origin === null || actual.origin === null || preflight.origin === actual.origin)
  );
}

/** webRequest: the same ask, in the same tab, within the pairing window. */
export function matches(preflight: FinishedPreflight, actual: ActualKey): boolean {
  return (
    preflight.tabId === actual.tabId &&
    samePreflightAsk(preflight.method === "" ? { ...preflight, method: actual.method } : preflight, actual) &&
    Math.abs(actual.endedAt - preflight.endedAt) <= PAIRING_WINDOW_MS
  );
}

/** The index of the oldest unclaimed preflight for this request, or -1. */
export function findPreflight(preflights: readonly FinishedPreflight[], actual: ActualKey): number {
  let best = -1;
  for (let i = 0; i < preflights.length; i++) {
    const p = preflights[i] as FinishedPreflight;
    if (!matches(p, actual)) continue;
    if (best === -1 || p.endedAt < (preflights[best] as FinishedPreflight).endedAt) best = i;
  }
  return best;
}
