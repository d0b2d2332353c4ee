/**
 * The one way to build the engine's input, an `ObservedExchange`, from any recorder (webRequest,
 * HAR, a report read back): what each recorder can see is decided here, once.
 */
import { combinedHeader } from "./headers";
import { requestOrigin } from "./origin";
import type { BrowserName, Hop, ObservedExchange, Visibility } from "./types";

/**
 * What a recording shows. Preflights: webRequest with `extraHeaders` (Chrome) or always (Firefox),
 * a HAR only when it holds preflight entries. CORS errors on the final response: Chromium reports
 * `net::ERR_FAILED` on it; Firefox ends a blocked response in `onCompleted` (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
 */
export function visibilityOf(recordedBy: BrowserName | null, preflightsRecorded = true): Visibility {
  return { preflights: preflightsRecorded, corsErrors: recordedBy === "chromium" };
}

/** What a recorder gives; the request's origin is not among it: the builder decides it. */
export type ObservedFields = Pick<ObservedExchange, "id" | "url" | "method" | "recordedBy"> &
  Partial<Omit<ObservedExchange, "id" | "url" | "method" | "recordedBy" | "origin" | "originSent">>;

/**
 * An exchange from what was observed; everything not observed is "unknown" or absent, never guessed.
 * The request's origin is decided here, once, from the headers and the initiator.
 */
export function observedExchange(fields: ObservedFields): ObservedExchange {
  const { origin, sent } = requestOrigin(
    [fields.requestHeaders, fields.hops?.[0]?.requestHeaders, fields.preflight?.requestHeaders],
    fields.initiator,
  );
  return {
    origin,
    originSent: sent,
    initiator: null,
    documentUrl: null,
    resourceType: "other",
    mode: "unknown",
    credentials: "unknown",
    requestHeaders: null,
    startedAt: fields.preflight?.startedAt ?? 0,
    preflight: null,
    hops: [],
    error: null,
    visibility: visibilityOf(fields.recordedBy),
    ...fields,
  };
}

/**
 * A preflight seen without its actual request (the request was never sent, or is not in the record):
 * it still says whether the preflight failed. The method is the one the preflight asked for; the
 * request's header values were never seen (`Access-Control-Request-Headers` names them only).
 */
export function preflightOnlyExchange(fields: {
  id: string;
  url: string;
  preflight: Hop;
  recordedBy: BrowserName | null;
  documentUrl?: string | null;
  startedAt?: number;
}): ObservedExchange {
  const asked = fields.preflight.requestHeaders;
  return observedExchange({
    ...fields,
    method: combinedHeader(asked, "access-control-request-method") ?? "GET",
    initiator: combinedHeader(asked, "origin"),
    resourceType: "fetch",
    mode: "cors",
    hops: [],
  });
}
