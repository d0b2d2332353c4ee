/**
 * The background's state: the tracker's open requests and every tab's bounded history, persisted to
 * `storage.session` in batches (never one write per event) so a stopped worker wakes up with it.
 */

import { emptyTab, type TabHistory } from "../capture/tab-history";
import { emptyTrackerState, type TrackerState } from "../capture/tracker";
import type { BackgroundPlatform } from "./platform";

const TRACKER_KEY = "tracker";
const TAB_PREFIX = "tab:";
/** Batch writes: at most one storage write per this many milliseconds. */
export const PERSIST_DELAY_MS = 500;
/** Exchanges per tab written when a full write exceeds the storage quota. */
const QUOTA_FALLBACK = 200;

export class HistoryStore {
  readonly tabs = new Map<number, TabHistory>();
  tracker: TrackerState = emptyTrackerState();
  private dirtyTabs = new Set<number>();
  private removedTabs = new Set<number>();
  private trackerDirty = false;
  private scheduled = false;

  constructor(private readonly platform: Pick<BackgroundPlatform, "store" | "setTimeout">) {}

  async restore(): Promise<void> {
    const saved = await this.platform.store.getAll();
    for (const [key, value] of Object.entries(saved)) {
      if (key === TRACKER_KEY && isTrackerState(value)) this.tracker = value;
      else if (key.startsWith(TAB_PREFIX) && isTabHistory(value))
        this.tabs.set(Number(key.slice(TAB_PREFIX.length)), value);
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

  changed(tabId: number): void {
    this.dirtyTabs.add(tabId);
    this.schedule();
  }

  trackerChanged(): void {
    this.trackerDirty = true;
    this.schedule();
  }

  removeTab(tabId: number): void {
    this.tabs.delete(tabId);
    this.dirtyTabs.delete(tabId);
    this.removedTabs.add(tabId);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.platform.setTimeout(() => void this.flush(), PERSIST_DELAY_MS);
  }

  /** Writes everything changed since the last flush in one storage call. */
  async flush(): Promise<void> {
    this.scheduled = false;
    const items: Record<string, unknown> = {};
    for (const tabId of this.dirtyTabs) {
      const tab = this.tabs.get(tabId);
      if (tab) items[`${TAB_PREFIX}${tabId}`] = tab;
    }
    if (this.trackerDirty) items[TRACKER_KEY] = this.tracker;
    const removed = [...this.removedTabs].map((id) => `${TAB_PREFIX}${id}`);
    this.dirtyTabs.clear();
    this.removedTabs.clear();
    this.trackerDirty = false;
    try {
      if (Object.keys(items).length > 0) await this.platform.store.set(items);
    } catch {
      // Over the storage quota: keep the newest part of each history on disk; memory keeps all.
      for (const [key, value] of Object.entries(items)) {
        if (key.startsWith(TAB_PREFIX)) {
          const tab = value as TabHistory;
          items[key] = { ...tab, exchanges: tab.exchanges.slice(-QUOTA_FALLBACK) };
        }
      }
      await this.platform.store.set(items).catch(() => undefined);
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

function isTabHistory(value: unknown): value is TabHistory {
  const v = value as TabHistory | null;
  return typeof v === "object" && v !== null && Array.isArray(v.exchanges) && typeof v.dropped === "number";
}
