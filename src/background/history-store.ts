/**
 * The background's state: the tracker's open requests and every tab's bounded history, persisted to
 * `storage.session` in batches so a stopped worker wakes up with it. Histories are written in
 * compressed chunks of consecutive exchanges: a batch rewrites only the chunks that changed, and
 * dropping the oldest exchanges deletes whole chunks.
 *
 * Between two batches the events themselves are journaled (appended as they come, those that come
 * while an append is on its way in the next one): a worker stopped mid-traffic loses none of the
 * events it had a store round trip before. Each batch says which of the journal it holds
 * (`Coverage`); on restore the rest is replayed, and what the batch holds is deleted once written.
 */
import type { ObservedEvent } from "../capture/events";
import { emptyTab, type TabHistory } from "../capture/tab-history";
import { emptyTrackerState, type TrackerState } from "../capture/tracker";
import type { ObservedExchange } from "../engine";
import { packJson, unpackJson } from "./compress";
import type { BackgroundPlatform } from "./platform";

const TRACKER_KEY = "tracker";
/** What of the journal a written batch holds all effects of (a `Coverage`). */
const UP_TO_KEY = "journal-up-to";

/**
 * The journal a batch holds: its writer's own events from `from` (the writer's first number) to
 * `upTo`, and older workers' events up to `older`. Two ranges, not one number: a stopped worker's
 * last appends can land after its successor read the store, and a single "up to" past them (the
 * successor's own numbers are higher) would have its next successor skip them.
 */
interface Coverage {
  from: number;
  upTo: number;
  older: number;
}

const covers = (c: Coverage, seq: number): boolean => (seq >= c.from ? seq <= c.upTo : seq <= c.older);

function readCoverage(value: unknown): Coverage {
  if (typeof value === "number") return { from: 0, upTo: value, older: value }; // one number, as before
  if (hasFields(value, { from: "number", upTo: "number", older: "number" })) return value as Coverage;
  return { from: 0, upTo: 0, older: 0 };
}
const JOURNAL_PREFIX = "j:";

/**
 * What the journal holds: the browser's events, and each worker's takeover (`ExchangeTracker.inherit`),
 * journaled under the worker's first number, before its own events. A successor replaying a stopped
 * worker's journal rebuilds the state that worker had: without the mark, a request whose start went
 * to the worker before it (its first event a response) was taken for one seen whole, and a preflight
 * whose ask was dropped for a page's own OPTIONS request — the one request shown twice.
 */
export type JournalEntry = ObservedEvent | { kind: "takeover"; at: number };
/**
 * Written by every worker as soon as its restore has read the store: the next worker knows a
 * worker ran before it in this browser session, even one stopped before it journaled anything.
 */
const LIFE_KEY = "worker-started";
const TAB_PREFIX = "tab:";
/** A throw-away value written to measure the room left (storage.session only says "full"). */
const PROBE_KEY = "room-probe";
/** What a trim leaves free for the journal's next appends: this share of what the history takes… */
const RESERVE_SHARE = 1 / 16;
/** …within these bounds, bytes. */
const RESERVE_MIN = 1_024;
const RESERVE_MAX = 64 * 1024;

/** What a stored value costs, near enough: its key and its JSON (chunks and the journal are text). */
function cost(key: string, value: unknown): number {
  return key.length + (typeof value === "string" ? value.length : (JSON.stringify(value)?.length ?? 0));
}
/** Batch writes: at most one storage write per this many milliseconds. */
export const PERSIST_DELAY_MS = 500;

/**
 * The page-overhead bench's "without the journal" build (CORS_LENS_DROP=journal, scripts/bench/
 * page-overhead.mjs): what the per-event appends cost, measured; never set in a shipped build.
 */
declare const __DROP_LISTENERS__: string[] | undefined;
// biome-ignore lint/complexity/useOptionalChain: the name is undeclared in normal builds; only typeof may read it
const NO_JOURNAL = typeof __DROP_LISTENERS__ !== "undefined" && __DROP_LISTENERS__.includes("journal");
/** Exchanges per stored chunk. */
export const CHUNK = 100;

interface TabMeta {
  dropped: number;
  storageDropped?: number;
  preserveLog: boolean;
  nextSeq: number;
  chunks: number[];
}

/** Where each exchange of a tab sits: a sequence number fixed when it was first recorded. */
interface Placement {
  seqOf: Map<string, number>;
  nextSeq: number;
  dirty: Set<number>;
  stored: Set<number>;
}

const metaKey = (tabId: number) => `${TAB_PREFIX}${tabId}:meta`;
const chunkKey = (tabId: number, chunk: number) => `${TAB_PREFIX}${tabId}:c${chunk}`;

/** Events that wait for the journal append on its way before they are sent in a call of their own. */
const MAX_WAITING = 1_000;

export class HistoryStore {
  readonly tabs = new Map<number, TabHistory>();
  tracker: TrackerState = emptyTrackerState();
  private placements = new Map<number, Placement>();
  private dirtyTabs = new Set<number>();
  private removedKeys = new Set<string>();
  private trackerDirty = false;
  private scheduled = false;
  /** The number of the last event journaled (or replayed from the journal). */
  private eventSeq = 0;
  /** Journal keys written, with the last event each holds. */
  private journalKeys = new Map<string, number>();
  /** Events to journal, numbered, waiting for the append on its way to the store (`journal`). */
  private waiting: Array<[number, ObservedEvent]> = [];
  /** How many appends are on their way to the store (more than one only where not coalesced). */
  private inFlight = 0;
  /** Entries of the journal newer than the restored batch: to be applied again, in order. */
  replay: JournalEntry[] = [];
  /** The stopped worker's journal numbers already replayed (or held by the restored batch). */
  private replayed = new Set<number>();
  /**
   * Until the tracker has ingested the replay and the events queued during the restore, a batch
   * holds no event beyond the restored one's: those are journaled but not applied yet.
   */
  private live = false;
  private restored: Coverage = { from: 0, upTo: 0, older: 0 };
  /** Every older worker's journal up to this is in this worker's state (restored or replayed). */
  private olderCovered = 0;

  /** This worker's first journal number: what the journal holds from before is a stopped worker's. */
  private readonly bornAt: number;
  /** What each key this store wrote (or restored) costs in storage, for computing what fits. */
  private storedBytes = new Map<string, number>();

  /**
   * `coalesce`: whether the events that come while an append is on its way wait for the next one
   * (`journal`). Only where the browser itself drops the events around a worker stop (Chromium);
   * Firefox drops none to an event page being unloaded, so there each event is its own call.
   */
  constructor(
    private readonly platform: Pick<BackgroundPlatform, "store" | "setTimeout"> & { now?(): number },
    private readonly coalesce = true,
  ) {
    this.bornAt = (platform.now?.() ?? 0) * 1000;
  }

  /**
   * Whether a worker ran before this one in the browser session (storage.session held anything of
   * it): only then can a request under way have lost events to a stop. Unknown (the store could not
   * be read): assumed so.
   */
  tookOver = true;
  /** When this worker took over (its restore read the store), if it did: journaled, so a successor replays it. */
  takeoverAt: number | null = null;

  async restore(): Promise<void> {
    const saved = await this.platform.store.getAll();
    // storage.session is this extension's alone and starts empty with each browser session; this
    // worker's own journal appends (numbered from its birth) may already be in it.
    this.tookOver = Object.keys(saved).some(
      (key) => !key.startsWith(JOURNAL_PREFIX) || Number(key.slice(JOURNAL_PREFIX.length)) < this.bornAt,
    );
    const life: Record<string, unknown> = { [LIFE_KEY]: this.bornAt };
    if (this.tookOver) {
      this.takeoverAt = this.platform.now?.() ?? 0;
      const key = `${JOURNAL_PREFIX}${this.bornAt}`;
      const mark: JournalEntry = { kind: "takeover", at: this.takeoverAt };
      life[key] = JSON.stringify([[this.bornAt, mark]]);
      this.journalKeys.set(key, this.bornAt);
    }
    void this.platform.store.set(life).catch(() => undefined);
    // A probe a stopped worker left behind, and what a trim emptied (a chunk, the journal) but its
    // worker did not get to remove, hold room for nothing.
    const leftovers = Object.entries(saved)
      .filter(
        ([key, value]) =>
          key === PROBE_KEY ||
          (value === "" && (key.startsWith(TAB_PREFIX) || key.startsWith(JOURNAL_PREFIX))),
      )
      .map(([key]) => key);
    for (const key of leftovers) delete saved[key];
    if (leftovers.length > 0) await this.platform.store.remove(leftovers).catch(() => undefined);
    for (const [key, value] of Object.entries(saved))
      if (
        key === TRACKER_KEY ||
        key === UP_TO_KEY ||
        key.startsWith(JOURNAL_PREFIX) ||
        key.startsWith(TAB_PREFIX)
      )
        this.storedBytes.set(key, cost(key, value));
    const tracker = unpackValue(saved[TRACKER_KEY]);
    if (isTrackerState(tracker)) this.tracker = tracker;
    const restored = readCoverage(saved[UP_TO_KEY]);
    const later: Array<[number, JournalEntry]> = [];
    for (const { key, entries, last } of journalOf(saved)) {
      // This worker's own appends, written before the restore read them, are ingested live.
      for (const [seq, event] of entries)
        if (!covers(restored, seq) && seq < this.bornAt) {
          later.push([seq, event]);
          this.replayed.add(seq);
        }
      this.journalKeys.set(key, last);
      this.eventSeq = Math.max(this.eventSeq, last);
    }
    // The takeover mark holds this worker's first number: a batch's coverage reaches it.
    this.eventSeq = Math.max(
      this.eventSeq,
      restored.upTo,
      restored.older,
      this.takeoverAt === null ? 0 : this.bornAt,
    );
    this.restored = restored;
    this.olderCovered = Math.max(restored.upTo, restored.older, ...this.replayed);
    this.replay = later.sort((a, b) => a[0] - b[0]).map(([, event]) => event);
    for (const [key, value] of Object.entries(saved)) {
      const match = /^tab:(\d+):meta$/.exec(key);
      if (!match || !isTabMeta(value)) continue;
      const tabId = Number(match[1]);
      const placement: Placement = {
        seqOf: new Map(),
        nextSeq: value.nextSeq,
        dirty: new Set(),
        stored: new Set(value.chunks),
      };
      const exchanges: ObservedExchange[] = [];
      for (const chunk of [...value.chunks].sort((a, b) => a - b)) {
        const packed = saved[chunkKey(tabId, chunk)];
        if (typeof packed !== "string") continue;
        const rows = (await unpackJson(packed).catch(() => [])) as Array<[number, ObservedExchange]>;
        for (const [seq, exchange] of rows) {
          placement.seqOf.set(exchange.id, seq);
          exchanges.push(exchange);
        }
      }
      const storageDropped = typeof value.storageDropped === "number" ? value.storageDropped : 0;
      this.tabs.set(tabId, {
        exchanges,
        dropped: value.dropped,
        storageDropped,
        preserveLog: value.preserveLog,
      });
      this.placements.set(tabId, placement);
    }
  }

  /**
   * The stopped worker's last journal writes can land after this worker's restore read the store
   * (its storage calls were sent, not yet done, when it was stopped): read again, and return the
   * events not replayed yet, in order. Called a moment after the start.
   */
  async lateJournal(): Promise<ObservedEvent[]> {
    const saved = await this.platform.store.getAll().catch(() => ({}) as Record<string, unknown>);
    const late: Array<[number, ObservedEvent]> = [];
    for (const { key, entries, last } of journalOf(saved)) {
      for (const [seq, event] of entries) {
        if (covers(this.restored, seq) || seq >= this.bornAt || this.replayed.has(seq)) continue;
        // A late takeover mark: this worker's own takeover, later, already marks what it followed.
        if (event.kind === "takeover") continue;
        this.replayed.add(seq);
        this.olderCovered = Math.max(this.olderCovered, seq);
        late.push([seq, event]);
      }
      if (!this.journalKeys.has(key)) this.journalKeys.set(key, last);
    }
    return late.sort((a, b) => a[0] - b[0]).map(([, event]) => event);
  }

  tab(tabId: number): TabHistory {
    let tab = this.tabs.get(tabId);
    if (!tab) {
      tab = emptyTab();
      this.tabs.set(tabId, tab);
    }
    return tab;
  }

  private placement(tabId: number): Placement {
    let p = this.placements.get(tabId);
    if (!p) {
      p = { seqOf: new Map(), nextSeq: 0, dirty: new Set(), stored: new Set() };
      this.placements.set(tabId, p);
    }
    return p;
  }

  /** An exchange was added or replaced in this tab. */
  exchangeChanged(tabId: number, exchange: ObservedExchange): void {
    const p = this.placement(tabId);
    let seq = p.seqOf.get(exchange.id);
    if (seq === undefined) {
      seq = p.nextSeq++;
      p.seqOf.set(exchange.id, seq);
    }
    p.dirty.add(Math.floor(seq / CHUNK));
    this.changed(tabId);
  }

  /** Anything else changed in the tab (clear, preserve log, dropped exchanges). */
  changed(tabId: number): void {
    this.dirtyTabs.add(tabId);
    this.schedule();
  }

  /**
   * Appends an event to the journal (before it is ingested). Sent in the listener's own task when no
   * append is on its way to the store: a storage call already sent completes in the browser even if
   * the worker is stopped right after. While one is on its way, the events that come meanwhile wait
   * and go together in the next call, sent the moment it is done: one storage call costs the browser
   * ~90 µs whatever it holds (3,000 single-event calls took 271 ms in Chromium 156 here, one call of
   * 3,000 events 22 ms), so under a burst the appends cost a few calls, not one per event. What a
   * stop can take is what waits behind the call on its way — one store round trip — inside the
   * 0–220 ms around a stop in which Chromium drops the events it dispatches anyway
   * (test/e2e/worker-stops.e2e.test.ts). Firefox drops none (`coalesce` false): each event is sent
   * in its own listener's task there (coalesced, 3 of 240 requests were lost to 19 stops).
   */
  journal(event: ObservedEvent): void {
    if (NO_JOURNAL) return;
    // Unique across worker lifetimes, and growing: a new worker journals before its restore has read
    // the old journal, so its numbers must come after the old ones without knowing them (ms × 1000).
    // Its first number is its takeover mark's.
    this.eventSeq = Math.max(this.eventSeq + 1, this.bornAt + 1, (this.platform.now?.() ?? 0) * 1000);
    this.waiting.push([this.eventSeq, event]);
    // A call that stays on its way (a store that never answers) does not hold the events behind it:
    // a full batch of them goes in a call of its own.
    if (this.inFlight === 0 || !this.coalesce || this.waiting.length >= MAX_WAITING) this.append();
  }

  /** Sends the events waiting to be journaled, as one storage call under the first one's number. */
  private append(): void {
    const entries = this.waiting;
    const first = entries[0];
    const last = entries[entries.length - 1];
    if (!first || !last) return;
    this.waiting = [];
    const key = `${JOURNAL_PREFIX}${first[0]}`;
    this.journalKeys.set(key, last[0]);
    const value = JSON.stringify(entries);
    this.inFlight++;
    void this.platform.store
      .set({ [key]: value })
      .then(
        () => this.storedBytes.set(key, cost(key, value)),
        () => {
          // Refused (the store is full): the events are only in memory until a batch holds them,
          // so that batch is written now, trimming the history to fit, not after the batch delay.
          this.journalKeys.delete(key);
          this.schedule(0);
        },
      )
      .finally(() => {
        this.inFlight--;
        if (this.coalesce) this.append();
      });
  }

  /** The tracker has ingested everything journaled so far: batches may count it from now on. */
  goLive(): void {
    this.live = true;
  }

  trackerChanged(): void {
    this.trackerDirty = true;
    this.schedule();
  }

  /** Requests dropped so far to fit the browser's storage quota (all tabs). */
  quotaDropped = 0;

  removeTab(tabId: number): void {
    const p = this.placements.get(tabId);
    this.removedKeys.add(metaKey(tabId));
    for (const chunk of p?.stored ?? []) this.removedKeys.add(chunkKey(tabId, chunk));
    this.tabs.delete(tabId);
    this.placements.delete(tabId);
    this.dirtyTabs.delete(tabId);
    this.schedule();
  }

  private schedule(delay = PERSIST_DELAY_MS): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.platform.setTimeout(() => void this.flush(), delay);
  }

  /** The flush under way, if any: the next waits for it (a trim's writes and another batch's must not interleave). */
  private flushing: Promise<void> | null = null;

  /** Writes everything changed since the last flush in one storage call, and removes what went. */
  flush(): Promise<void> {
    // Started at once when none is under way: what it writes is decided before its first await.
    const next = this.flushing ? this.flushing.then(() => this.flushOnce()) : this.flushOnce();
    const settled = next
      .catch(() => undefined)
      .then(() => {
        if (this.flushing === settled) this.flushing = null;
      });
    this.flushing = settled;
    return next;
  }

  private async flushOnce(): Promise<void> {
    this.scheduled = false;
    const items: Record<string, unknown> = {};
    const removed = [...this.removedKeys];
    this.removedKeys.clear();
    // Everything this flush writes is decided now, before its first await: a change marked while a
    // chunk is being compressed stays marked, for the next flush (it schedules one).
    const dirtyTabs = [...this.dirtyTabs];
    this.dirtyTabs.clear();
    // Every event journaled so far has been ingested: this batch holds its effects if the tracker
    // is taken now too (its object goes on changing while chunks are compressed below).
    const coverage: Coverage = this.live
      ? { from: this.bornAt, upTo: this.eventSeq, older: this.olderCovered }
      : this.restored;
    const tracker = this.trackerDirty ? (JSON.parse(JSON.stringify(this.tracker)) as TrackerState) : null;
    this.trackerDirty = false;
    const work: Array<{
      tabId: number;
      p: Placement;
      tab: TabHistory;
      byChunk: Map<number, Array<[number, ObservedExchange]>>;
    }> = [];
    for (const tabId of dirtyTabs) {
      const tab = this.tabs.get(tabId);
      if (!tab) continue;
      const p = this.placement(tabId);
      const dirty = new Set(p.dirty);
      p.dirty.clear();
      // Forget exchanges that were dropped or cleared, and rewrite the chunks they were in: a stored
      // chunk still holding them would bring them back on restore. Chunks left empty are deleted.
      const present = new Set(tab.exchanges.map((x) => x.id));
      for (const [id, seq] of p.seqOf) {
        if (present.has(id)) continue;
        p.seqOf.delete(id);
        dirty.add(Math.floor(seq / CHUNK));
      }
      const byChunk = new Map<number, Array<[number, ObservedExchange]>>();
      for (const x of tab.exchanges) {
        const seq = p.seqOf.get(x.id) ?? p.nextSeq++;
        p.seqOf.set(x.id, seq);
        const chunk = Math.floor(seq / CHUNK);
        if (!dirty.has(chunk) && p.stored.has(chunk)) continue;
        const rows = byChunk.get(chunk) ?? [];
        rows.push([seq, x]);
        byChunk.set(chunk, rows);
      }
      const live = new Set([...p.seqOf.values()].map((s) => Math.floor(s / CHUNK)));
      for (const chunk of p.stored) {
        if (!byChunk.has(chunk) && !live.has(chunk)) {
          removed.push(chunkKey(tabId, chunk));
          p.stored.delete(chunk);
        }
      }
      work.push({ tabId, p, tab, byChunk });
    }
    for (const { tabId, p, tab, byChunk } of work) {
      for (const [chunk, rows] of byChunk) {
        items[chunkKey(tabId, chunk)] = await packJson(rows);
        p.stored.add(chunk);
      }
      const meta: TabMeta = {
        dropped: tab.dropped,
        storageDropped: tab.storageDropped ?? 0,
        preserveLog: tab.preserveLog,
        nextSeq: p.nextSeq,
        chunks: [...p.stored],
      };
      items[metaKey(tabId)] = meta;
    }
    if (tracker) items[TRACKER_KEY] = JSON.stringify(tracker);
    const journaled = [...this.journalKeys].filter(([, last]) => covers(coverage, last)).map(([key]) => key);
    const journalUsed = coverage.upTo > 0 || coverage.older > 0;
    if (journalUsed && (Object.keys(items).length > 0 || journaled.length > 0)) items[UP_TO_KEY] = coverage;
    // A full store (quota): what memory holds would be gone at the next worker stop, silently. The
    // history is cut to what fits in one step (`trimToFit`): the oldest chunks, counted in their
    // tab's "older dropped" like the history limit's, go in the same write as the rest, so storage
    // holds either the last batch or this one, never a history cut but not yet counted.
    if (Object.keys(items).length > 0) {
      const set = (batch: Record<string, unknown>) =>
        this.platform.store.set(this.shrinkingFirst(batch)).then(
          () => {
            for (const [key, value] of Object.entries(batch)) this.storedBytes.set(key, cost(key, value));
            return true;
          },
          () => false,
        );
      const whole = await set(items);
      let written = whole;
      if (!written) written = await this.trimToFit(items, journaled, removed, set);
      if (!written && journaled.length === 0 && TRACKER_KEY in items) {
        // The tracker's open requests may be what does not fit: the history goes first, without
        // them (and without claiming the journal); they are tried again with the next change.
        const history = Object.fromEntries(
          Object.entries(items).filter(([key]) => key !== TRACKER_KEY && key !== UP_TO_KEY),
        );
        if (await this.trimToFit(history, [], removed, set)) {
          this.trackerDirty = true;
          written = true;
        }
      }
      if (!written) {
        for (const key of Object.keys(items)) {
          const match = /^tab:(\d+):c(\d+)$/.exec(key);
          if (!match) continue;
          this.placement(Number(match[1])).dirty.add(Number(match[2]));
          this.dirtyTabs.add(Number(match[1]));
        }
        if (TRACKER_KEY in items) this.trackerDirty = true;
        // The journal this batch holds fills the room, and emptying it in the same write frees
        // none (in Firefox 153 the storage-full test never got such a write through): it is removed
        // first and the batch written at once after. Until then a stop loses its events; the
        // one case left where it can.
        if (journaled.length > 0) {
          for (const key of journaled) this.journalKeys.delete(key);
          removed.push(...journaled);
          this.schedule(0);
        }
        // Otherwise not even the counts fit (another part of the extension's data holds the room):
        // tried again with the next change.
      } else if (whole) {
        // Written whole: the journal up to here is in the batch.
        for (const key of journaled) {
          this.journalKeys.delete(key);
          removed.push(key);
        }
      }
    }
    if (removed.length > 0) {
      await this.platform.store.remove(removed).catch(() => undefined);
      for (const key of removed) this.storedBytes.delete(key);
    }
  }

  /**
   * The batch's keys in the order storage should take them: what frees room first, what grows it
   * last, least first. Firefox checks the quota key by key in the order given (a batch whose total
   * shrinks the store is refused when a key that grows comes before the keys that free the room:
   * measured in Firefox 153, whose quota came with https://bugzil.la/1908925); Chromium checks the
   * batch's total.
   */
  private shrinkingFirst(batch: Record<string, unknown>): Record<string, unknown> {
    const grows = (key: string) => cost(key, batch[key]) - (this.storedBytes.get(key) ?? 0);
    const keys = Object.keys(batch).sort((a, b) => grows(a) - grows(b));
    return Object.fromEntries(keys.map((key) => [key, batch[key]]));
  }

  /**
   * The room storage has left, bytes (at most `limit`): probes of growing size, each written and
   * removed again, then halved down to 1 kB. storage.session refuses a write past its quota whole,
   * so a refused probe changed nothing.
   */
  private async room(limit: number): Promise<number> {
    const store = this.platform.store;
    const fits = async (size: number) => {
      const ok = await store.set({ [PROBE_KEY]: "x".repeat(size) }).then(
        () => true,
        () => false,
      );
      if (ok) await store.remove([PROBE_KEY]).catch(() => undefined);
      return ok;
    };
    let low = 0;
    let high = 1_024;
    while (high < limit && (await fits(high))) [low, high] = [high, high * 2];
    if (high >= limit && (await fits(limit))) return limit;
    high = Math.min(high, limit);
    while (high - low > 1_024) {
      const mid = Math.floor((low + high) / 2);
      if (await fits(mid)) low = mid;
      else high = mid;
    }
    return low;
  }

  /**
   * A refused batch, cut to fit in one write: the room is measured, then the oldest chunks are
   * taken out (from the tab holding the most requests first) until the batch, with what their
   * removal frees and a reserve for the journal, fits; their stored copies and the journal the
   * batch holds are overwritten empty in the same write, and each tab's meta counts what went.
   * Memory drops them only once that write is done: a stop before it restores the last batch (and
   * the journal), after it this one, and nothing dropped comes back. False when nothing fits.
   */
  private async trimToFit(
    items: Record<string, unknown>,
    journaled: string[],
    removed: string[],
    set: (batch: Record<string, unknown>) => Promise<boolean>,
  ): Promise<boolean> {
    // Each tab's chunks, oldest first, with the exchanges each holds now.
    const chunksOf = new Map<number, Array<{ chunk: number; ids: string[] }>>();
    for (const [tabId, tab] of this.tabs) {
      const p = this.placement(tabId);
      const byChunk = new Map<number, string[]>();
      for (const x of tab.exchanges) {
        const seq = p.seqOf.get(x.id);
        if (seq === undefined) continue;
        const chunk = Math.floor(seq / CHUNK);
        byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), x.id]);
      }
      chunksOf.set(
        tabId,
        [...byChunk].sort((a, b) => a[0] - b[0]).map(([chunk, ids]) => ({ chunk, ids })),
      );
    }
    // The order they go in: always the oldest chunk of the tab that holds the most requests.
    const left = new Map(
      [...chunksOf].map(([tabId, chunks]) => [tabId, chunks.reduce((n, c) => n + c.ids.length, 0)]),
    );
    const order: Array<{ tabId: number; chunk: number; ids: string[] }> = [];
    for (;;) {
      let largest: number | null = null;
      for (const [tabId, n] of left)
        if (n > 0 && (largest === null || n > (left.get(largest) ?? 0))) largest = tabId;
      if (largest === null) break;
      const next = chunksOf.get(largest)?.shift();
      if (!next) break;
      left.set(largest, (left.get(largest) ?? 0) - next.ids.length);
      order.push({ tabId: largest, ...next });
    }
    const owned = [...this.storedBytes.values()].reduce((n, b) => n + b, 0);
    // What the batch adds to what is stored, and what taking each chunk out (and the journal) frees.
    const grows = (batch: Record<string, unknown>) =>
      Object.entries(batch).reduce(
        (n, [key, value]) => n + cost(key, value) - (this.storedBytes.get(key) ?? 0),
        0,
      );
    const base = grows({ ...items, ...Object.fromEntries(journaled.map((key) => [key, ""])) });
    const frees = order.map(({ tabId, chunk }) => {
      const key = chunkKey(tabId, chunk);
      return (
        (key in items ? cost(key, items[key]) : 0) +
        (this.storedBytes.get(key) ?? 0) -
        (this.storedBytes.has(key) ? cost(key, "") : 0)
      );
    });
    const reserve = Math.min(RESERVE_MAX, Math.max(RESERVE_MIN, Math.floor(owned * RESERVE_SHARE)));
    const room = await this.room(Math.max(0, base + reserve));
    let n = 0;
    let need = base + reserve - room;
    while (n < order.length && need > 0) need -= frees[n++] ?? 0;
    // The last chunk taken may keep its newest requests: as many as fit in what its removal freed
    // beyond the need (packed again, a few times at most).
    const newest = async (entry: (typeof order)[number], m: number) => {
      const ids = new Set(entry.ids.slice(entry.ids.length - m));
      const p = this.placement(entry.tabId);
      const rows = (this.tabs.get(entry.tabId)?.exchanges ?? [])
        .filter((x) => ids.has(x.id))
        .map((x): [number, ObservedExchange] => [p.seqOf.get(x.id) ?? 0, x]);
      return { keep: ids, packed: await packJson(rows) };
    };
    let partial: { keep: Set<string>; packed: string } | null = null;
    const last = order[n - 1];
    if (last && need < 0 && last.ids.length > 1) {
      const key = chunkKey(last.tabId, last.chunk);
      // Kept in part, it costs its new value instead of the empty one that would replace it.
      const budget = -need + (this.storedBytes.has(key) ? cost(key, "") : 0);
      let low = 0;
      let high = last.ids.length - 1;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (cost(key, (await newest(last, mid)).packed) <= budget) low = mid;
        else high = mid - 1;
      }
      if (low > 0) partial = await newest(last, low);
    }
    // The estimate is close, not exact (storage charges its own way): each time the batch is
    // refused, the chunk kept in part keeps half as many, then the next chunk goes, its newest half
    // kept, so a refusal costs a few requests rather than a chunk of a hundred.
    while (n <= order.length) {
      const batch: Record<string, unknown> = { ...items };
      for (const key of journaled) batch[key] = "";
      /** Per tab, per chunk: the requests going, and whether the chunk goes whole. */
      const gone = new Map<number, Map<number, { ids: string[]; whole: boolean }>>();
      order.slice(0, n).forEach(({ tabId, chunk, ids }, i) => {
        const key = chunkKey(tabId, chunk);
        const kept = i === n - 1 ? partial : null;
        delete batch[key];
        if (kept) batch[key] = kept.packed;
        else if (this.storedBytes.has(key)) batch[key] = "";
        const going = kept ? ids.filter((id) => !kept.keep.has(id)) : ids;
        gone.set(tabId, (gone.get(tabId) ?? new Map()).set(chunk, { ids: going, whole: !kept }));
      });
      for (const [tabId, chunks] of gone) {
        const tab = this.tabs.get(tabId);
        const p = this.placement(tabId);
        if (!tab) continue;
        const k = [...chunks.values()].reduce((m, c) => m + c.ids.length, 0);
        const meta: TabMeta = {
          dropped: tab.dropped + k,
          storageDropped: (tab.storageDropped ?? 0) + k,
          preserveLog: tab.preserveLog,
          nextSeq: p.nextSeq,
          chunks: [
            ...new Set([...p.stored, ...[...chunks].filter(([, c]) => !c.whole).map(([c]) => c)]),
          ].filter((c) => !chunks.get(c)?.whole),
        };
        batch[metaKey(tabId)] = meta;
      }
      if (!(await set(batch))) {
        const entry = order[n - 1];
        if (entry && partial && partial.keep.size > 1)
          partial = await newest(entry, Math.floor(partial.keep.size / 2));
        else {
          n++;
          const next = order[n - 1];
          partial = next && next.ids.length > 1 ? await newest(next, Math.floor(next.ids.length / 2)) : null;
        }
        continue;
      }
      // Written: memory drops what the batch dropped, counted as the batch counts it.
      for (const [tabId, chunks] of gone) {
        const tab = this.tabs.get(tabId);
        const p = this.placement(tabId);
        if (!tab) continue;
        const ids = new Set([...chunks.values()].flatMap((c) => c.ids));
        tab.exchanges = tab.exchanges.filter((x) => !ids.has(x.id));
        tab.dropped += ids.size;
        tab.storageDropped = (tab.storageDropped ?? 0) + ids.size;
        this.quotaDropped += ids.size;
        for (const id of ids) p.seqOf.delete(id);
        for (const [chunk, c] of chunks) {
          if (c.whole) {
            p.stored.delete(chunk);
            removed.push(chunkKey(tabId, chunk));
          } else p.stored.add(chunk);
        }
        // An exchange that came into a dropped chunk during the write is kept: its chunk is written again.
        for (const x of tab.exchanges) {
          const seq = p.seqOf.get(x.id);
          if (seq !== undefined && chunks.get(Math.floor(seq / CHUNK))?.whole) {
            p.dirty.add(Math.floor(seq / CHUNK));
            this.dirtyTabs.add(tabId);
          }
        }
      }
      for (const key of journaled) {
        this.journalKeys.delete(key);
        removed.push(key);
      }
      if (this.dirtyTabs.size > 0) this.schedule();
      return true;
    }
    return false;
  }
}

/** The journal's keys in what storage gave back, each with its valid entries and its last number. */
function journalOf(
  saved: Record<string, unknown>,
): Array<{ key: string; entries: Array<[number, JournalEntry]>; last: number }> {
  const out: Array<{ key: string; entries: Array<[number, JournalEntry]>; last: number }> = [];
  for (const [key, raw] of Object.entries(saved)) {
    if (!key.startsWith(JOURNAL_PREFIX)) continue;
    const value = unpackValue(raw);
    if (!Array.isArray(value)) continue;
    const entries: Array<[number, JournalEntry]> = [];
    for (const entry of value as unknown[])
      if (Array.isArray(entry) && typeof entry[0] === "number" && isJournalEntry(entry[1]))
        entries.push([entry[0], entry[1]]);
    out.push({ key, entries, last: Math.max(0, ...entries.map(([seq]) => seq)) });
  }
  return out;
}

/**
 * The tracker's state and journal entries are stored as JSON text: Chromium counts each value
 * against the quota by the memory its base::Value takes (EstimateMemoryUsage in
 * extensions/browser/api/storage/session_storage_manager.cc), so an object of many small values —
 * 200 finished request ids, header pairs — costs several times its JSON, and a string its length.
 * (Values written as objects by an earlier version are read too.)
 */
function unpackValue(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

type Check = "string" | "number" | "object" | "array";

/** Whether a restored value has these fields of these types: what storage gives back is untrusted. */
function hasFields(value: unknown, fields: Record<string, Check>): boolean {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return Object.entries(fields).every(([name, type]) =>
    type === "array" ? Array.isArray(v[name]) : typeof v[name] === type && v[name] !== null,
  );
}

const isJournalEntry = (value: unknown): value is JournalEntry =>
  hasFields(value, { kind: "string", requestId: "string", tabId: "number", url: "string" }) ||
  (hasFields(value, { kind: "string", at: "number" }) && (value as { kind: string }).kind === "takeover");

const isTrackerState = (value: unknown): value is TrackerState =>
  hasFields(value, { pending: "object", preflights: "array", awaiting: "array" });

const isTabMeta = (value: unknown): value is TabMeta =>
  hasFields(value, { dropped: "number", nextSeq: "number", chunks: "array" });
