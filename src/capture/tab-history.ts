/**
 * Per-tab history, bounded: the newest `limit` exchanges per tab, oldest dropped and counted;
 * cleared on a top-level navigation unless "preserve log" is on; dropped with the tab. Plain JSON.
 */
import type { ObservedExchange } from "../engine";

export interface TabHistory {
  exchanges: ObservedExchange[];
  /** Exchanges dropped to stay within the limit since the last clear. */
  dropped: number;
  /** Of `dropped`, those dropped to fit the browser's storage quota (the background's store). */
  storageDropped?: number;
  preserveLog: boolean;
}

export const DEFAULT_HISTORY_LIMIT = 2_000;

export function emptyTab(): TabHistory {
  return { exchanges: [], dropped: 0, preserveLog: false };
}

/** Adds or replaces (same id) an exchange; returns the number of exchanges dropped. */
export function upsertExchange(
  tab: TabHistory,
  exchange: ObservedExchange,
  limit = DEFAULT_HISTORY_LIMIT,
): number {
  const at = findIndexFromEnd(tab.exchanges, exchange.id);
  if (at >= 0) {
    tab.exchanges[at] = exchange;
    return 0;
  }
  tab.exchanges.push(exchange);
  const excess = tab.exchanges.length - limit;
  if (excess <= 0) return 0;
  tab.exchanges.splice(0, excess);
  tab.dropped += excess;
  return excess;
}

/** Updates arrive for recent exchanges: search from the newest end. */
function findIndexFromEnd(exchanges: readonly ObservedExchange[], id: string): number {
  for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i]?.id === id) return i;
  return -1;
}

export function clearTab(tab: TabHistory): void {
  tab.exchanges = [];
  tab.dropped = 0;
  tab.storageDropped = 0;
}

/**
 * A top-level navigation that started at `at`: drops what the previous page did, unless "preserve
 * log" is on. By time, not by arrival: the navigation's event can reach the worker after the new
 * page's first requests. Returns true when something was dropped.
 */
export function onNavigation(tab: TabHistory, at: number): boolean {
  if (tab.preserveLog) return false;
  const kept = tab.exchanges.filter((x) => x.startedAt >= at);
  if (kept.length === tab.exchanges.length) return false;
  tab.exchanges = kept;
  tab.dropped = 0;
  tab.storageDropped = 0;
  return true;
}
