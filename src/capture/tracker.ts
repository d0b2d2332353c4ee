/**
 * Events → exchanges (the NetworkLog pattern of devtools-frontend): requests are followed hop by
 * hop, preflights are paired with their actual request in either arrival order, and finished
 * exchanges are emitted. All state is plain JSON (`TrackerState`), so the background can persist it
 * and rebuild the tracker after the service worker was stopped.
 */
import {
  type BrowserName,
  type Hop,
  isCorsBlockError,
  isPreflightRequest,
  needsPreflight,
  type ObservedExchange,
  originOf,
  preflightOnlyExchange,
  requestOrigin,
} from "../engine";
import { type ObservedEvent, saneTime } from "./events";
import { type ActualKey, type FinishedPreflight, findPreflight, matches, preflightFromHop } from "./pairing";
import { closeHop, methodAfterRedirect, openPending, type PendingRequest } from "./pending";
import { toExchange } from "./to-exchange";

/** A finished request that needed a preflight none was seen for yet: a late preflight may still pair. */
interface Awaiting {
  key: ActualKey;
  /** As seen, before it was marked unobserved for want of a preflight: the preflight completes it. */
  exchange: ObservedExchange;
  /** Its own end was not observed (a stale request a stopped worker followed): it stays so. */
  endUnobserved?: boolean;
  /**
   * A preflight for it still open when it ended (its end dropped with a stopped worker): it waits
   * for that one, however long, instead of `awaitingMs`.
   */
  waitsFor?: string;
}

export interface TrackerState {
  pending: Record<string, PendingRequest>;
  preflights: FinishedPreflight[];
  awaiting: Awaiting[];
  /** Each tab's page origin and when it navigated there: whom a worker's request is for. */
  tabOrigins?: Record<string, { origin: string; at: number }>;
  /** Page requests the browser handed to a service worker (Firefox): whose the worker's request is. */
  handed?: Array<{ tabId: number; url: string; at: number }>;
  /** When this worker took over from a stopped one (`inherit`). */
  takeoverAt?: number;
  /** Requests finished lately: a straggling event of one (a claimed preflight's end) is no new request. */
  ended?: string[];
  /** The latest time the worker's clock said (`ingest`, `flush`, `inherit`): what event times are checked against. */
  clock?: number;
  /**
   * How far behind the worker's clock the last event came (its time to its ingest, at most
   * `LIMITS.lagMs`): what waits for a later event waits on the events' clock, not the worker's.
   */
  lag?: number;
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
  /** Finished request ids remembered, so their straggling events are not new requests. */
  ended: 200,
  /**
   * A request a stopped worker was following that shows no event for this long after the new
   * worker took over: shown from what was seen, its end lost (a later end still replaces it).
   */
  interruptedQuietMs: 5_000,
  /**
   * The most the events' clock is taken to run behind the worker's. A worker busy for seconds
   * (writing a full store) gets the browser's events that late: waited for by the worker's clock,
   * a preflight's request or a request's preflight, still queued, was given up on, and the one
   * request was shown twice (its preflight alone, "unknown", and the request without it).
   */
  lagMs: 60_000,
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
  return isPreflightRequest(pending.method, pending.requestHeaders) || askUnseen(pending);
}

/**
 * An OPTIONS request whose request headers never came, taken over from a stopped worker: its start
 * (with `Access-Control-Request-Method`) went to that worker. Pages' own OPTIONS requests are rare
 * and preflighted themselves; this is treated as a preflight whose ask is unknown.
 */
function askUnseen(pending: PendingRequest): boolean {
  return (
    pending.interruptedAt !== undefined &&
    pending.method.toUpperCase() === "OPTIONS" &&
    pending.requestHeaders === null
  );
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

  /**
   * This worker follows on from a stopped one: the requests it was following may have lost events
   * (Chromium drops those it dispatches to a stopping worker; crbug.com/1024211 is the family).
   */
  inherit(now: number): void {
    this.tick(now);
    this.state.takeoverAt = now;
    for (const pending of Object.values(this.state.pending))
      pending.interruptedAt = Math.max(pending.interruptedAt ?? 0, now);
  }

  /**
   * Requests the restored history already holds as finished are no longer followed: the state was
   * older than the history (a full store keeps the history before the tracker's state), and their
   * later events, replayed, would only make a partial copy of them.
   */
  forgetFinished(isShown: (exchangeId: string) => boolean): void {
    for (const pending of Object.values(this.state.pending))
      if (!pending.provisional && isShown(`${this.browser}-${pending.requestId}`)) this.forget(pending);
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

  /** The worker's clock moved on (a clock that is no time, or that goes back, is not taken). */
  private tick(now: number | undefined): void {
    if (now === undefined || !Number.isFinite(now) || now < 0) return;
    if (this.state.clock === undefined || now > this.state.clock) this.state.clock = now;
  }

  /**
   * `now`: the worker's clock when the event came. Its time is made possible first (`saneTime`):
   * against the clock, and never before the time its request already reached.
   */
  ingest(raw: ObservedEvent, now?: number): TrackerOutput[] {
    if (isExtensionOrigin(raw.initiator)) return [];
    this.tick(now);
    const floor = this.state.pending[raw.requestId]?.current.startedAt ?? null;
    const timeStamp = saneTime(raw.timeStamp, this.state.clock ?? null, floor);
    if (now !== undefined && Number.isFinite(now))
      this.state.lag = Math.min(LIMITS.lagMs, Math.max(0, now - timeStamp));
    const event = this.attribute(timeStamp === raw.timeStamp ? raw : { ...raw, timeStamp });
    if (event === null) return [];
    if (event.type === "main_frame") {
      if (event.kind !== "send") return [];
      const origin = originOf(event.url);
      this.state.tabOrigins ??= {};
      if (origin) this.state.tabOrigins[String(event.tabId)] = { origin, at: event.timeStamp };
      return [{ kind: "navigated", tabId: event.tabId, at: event.timeStamp }];
    }
    if (event.type === "sub_frame") return [];
    if (!this.state.pending[event.requestId] && this.state.ended?.includes(event.requestId)) {
      if (event.kind === "send") this.lateAsk(event);
      return [];
    }
    const pending = this.state.pending[event.requestId] ?? this.open(event);
    if (pending.interruptedAt !== undefined)
      pending.interruptedAt = Math.max(pending.interruptedAt, event.timeStamp);
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
        // Browsers never follow a preflight's redirect (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0): it ends here,
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

  /**
   * Reports what waited too long: orphan preflights, requests without an end. `lateMs`: how much
   * later than due this flush runs; the worker was busy that long, and the browser's events of that
   * time may still be queued for it.
   */
  flush(wallNow: number, lateMs = 0): TrackerOutput[] {
    this.tick(wallNow);
    // What waits for an event waits by the events' clock: as late as the last event came, or as
    // events of the time the worker was busy may still come.
    const behind = Math.min(
      LIMITS.lagMs,
      Math.max(this.state.lag ?? 0, Number.isFinite(lateMs) ? lateMs : 0),
    );
    const now = wallNow - behind;
    const out: TrackerOutput[] = [];
    // Just after a takeover the stopped worker's last events may still come, late and out of order
    // (its journal writes that landed after the restore read): what waits for a preflight waits on.
    const takeover = this.state.takeoverAt;
    const lateEventsDue = takeover !== undefined && wallNow - takeover < LIMITS.interruptedQuietMs;
    this.state.awaiting = this.state.awaiting.filter(
      (a) =>
        lateEventsDue ||
        now - a.key.endedAt < LIMITS.awaitingMs ||
        (a.waitsFor !== undefined && this.state.pending[a.waitsFor] !== undefined),
    );
    // A preflight whose request is still in flight (a slow server, or an end a stopped worker lost)
    // is that request's, not an orphan: it waits for it.
    const inFlight = new Set<string>();
    for (const pending of Object.values(this.state.pending))
      if (!isPreflight(pending)) {
        inFlight.add(`${pending.tabId} ${pending.url} ${pending.method}`);
        inFlight.add(`${pending.tabId} ${pending.url} `);
      }
    const waits = (p: FinishedPreflight) =>
      now - p.endedAt < LIMITS.orphanPreflightMs || inFlight.has(`${p.tabId} ${p.url} ${p.method}`);
    const orphans = this.state.preflights.filter((p) => !waits(p));
    this.state.preflights = this.state.preflights.filter(waits);
    for (const p of orphans) out.push({ kind: "exchange", tabId: p.tabId, exchange: this.orphanExchange(p) });
    if (this.state.handed) this.state.handed = this.state.handed.filter((h) => now - h.at < LIMITS.handedMs);
    for (const pending of Object.values(this.state.pending)) {
      if (pending.handedToWorkerAt !== undefined) {
        if (now - pending.handedToWorkerAt >= LIMITS.handedMs) this.forget(pending);
        continue;
      }
      if (now - pending.current.startedAt >= LIMITS.stalePendingMs)
        out.push(...this.finish(pending, null, false, now, true));
      else if (
        pending.interruptedAt !== undefined &&
        !pending.provisional &&
        wallNow - pending.interruptedAt >= LIMITS.interruptedQuietMs
      )
        out.push(...this.endUnobserved(pending, wallNow));
    }
    return out;
  }

  /**
   * A request whose end a stopped worker lost: shown as far as it was seen (response headers, where
   * they came, still decide the CORS checks). It stays followed: the browser's real end, if it still
   * comes, replaces what is shown (same id); a preflight shown alone is replaced by the request that
   * claims it (`shownAs`).
   */
  private endUnobserved(pending: PendingRequest, now: number): TrackerOutput[] {
    pending.provisional = true;
    const hops = [...pending.hops, ...this.openHopAsSeen(pending, now)];
    if (isPreflight(pending)) {
      const hop = hops[hops.length - 1];
      if (!hop) return [];
      // Its request ended already and waits for it: they are one exchange.
      const asked = this.askOf(pending, hop, now);
      const waiting = asked ? this.state.awaiting.findIndex((a) => matches(asked, a.key)) : -1;
      const [claimed] = waiting >= 0 ? this.state.awaiting.splice(waiting, 1) : [];
      if (claimed) {
        this.forget(pending);
        const exchange = unobserved({ ...claimed.exchange, preflight: hop });
        return [{ kind: "exchange", tabId: pending.tabId, exchange }];
      }
      // Shown on its own under its own id; an actual request that claims it later takes that id.
      const exchange = preflightOnlyExchange({
        id: `${this.browser}-${pending.requestId}`,
        url: hop.url,
        preflight: hop,
        startedAt: hop.startedAt ?? now,
        recordedBy: this.browser,
      });
      return [{ kind: "exchange", tabId: pending.tabId, exchange: unobserved(exchange) }];
    }
    // Its preflight is taken now (one entry, not two): the real end, if it comes, finds it here.
    const key = this.actualKey(pending, now);
    const index = findPreflight(this.state.preflights, key);
    const finished = index >= 0 ? this.state.preflights.splice(index, 1)[0] : undefined;
    const open = finished ? null : this.inFlightPreflight(key, now, true, true);
    const taken = finished ?? open;
    if (taken) pending.preflightHop = taken.hop;
    if (taken?.shownAs) pending.shownAs = taken.shownAs;
    const made = toExchange({ ...pending, hops }, null, pending.preflightHop ?? null, this.browser);
    if (pending.shownAs) made.id = pending.shownAs;
    return [{ kind: "exchange", tabId: pending.tabId, exchange: unobserved(made) }];
  }

  /** The open hop, closed as far as it was seen (nothing when nothing of it was seen). */
  private openHopAsSeen(pending: PendingRequest, now: number) {
    const seen = pending.current.requestHeaders !== null || pending.current.status !== null;
    return seen ? [closeHop(pending.current, now, null, false)] : [];
  }

  /**
   * A preflight a stopped worker was following whose end never came (its events were dropped), for
   * this actual request: it is the request's preflight as far as it was seen. `claim` forgets it.
   */
  private inFlightPreflight(
    key: ActualKey,
    now: number,
    claim: boolean,
    requestInterrupted = false,
  ): { hop: Hop; shownAs: string | null; interrupted: boolean; askSeen: boolean } | null {
    for (const pending of Object.values(this.state.pending)) {
      if (!isPreflight(pending)) continue;
      // A preflight still open while its request ended: its end event was dropped (a stopped
      // worker's), or is just late (its response, already seen, is all it says).
      const interrupted = pending.interruptedAt !== undefined;
      if (!interrupted && !requestInterrupted && pending.current.status === null) continue;
      const [hop] = this.openHopAsSeen(pending, now);
      const asked = hop && this.askOf(pending, hop, key.endedAt);
      if (!hop || !asked || !matches(asked, key)) continue;
      if (claim) this.forget(pending);
      return {
        hop,
        shownAs: pending.provisional ? `${this.browser}-${pending.requestId}` : null,
        interrupted: interrupted || requestInterrupted,
        askSeen: asked.method !== "",
      };
    }
    return null;
  }

  /** The id of an open preflight (nothing of its response seen) that asks for this request. */
  private openPreflightFor(key: ActualKey, now: number): string | null {
    for (const pending of Object.values(this.state.pending)) {
      if (!isPreflight(pending)) continue;
      const [hop] = this.openHopAsSeen(pending, now);
      const asked = hop && this.askOf(pending, hop, key.endedAt);
      if (asked && matches(asked, key)) return pending.requestId;
    }
    return null;
  }

  private actualKey(pending: PendingRequest, endedAt: number): ActualKey {
    return {
      tabId: pending.tabId,
      url: pending.url,
      method: pending.method,
      origin: this.originSent(pending),
      endedAt,
    };
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
    // Its first event is not a start, just after a takeover: its start went to the stopped worker.
    const takeover = this.state.takeoverAt;
    if (
      event.kind !== "send" &&
      takeover !== undefined &&
      event.timeStamp - takeover < LIMITS.interruptedQuietMs
    )
      pending.interruptedAt = event.timeStamp;
    this.state.pending[event.requestId] = pending;
    return pending;
  }

  private forget(pending: PendingRequest): PendingRequest {
    delete this.state.pending[pending.requestId];
    this.state.ended ??= [];
    this.state.ended.push(pending.requestId);
    if (this.state.ended.length > LIMITS.ended) this.state.ended.shift();
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
    if (isPreflight(pending))
      return this.finishPreflight(pending, endedAt, stale && pending.interruptedAt !== undefined);

    const key = this.actualKey(pending, endedAt);
    const index = pending.preflightHop ? -1 : findPreflight(this.state.preflights, key);
    const finished = index >= 0 ? (this.state.preflights.splice(index, 1)[0] ?? null) : null;
    const preflight = pending.preflightHop
      ? { hop: pending.preflightHop, shownAs: pending.shownAs ?? null, interrupted: true, askSeen: true }
      : finished
        ? {
            hop: finished.hop,
            shownAs: finished.shownAs ?? null,
            interrupted: finished.interrupted === true,
            askSeen: finished.method !== "",
          }
        : needsPreflight(pending.method, pending.requestHeaders) === false
          ? null
          : this.inFlightPreflight(key, endedAt, true, pending.interruptedAt !== undefined);
    const made = toExchange(pending, unanswered ? error : null, preflight?.hop ?? null, this.browser);
    // The preflight was shown on its own already (its end unobserved): this replaces that entry.
    if (preflight?.shownAs) made.id = preflight.shownAs;
    // Unobserved: its end (a stale one a stopped worker followed), its preflight's response, or
    // (started before a takeover) everything but its end: no response seen, no preflight.
    const interrupted = pending.interruptedAt !== undefined;
    const unseen =
      preflight !== null && (!preflight.askSeen || (preflight.interrupted && preflight.hop.status === null));
    const partial = interrupted && !preflight && !made.hops.some((h) => h.status !== null);
    const endUnobserved = stale && interrupted;
    const exchange = endUnobserved || unseen || partial ? unobserved(made) : made;
    if (!preflight && needsPreflight(exchange.method, exchange.requestHeaders) === true) {
      const open = this.openPreflightFor(key, endedAt);
      this.state.awaiting.push({
        key,
        exchange: made,
        ...(endUnobserved ? { endUnobserved } : {}),
        ...(open ? { waitsFor: open } : {}),
      });
    }
    return [{ kind: "exchange", tabId: pending.tabId, exchange }];
  }

  private finishPreflight(pending: PendingRequest, endedAt: number, interrupted = false): TrackerOutput[] {
    const hop = pending.hops[pending.hops.length - 1];
    const found = hop ? this.askOf(pending, hop, endedAt) : null;
    if (!found) return [];
    const marked = interrupted || found.method === "" ? { ...found, interrupted: true } : found;
    const preflight = pending.provisional
      ? { ...marked, shownAs: `${this.browser}-${pending.requestId}` }
      : marked;
    // Out-of-order delivery: the actual request already finished and waits for this preflight.
    const waiting = this.state.awaiting.findIndex((a) => matches(preflight, a.key));
    if (waiting >= 0) {
      const [claimed] = this.state.awaiting.splice(waiting, 1);
      if (claimed) {
        const paired = {
          ...claimed.exchange,
          preflight: preflight.hop,
          startedAt: Math.min(
            claimed.exchange.startedAt,
            preflight.hop.startedAt ?? claimed.exchange.startedAt,
          ),
        };
        const exchange = claimed.endUnobserved || unseenPreflight(preflight) ? unobserved(paired) : paired;
        return [{ kind: "exchange", tabId: preflight.tabId, exchange }];
      }
    }
    this.state.preflights.push(preflight);
    return [];
  }

  /**
   * A preflight's start that comes after its end (Chromium, just after a worker stop, delivered a
   * preflight's response and end to the new worker while it restored and the start 240 ms later): if
   * that preflight still waits for its request with its ask unseen, the start is its ask.
   */
  private lateAsk(event: Extract<ObservedEvent, { kind: "send" }>): void {
    const i = this.state.preflights.findIndex((p) => p.requestId === event.requestId && p.method === "");
    const unseen = this.state.preflights[i];
    if (!unseen || unseen.hop.requestHeaders.length > 0) return;
    const hop = { ...unseen.hop, requestHeaders: event.requestHeaders };
    const asked = preflightFromHop(unseen.requestId, unseen.tabId, hop, unseen.endedAt);
    if (!asked) return;
    // Its ask is seen now; it stays marked only if its response was not seen either.
    this.state.preflights[i] = {
      ...asked,
      ...(hop.status === null ? { interrupted: true } : {}),
      ...(unseen.shownAs ? { shownAs: unseen.shownAs } : {}),
    };
  }

  /** What a preflight asked (any method, where its request headers were never seen). */
  private askOf(pending: PendingRequest, hop: Hop, endedAt: number): FinishedPreflight | null {
    if (!askUnseen(pending)) return preflightFromHop(pending.requestId, pending.tabId, hop, endedAt);
    return {
      requestId: pending.requestId,
      tabId: pending.tabId,
      url: hop.url,
      method: "",
      origin: requestOrigin([], pending.initiator).origin,
      hop,
      endedAt,
    };
  }

  private originSent(pending: PendingRequest): string | null {
    return requestOrigin([pending.requestHeaders], pending.initiator).origin;
  }

  /** A preflight whose actual request was never seen: diagnosable on its own when it failed. */
  private orphanExchange(p: FinishedPreflight): ObservedExchange {
    const exchange = preflightOnlyExchange({
      id: `${this.browser}-${p.requestId}`,
      url: p.url,
      preflight: p.hop,
      startedAt: p.hop.startedAt ?? p.endedAt,
      recordedBy: this.browser,
    });
    return p.interrupted ? unobserved(exchange) : exchange;
  }
}

/** A preflight whose response, or whose ask, a stopped worker never saw. */
function unseenPreflight(preflight: FinishedPreflight | null): boolean {
  return preflight?.interrupted === true && (preflight.hop.status === null || preflight.method === "");
}

/** Its end was not observed: no error could be seen either (Chromium's CORS errors included). */
function unobserved(exchange: ObservedExchange): ObservedExchange {
  return { ...exchange, interrupted: true, visibility: { ...exchange.visibility, corsErrors: false } };
}
