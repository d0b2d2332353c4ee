/**
 * Events → exchanges (the NetworkLog pattern of devtools-frontend): requests are followed hop by
 * hop, preflights are paired with their actual request in either arrival order, and finished
 * exchanges are emitted. All state is plain JSON (`TrackerState`), so the background can persist it
 * and rebuild the tracker after the service worker was stopped.
 */
import {
  type BrowserName,
  combinedHeader,
  isCorsBlockError,
  isPreflightRequest,
  needsPreflight,
  type ObservedExchange,
  originOf,
  preflightOnlyExchange,
} from "../engine";
import type { ObservedEvent } from "./events";
import { type ActualKey, type FinishedPreflight, findPreflight, matches, preflightFromHop } from "./pairing";
import { closeHop, methodAfterRedirect, openPending, type PendingRequest } from "./pending";
import { toExchange } from "./to-exchange";

/** A finished request that needed a preflight none was seen for yet: a late preflight may still pair. */
interface Awaiting {
  key: ActualKey;
  exchange: ObservedExchange;
}

export interface TrackerState {
  pending: Record<string, PendingRequest>;
  preflights: FinishedPreflight[];
  awaiting: Awaiting[];
  /** Each tab's page origin and when it navigated there: whom a worker's request is for. */
  tabOrigins?: Record<string, { origin: string; at: number }>;
  /** Page requests the browser handed to a service worker (Firefox): whose the worker's request is. */
  handed?: Array<{ tabId: number; url: string; at: number }>;
}

export type TrackerOutput =
  | { kind: "exchange"; tabId: number; exchange: ObservedExchange }
  | { kind: "navigated"; tabId: number; at: number };

export const LIMITS = {
  /** Requests followed at once; beyond it the oldest is finished as seen. */
  pending: 5_000,
  /** A preflight with no actual request after this long is reported on its own. */
  orphanPreflightMs: 5_000,
  /** How long a finished request waits for a late preflight. */
  awaitingMs: 2_000,
  /** A request without an end after this long is reported as seen. */
  stalePendingMs: 5 * 60_000,
  /**
   * A request handed to a service worker that shows no network event after this long was answered
   * by the worker (its own request, if any, is reported on its own).
   */
  handedMs: 30_000,
  /** Handed-over page requests remembered for attributing the worker's requests. */
  handed: 500,
};

export function emptyTrackerState(): TrackerState {
  return { pending: {}, preflights: [], awaiting: [] };
}

function isExtensionOrigin(initiator: string | null): boolean {
  return (
    initiator !== null && /^(chrome-extension|moz-extension|devtools|chrome|about|resource):/.test(initiator)
  );
}

function isPreflight(pending: PendingRequest): boolean {
  return isPreflightRequest(pending.method, pending.requestHeaders);
}

/** CORS-type errors with no response mean the request never went out (a rejected preflight). */
function neverAnswered(error: string | null, pending: PendingRequest): boolean {
  return pending.current.status === null && isCorsBlockError(error);
}

export class ExchangeTracker {
  constructor(
    private readonly browser: BrowserName,
    private state: TrackerState = emptyTrackerState(),
  ) {}

  snapshot(): TrackerState {
    return this.state;
  }

  /** A tab already open when recording started (no navigation seen): its page's origin. */
  knowTab(tabId: number, url: string, at: number): void {
    const origin = originOf(url);
    if (origin === null) return;
    this.state.tabOrigins ??= {};
    const known = this.state.tabOrigins[String(tabId)];
    if (!known || known.at < at) this.state.tabOrigins[String(tabId)] = { origin, at };
  }

  /**
   * A worker's request has no tab (Chromium reports `tabId: -1` for service and shared workers):
   * it belongs to the tab that most recently navigated to the worker's origin, the page it serves.
   */
  private attribute(event: ObservedEvent): ObservedEvent | null {
    if (event.tabId >= 0) return event;
    const known = this.state.pending[event.requestId];
    if (known) return { ...event, tabId: known.tabId, viaWorker: true };
    // Firefox says which page request its worker took over: the same URL, handed over just before.
    const handed = this.state.handed?.findLast((h) => h.url === event.url && h.at <= event.timeStamp);
    if (handed) return { ...event, tabId: handed.tabId, viaWorker: true };
    if (event.initiator === null) return null;
    let best: { tabId: number; at: number } | null = null;
    for (const [id, tab] of Object.entries(this.state.tabOrigins ?? {}))
      if (tab.origin === event.initiator && (best === null || tab.at > best.at))
        best = { tabId: Number(id), at: tab.at };
    return best ? { ...event, tabId: best.tabId, viaWorker: true } : null;
  }

  ingest(raw: ObservedEvent): TrackerOutput[] {
    if (isExtensionOrigin(raw.initiator)) return [];
    const event = this.attribute(raw);
    if (event === null) return [];
    if (event.type === "main_frame") {
      if (event.kind !== "send") return [];
      const origin = originOf(event.url);
      this.state.tabOrigins ??= {};
      if (origin) this.state.tabOrigins[String(event.tabId)] = { origin, at: event.timeStamp };
      return [{ kind: "navigated", tabId: event.tabId, at: event.timeStamp }];
    }
    if (event.type === "sub_frame") return [];
    const pending = this.state.pending[event.requestId] ?? this.open(event);
    switch (event.kind) {
      case "send":
        delete pending.handedToWorkerAt; // the worker let it go to the network after all
        pending.current.requestHeaders = event.requestHeaders;
        pending.requestHeaders ??= event.requestHeaders;
        return [];
      case "headers":
        delete pending.handedToWorkerAt;
        pending.current.status = event.statusCode;
        pending.current.responseHeaders = event.responseHeaders;
        return [];
      case "redirect": {
        // Status 0 is no response: an internal redirect, not a hop. Gecko hands a channel that the
        // page's service worker intercepts to an InterceptedHttpChannel this way, same id and URL
        // (netwerk/protocol/http/InterceptedHttpChannel.cpp), and reports nothing more for it when
        // the worker answers; an HSTS upgrade is one too (nsHttpChannel::StartRedirectChannelToHttps).
        if (event.statusCode === 0) {
          if (event.redirectUrl === pending.current.url && !event.viaWorker) this.handOver(pending, event);
          pending.current.url = event.redirectUrl;
          return [];
        }
        delete pending.handedToWorkerAt;
        pending.current.status = event.statusCode;
        if (event.responseHeaders.length > 0) pending.current.responseHeaders = event.responseHeaders;
        pending.hops.push(closeHop(pending.current, event.timeStamp, null, event.fromCache));
        // Browsers never follow a preflight's redirect (Fetch "CORS-preflight fetch"): it ends here,
        // and Firefox reports nothing more for it.
        if (isPreflight(pending)) return this.finishPreflight(this.forget(pending), event.timeStamp);
        const method = methodAfterRedirect(pending.current.method, event.statusCode);
        pending.current = {
          url: event.redirectUrl,
          method,
          requestHeaders: null,
          status: null,
          responseHeaders: [],
          startedAt: event.timeStamp,
        };
        return [];
      }
      case "completed":
        pending.current.status = event.statusCode;
        if (event.responseHeaders.length > 0) pending.current.responseHeaders = event.responseHeaders;
        return this.finish(pending, null, event.fromCache, event.timeStamp);
      case "error":
        return this.finish(pending, event.error, event.fromCache, event.timeStamp);
    }
  }

  /** Reports what waited too long: orphan preflights, requests without an end. */
  flush(now: number): TrackerOutput[] {
    const out: TrackerOutput[] = [];
    this.state.awaiting = this.state.awaiting.filter((a) => now - a.key.endedAt < LIMITS.awaitingMs);
    const orphans = this.state.preflights.filter((p) => now - p.endedAt >= LIMITS.orphanPreflightMs);
    this.state.preflights = this.state.preflights.filter((p) => now - p.endedAt < LIMITS.orphanPreflightMs);
    for (const p of orphans) out.push({ kind: "exchange", tabId: p.tabId, exchange: this.orphanExchange(p) });
    if (this.state.handed) this.state.handed = this.state.handed.filter((h) => now - h.at < LIMITS.handedMs);
    for (const pending of Object.values(this.state.pending)) {
      if (pending.handedToWorkerAt !== undefined) {
        if (now - pending.handedToWorkerAt >= LIMITS.handedMs) this.forget(pending);
        continue;
      }
      if (now - pending.current.startedAt >= LIMITS.stalePendingMs)
        out.push(...this.finish(pending, null, false, now, true));
    }
    return out;
  }

  private handOver(pending: PendingRequest, event: ObservedEvent): void {
    pending.handedToWorkerAt = event.timeStamp;
    this.state.handed ??= [];
    this.state.handed.push({ tabId: pending.tabId, url: event.url, at: event.timeStamp });
    if (this.state.handed.length > LIMITS.handed) this.state.handed.shift();
  }

  private open(event: ObservedEvent): PendingRequest {
    const ids = Object.keys(this.state.pending);
    if (ids.length >= LIMITS.pending) delete this.state.pending[ids[0] as string];
    const pending = openPending(event);
    this.state.pending[event.requestId] = pending;
    return pending;
  }

  private forget(pending: PendingRequest): PendingRequest {
    delete this.state.pending[pending.requestId];
    return pending;
  }

  private finish(
    pending: PendingRequest,
    error: string | null,
    fromCache: boolean,
    endedAt: number,
    stale = false,
  ): TrackerOutput[] {
    this.forget(pending);
    // The worker's own request carries the verdict of a request handed to it (a failed one ends
    // the page's request too, without a response of its own).
    if (pending.handedToWorkerAt !== undefined && pending.hops.length === 0) return [];
    // The end of a preflight whose start was reported already (after its redirect): nothing new.
    if (pending.method === "OPTIONS" && pending.requestHeaders === null && pending.current.status === null)
      return [];
    const unanswered = !stale && neverAnswered(error, pending);
    if (
      !unanswered &&
      (pending.current.requestHeaders !== null || pending.current.status !== null || error !== null)
    ) {
      pending.hops.push(closeHop(pending.current, endedAt, error, fromCache));
    }
    if (isPreflight(pending)) return this.finishPreflight(pending, endedAt);

    const key: ActualKey = {
      tabId: pending.tabId,
      url: pending.url,
      method: pending.method,
      origin: this.originSent(pending),
      endedAt,
    };
    const index = findPreflight(this.state.preflights, key);
    const preflight = index >= 0 ? (this.state.preflights.splice(index, 1)[0] ?? null) : null;
    const exchange = toExchange(pending, unanswered ? error : null, preflight?.hop ?? null, this.browser);
    if (!preflight && needsPreflight(exchange.method, exchange.requestHeaders) === true)
      this.state.awaiting.push({ key, exchange });
    return [{ kind: "exchange", tabId: pending.tabId, exchange }];
  }

  private finishPreflight(pending: PendingRequest, endedAt: number): TrackerOutput[] {
    const hop = pending.hops[pending.hops.length - 1];
    const preflight = hop ? preflightFromHop(pending.requestId, pending.tabId, hop, endedAt) : null;
    if (!preflight) return [];
    // Out-of-order delivery: the actual request already finished and waits for this preflight.
    const waiting = this.state.awaiting.findIndex((a) => matches(preflight, a.key));
    if (waiting >= 0) {
      const [claimed] = this.state.awaiting.splice(waiting, 1);
      if (claimed) {
        const exchange = {
          ...claimed.exchange,
          preflight: preflight.hop,
          startedAt: Math.min(
            claimed.exchange.startedAt,
            preflight.hop.startedAt ?? claimed.exchange.startedAt,
          ),
        };
        return [{ kind: "exchange", tabId: preflight.tabId, exchange }];
      }
    }
    this.state.preflights.push(preflight);
    return [];
  }

  private originSent(pending: PendingRequest): string | null {
    return (
      combinedHeader(pending.requestHeaders, "origin") ??
      (pending.initiator ? originOf(pending.initiator) : null)
    );
  }

  /** A preflight whose actual request was never seen: diagnosable on its own when it failed. */
  private orphanExchange(p: FinishedPreflight): ObservedExchange {
    return preflightOnlyExchange({
      id: `${this.browser}-${p.requestId}`,
      url: p.url,
      preflight: p.hop,
      startedAt: p.hop.startedAt ?? p.endedAt,
      recordedBy: this.browser,
    });
  }
}
