/**
 * Panels subscribed per tab (the React DevTools background pattern): a snapshot on subscribe, then
 * live updates batched per tick, cleaned up on disconnect.
 */
import { clearTab } from "../capture/tab-history";
import type { BrowserName, ObservedExchange } from "../engine";
import { isPanelCommand, type PanelEvent } from "../protocol/messages";
import { buildReportExchange, type ReportExchange } from "../report/report";
import type { HistoryStore } from "./history-store";
import type { PanelWall } from "./platform";

interface Subscriber {
  wall: PanelWall;
  /** null: every tab (the panel page opened outside DevTools). */
  tabId: number | null;
}

/** Updates to a panel are sent at most this often, in one message. */
const BATCH_MS = 100;

export class PanelRegistry {
  private subscribers = new Set<Subscriber>();
  private pending = new Map<Subscriber, Map<string, ObservedExchange>>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: HistoryStore,
    private readonly browser: BrowserName,
  ) {}

  connect(wall: PanelWall): void {
    const subscriber: Subscriber = { wall, tabId: null };
    wall.onMessage((message) => {
      if (!isPanelCommand(message)) return;
      switch (message.type) {
        case "subscribe":
          subscriber.tabId = message.tabId;
          this.subscribers.add(subscriber);
          wall.send(this.snapshot(message.tabId));
          return;
        case "clearLog":
          for (const tabId of this.tabsOf(subscriber)) {
            clearTab(this.store.tab(tabId));
            this.store.changed(tabId);
            this.cleared(tabId, "user");
          }
          return;
        case "setPreserveLog":
          for (const tabId of this.tabsOf(subscriber)) {
            this.store.tab(tabId).preserveLog = message.preserve;
            this.store.changed(tabId);
          }
          return;
      }
    });
    wall.onDisconnect(() => {
      this.subscribers.delete(subscriber);
      this.pending.delete(subscriber);
    });
  }

  private tabsOf(subscriber: Subscriber): number[] {
    return subscriber.tabId === null ? [...this.store.tabs.keys()] : [subscriber.tabId];
  }

  private view(exchange: ObservedExchange): ReportExchange {
    // The panel is the user's own DevTools: it shows values as received; exports redact.
    return buildReportExchange(exchange, { browser: this.browser, includeSecrets: true });
  }

  private snapshot(tabId: number | null): PanelEvent {
    const tabs = tabId === null ? [...this.store.tabs.values()] : [this.store.tab(tabId)];
    const exchanges = tabs.flatMap((t) => t.exchanges).sort((a, b) => a.startedAt - b.startedAt);
    return {
      type: "snapshot",
      tabId,
      exchanges: exchanges.map((x) => this.view(x)),
      dropped: tabs.reduce((n, t) => n + t.dropped, 0),
      preserveLog: tabs.some((t) => t.preserveLog),
    };
  }

  exchangeChanged(tabId: number, exchange: ObservedExchange): void {
    for (const s of this.subscribers) {
      if (s.tabId !== null && s.tabId !== tabId) continue;
      const queued = this.pending.get(s) ?? new Map<string, ObservedExchange>();
      queued.set(exchange.id, exchange);
      this.pending.set(s, queued);
    }
    if (this.timer === null && this.pending.size > 0)
      this.timer = setTimeout(() => this.sendBatches(), BATCH_MS);
  }

  private sendBatches(): void {
    this.timer = null;
    for (const [s, queued] of this.pending) {
      const dropped = this.tabsOf(s).reduce((n, id) => n + (this.store.tabs.get(id)?.dropped ?? 0), 0);
      s.wall.send({
        type: "exchangesUpdated",
        exchanges: [...queued.values()].map((x) => this.view(x)),
        dropped,
      });
    }
    this.pending.clear();
  }

  /** After a navigation the tab keeps only the new page's requests: panels get a fresh snapshot. */
  navigated(tabId: number): void {
    for (const s of this.subscribers) {
      if (s.tabId !== tabId) continue;
      this.pending.delete(s);
      s.wall.send(this.snapshot(tabId));
    }
  }

  cleared(tabId: number, reason: "navigation" | "user"): void {
    for (const s of this.subscribers) {
      if (s.tabId === tabId) {
        this.pending.delete(s);
        s.wall.send({ type: "cleared", reason });
      }
    }
  }
}
