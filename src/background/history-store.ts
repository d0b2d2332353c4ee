/**
 * The background's state: the tracker's open requests and every tab's bounded history, persisted to
 * `storage.session` in batches so a stopped worker wakes up with it. Histories are written in
 * compressed chunks of consecutive exchanges: a batch rewrites only the chunks that changed, and
 * dropping the oldest exchanges deletes whole chunks.
 *
 * Between two batches the events themselves are journaled (appended, a few milliseconds apart): a
 * worker stopped mid-traffic loses none of them. Each batch says which of the journal it holds
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
const TAB_PREFIX = "tab:";
/** Batch writes: at most one storage write per this many milliseconds. */
export const PERSIST_DELAY_MS = 500;
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
  /** Events of the journal newer than the restored batch: to be ingested again, in order. */
  replay: ObservedEvent[] = [];
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

  constructor(
    private readonly platform: Pick<BackgroundPlatform, "store" | "setTimeout"> & { now?(): number },
  ) {
    this.bornAt = (platform.now?.() ?? 0) * 1000;
  }

  async restore(): Promise<void> {
    const saved = await this.platform.store.getAll();
    const tracker = unpackValue(saved[TRACKER_KEY]);
    if (isTrackerState(tracker)) this.tracker = tracker;
    const restored = readCoverage(saved[UP_TO_KEY]);
    const later: Array<[number, ObservedEvent]> = [];
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
    this.eventSeq = Math.max(this.eventSeq, restored.upTo, restored.older);
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
   * Appends an event to the journal (before it is ingested): written within JOURNAL_DELAY_MS, so a
   * worker stop loses at most the events of those milliseconds.
   */
  journal(event: ObservedEvent): void {
    // Unique across worker lifetimes, and growing: a new worker journals before its restore has read
    // the old journal, so its numbers must come after the old ones without knowing them (ms × 1000).
    this.eventSeq = Math.max(this.eventSeq + 1, this.bornAt, (this.platform.now?.() ?? 0) * 1000);
    const seq = this.eventSeq;
    const key = `${JOURNAL_PREFIX}${seq}`;
    this.journalKeys.set(key, seq);
    // Sent now, in the listener's own task: a storage call already sent completes in the browser
    // even if the worker is stopped right after; one held back for a batch would die with it.
    // A full store: the batch's own quota handling makes room; the event is still in memory.
    void this.platform.store
      .set({ [key]: JSON.stringify([[seq, event]]) })
      .catch(() => this.journalKeys.delete(key));
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

  /** Drops the oldest quarter of the largest tab's history; false when there is nothing left to drop. */
  private evictForQuota(): boolean {
    let largest: [number, TabHistory] | null = null;
    for (const entry of this.tabs)
      if (!largest || entry[1].exchanges.length > largest[1].exchanges.length) largest = entry;
    if (!largest || largest[1].exchanges.length === 0) return false;
    const [tabId, tab] = largest;
    const n = Math.max(1, Math.floor(tab.exchanges.length / 4));
    tab.exchanges.splice(0, n);
    tab.dropped += n;
    tab.storageDropped = (tab.storageDropped ?? 0) + n;
    this.quotaDropped += n;
    this.dirtyTabs.add(tabId);
    return true;
  }

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

  /** Writes everything changed since the last flush in one storage call, and removes what went. */
  async flush(): Promise<void> {
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
    // A full store (quota): what memory holds would be gone at the next worker stop, silently. Make
    // room instead — the oldest quarter of the largest tab's requests, counted in its "older dropped"
    // like the history limit's — and write again; what is kept then survives the stop.
    if (Object.keys(items).length > 0) {
      const set = (batch: Record<string, unknown>) =>
        this.platform.store.set(batch).then(
          () => true,
          () => false,
        );
      const whole = await set(items);
      let written = whole;
      if (!written && journaled.length === 0 && TRACKER_KEY in items) {
        // The tracker's open requests may be what does not fit: the history goes first, without
        // them (and without claiming the journal); they are tried again with the next change.
        const history = Object.fromEntries(
          Object.entries(items).filter(([key]) => key !== TRACKER_KEY && key !== UP_TO_KEY),
        );
        if (Object.keys(history).length > 0 && (await set(history))) {
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
        // The journal's events up to here are all in this batch: their room goes to it first (the
        // journal would otherwise fill what history frees, and no batch would ever be written).
        // Again at once, not after the batch delay: until a batch fits, memory holds more than a
        // worker stop would leave.
        if (journaled.length > 0) {
          for (const key of journaled) this.journalKeys.delete(key);
          removed.push(...journaled);
          this.schedule(0);
        } else if (this.evictForQuota()) this.schedule(0);
        else {
          // Nothing left to drop, and still no room (another part of the extension's data): the
          // counts at least, a few bytes, so a restart still says what was dropped.
          const metas = Object.fromEntries(Object.entries(items).filter(([key]) => key.endsWith(":meta")));
          if (Object.keys(metas).length > 0) await set(metas);
        }
      } else if (whole) {
        // Written whole: the journal up to here is in the batch.
        for (const key of journaled) {
          this.journalKeys.delete(key);
          removed.push(key);
        }
      }
    }
    if (removed.length > 0) await this.platform.store.remove(removed).catch(() => undefined);
  }
}

/** The journal's keys in what storage gave back, each with its valid entries and its last number. */
function journalOf(
  saved: Record<string, unknown>,
): Array<{ key: string; entries: Array<[number, ObservedEvent]>; last: number }> {
  const out: Array<{ key: string; entries: Array<[number, ObservedEvent]>; last: number }> = [];
  for (const [key, raw] of Object.entries(saved)) {
    if (!key.startsWith(JOURNAL_PREFIX)) continue;
    const value = unpackValue(raw);
    if (!Array.isArray(value)) continue;
    const entries: Array<[number, ObservedEvent]> = [];
    for (const entry of value as unknown[])
      if (Array.isArray(entry) && typeof entry[0] === "number" && isObservedEvent(entry[1]))
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

const isObservedEvent = (value: unknown): value is ObservedEvent =>
  hasFields(value, { kind: "string", requestId: "string", tabId: "number", url: "string" });

const isTrackerState = (value: unknown): value is TrackerState =>
  hasFields(value, { pending: "object", preflights: "array", awaiting: "array" });

const isTabMeta = (value: unknown): value is TabMeta =>
  hasFields(value, { dropped: "number", nextSeq: "number", chunks: "array" });
