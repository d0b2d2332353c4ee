/**
 * The background's state: the tracker's open requests and every tab's bounded history, persisted to
 * `storage.session` in batches (never one write per event) so a stopped worker wakes up with it.
 * Histories are written in compressed chunks of consecutive exchanges: a batch rewrites only the
 * chunks that changed, and dropping the oldest exchanges deletes whole chunks.
 */
import { emptyTab, type TabHistory } from "../capture/tab-history";
import { emptyTrackerState, type TrackerState } from "../capture/tracker";
import type { ObservedExchange } from "../engine";
import { packJson, unpackJson } from "./compress";
import type { BackgroundPlatform } from "./platform";

const TRACKER_KEY = "tracker";
const TAB_PREFIX = "tab:";
/** Batch writes: at most one storage write per this many milliseconds. */
export const PERSIST_DELAY_MS = 500;
/** Exchanges per stored chunk. */
export const CHUNK = 100;

interface TabMeta {
  dropped: number;
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

  constructor(private readonly platform: Pick<BackgroundPlatform, "store" | "setTimeout">) {}

  async restore(): Promise<void> {
    const saved = await this.platform.store.getAll();
    const tracker = saved[TRACKER_KEY];
    if (isTrackerState(tracker)) this.tracker = tracker;
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
      this.tabs.set(tabId, { exchanges, dropped: value.dropped, preserveLog: value.preserveLog });
      this.placements.set(tabId, placement);
    }
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

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.platform.setTimeout(() => void this.flush(), PERSIST_DELAY_MS);
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
        preserveLog: tab.preserveLog,
        nextSeq: p.nextSeq,
        chunks: [...p.stored],
      };
      items[metaKey(tabId)] = meta;
    }
    if (this.trackerDirty) items[TRACKER_KEY] = this.tracker;
    this.trackerDirty = false;
    // A full store (quota): what memory holds would be gone at the next worker stop, silently. Make
    // room instead — the oldest quarter of the largest tab's requests, counted in its "older dropped"
    // like the history limit's — and write again; what is kept then survives the stop.
    if (Object.keys(items).length > 0) {
      const written = await this.platform.store.set(items).then(
        () => true,
        () => false,
      );
      if (!written) {
        for (const key of Object.keys(items)) {
          const match = /^tab:(\d+):c(\d+)$/.exec(key);
          if (!match) continue;
          this.placement(Number(match[1])).dirty.add(Number(match[2]));
          this.dirtyTabs.add(Number(match[1]));
        }
        if (this.trackerDirty || TRACKER_KEY in items) this.trackerDirty = true;
        if (this.evictForQuota()) this.schedule();
      }
    }
    if (removed.length > 0) await this.platform.store.remove(removed).catch(() => undefined);
  }
}

function isTrackerState(value: unknown): value is TrackerState {
  const v = value as TrackerState | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.pending === "object" &&
    Array.isArray(v.preflights) &&
    Array.isArray(v.awaiting)
  );
}

function isTabMeta(value: unknown): value is TabMeta {
  const v = value as TabMeta | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.dropped === "number" &&
    typeof v.nextSeq === "number" &&
    Array.isArray(v.chunks)
  );
}
