/** A request being observed, hop by hop, until it completes or fails. Plain JSON. */
import type { HeaderList, Hop } from "../engine";
import type { EventBase } from "./events";

export interface OpenHop {
  url: string;
  method: string;
  requestHeaders: HeaderList | null;
  status: number | null;
  responseHeaders: HeaderList;
  startedAt: number;
}

/** Who asked for what, as the request's first event said. */
export interface PendingRequest extends Omit<EventBase, "timeStamp"> {
  startedAt: number;
  /** The first request headers seen (the request as the page made it). */
  requestHeaders: HeaderList | null;
  hops: Hop[];
  current: OpenHop;
  /**
   * When the browser handed the request to the page's service worker (Firefox's internal redirect):
   * the worker's own request, reported separately, carries the verdict.
   */
  handedToWorkerAt?: number;
  /**
   * Followed by a worker that was stopped (Chromium drops the events it dispatches to a stopping
   * worker): the time of the last sign of it since, after which a quiet spell means its end is lost.
   */
  interruptedAt?: number;
  /** Shown already from what was seen; a real end later replaces it (same exchange id). */
  provisional?: boolean;
  /** Its preflight, taken when it was shown (so the preflight is not also shown on its own). */
  preflightHop?: Hop;
  /** The id its exchange is shown under, when its preflight was shown alone first. */
  shownAs?: string;
}

export function openPending(event: EventBase): PendingRequest {
  const { requestId, tabId, frameId, url, method, type, initiator, documentUrl } = event;
  return {
    ...(event.viaWorker ? { viaWorker: true } : {}),
    requestId,
    tabId,
    frameId,
    url,
    method,
    type,
    initiator,
    documentUrl,
    startedAt: event.timeStamp,
    requestHeaders: null,
    hops: [],
    current: {
      url: event.url,
      method: event.method,
      requestHeaders: null,
      status: null,
      responseHeaders: [],
      startedAt: event.timeStamp,
    },
  };
}

export function closeHop(open: OpenHop, endedAt: number, error: string | null, fromCache: boolean): Hop {
  return {
    url: open.url,
    method: open.method,
    status: open.status,
    requestHeaders: open.requestHeaders ?? [],
    responseHeaders: open.responseHeaders,
    error,
    fromCache,
    startedAt: open.startedAt,
    endedAt,
  };
}

/** https://fetch.spec.whatwg.org/#http-redirect-fetch: 301/302 turn POST into GET, 303 turns everything but HEAD into GET. */
export function methodAfterRedirect(method: string, status: number): string {
  if ((status === 301 || status === 302) && method.toUpperCase() === "POST") return "GET";
  if (status === 303 && method.toUpperCase() !== "HEAD" && method.toUpperCase() !== "GET") return "GET";
  return method;
}
