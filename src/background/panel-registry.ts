/**
 * Panels subscribed per tab (the React DevTools background pattern): a snapshot on subscribe, then
 * live updates batched per tick, cleaned up on disconnect.
 */
import { clearTab } from "../capture/tab-history";
import {
  type ApiProfile,
  apiOf,
  apiProfiles,
  type BrowserName,
  type Finding,
  type ObservedExchange,
} from "../engine";
import type { Lang } from "../i18n";
import { isPanelCommand, type PanelEvent, PROTOCOL_VERSION } from "../protocol/messages";
import type { Port } from "../protocol/port";
import { buildReportExchange, type ReportExchange, reflectionFindings } from "../report/report";
import type { HistoryStore } from "./history-store";
import type { BackgroundPlatform } from "./platform";

interface Subscriber {
  wall: Port<PanelEvent>;
  /** Exchanges this panel already has with the reflection finding (so they are not resent). */
  reflectedSent: Set<string>;
  /** null: every tab (the panel page opened outside DevTools). */
  tabId: number | null;
  /** What each API's profile was when this panel last got its exchanges: a change re-renders their fixes. */
  profilesSent: Map<string, string>;
  /** The language the panel reads its exchanges' words in. */
  lang: Lang;
  /** Bumped by each snapshot: the rest of an older one, still being sent, is not. */
  generation: number;
  /**
   * While a snapshot's later chunks are still to go: the exchanges sent live meanwhile (those chunks
   * hold older versions of them). Null otherwise.
   */
  sentLive: Set<string> | null;
}

/** A profile's content: what the fixes depend on. */
function profileKey(profile: ApiProfile): string {
  return JSON.stringify(profile);
}

/** Updates to a panel are sent at most this often, in one message. */
const BATCH_MS = 100;

/**
 * Exchanges per message, the rest in the following tasks. A port message is built, sent and
 * parsed whole, and has a size limit (Chromium: 64 MiB, `kMaxMessageLength` in
 * extensions/renderer/api/messaging): 40,000 exchanges' words in one snapshot passed it, and the
 * panel of 20 busy tabs showed nothing. Chunks also let the worker handle webRequest events between.
 */
export const MESSAGE_CHUNK = 250;

interface Counts {
  dropped: number;
  storageDropped: number;
}

export class PanelRegistry {
  private subscribers = new Set<Subscriber>();
  private pending = new Map<Subscriber, Map<string, ObservedExchange>>();
  private timer: unknown = null;

  /** Recording or paused, as the background says; panels show it and can switch it. */
  recording = true;
  onSetRecording: (on: boolean) => void = () => undefined;
  /** A panel's Clear emptied a tab's history. */
  onTabCleared: (tabId: number) => void = () => undefined;

  constructor(
    private readonly store: HistoryStore,
    private readonly browser: BrowserName,
    private readonly platform: Pick<BackgroundPlatform, "setTimeout">,
  ) {}

  connect(wall: Port<PanelEvent>): void {
    const subscriber: Subscriber = {
      wall,
      tabId: null,
      reflectedSent: new Set(),
      profilesSent: new Map(),
      lang: "en",
      generation: 0,
      sentLive: null,
    };
    wall.onMessage((message) => {
      if (!isPanelCommand(message)) return;
      switch (message.type) {
        case "cors-lens/subscribe":
          if (message.protocol !== PROTOCOL_VERSION) {
            wall.send({ type: "cors-lens/incompatible", protocol: PROTOCOL_VERSION });
            return;
          }
          subscriber.tabId = message.tabId;
          subscriber.lang = message.lang ?? "en";
          this.subscribers.add(subscriber);
          this.sendSnapshot(subscriber);
          return;
        case "cors-lens/clear-log":
          for (const tabId of this.tabsOf(subscriber)) {
            clearTab(this.store.tab(tabId));
            this.store.changed(tabId);
            this.cleared(tabId, "user");
            this.onTabCleared(tabId);
          }
          return;
        case "cors-lens/set-preserve-log":
          for (const tabId of this.tabsOf(subscriber)) {
            this.store.tab(tabId).preserveLog = message.preserve;
            this.store.changed(tabId);
          }
          return;
        case "cors-lens/set-recording":
          this.onSetRecording(message.on);
          return;
        case "cors-lens/set-lang":
          subscriber.lang = message.lang;
          if (this.subscribers.has(subscriber)) {
            this.pending.delete(subscriber);
            this.sendSnapshot(subscriber);
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

  private view(
    exchange: ObservedExchange,
    reflected: ReadonlyMap<string, Finding>,
    profiles: ReadonlyMap<string, ApiProfile>,
    lang: Lang,
  ): ReportExchange {
    // The panel is the user's own DevTools: it shows values as received; exports redact.
    const view = buildReportExchange(exchange, {
      browser: this.browser,
      includeSecrets: true,
      api: profiles.get(apiOf(exchange) ?? "") ?? null,
      lang,
    });
    const finding = reflected.get(exchange.id);
    if (finding) view.findings.push(finding);
    return view;
  }

  /** The cross-exchange finding over the tabs a subscriber sees; remembers who has it, per tab. */
  private reflectionOver(tabIds: readonly number[], lang: Lang): Map<string, Finding> {
    const all = new Map<string, Finding>();
    for (const tabId of tabIds) {
      const found = reflectionFindings(this.store.tabs.get(tabId)?.exchanges ?? [], lang);
      for (const [id, f] of found) all.set(id, f);
    }
    return all;
  }

  private sendSnapshot(subscriber: Subscriber): void {
    const { tabId } = subscriber;
    const tabs = tabId === null ? [...this.store.tabs.values()] : [this.store.tab(tabId)];
    const exchanges = tabs.flatMap((t) => t.exchanges).sort((a, b) => a.startedAt - b.startedAt);
    const reflected = this.reflectionOver(
      tabId === null ? [...this.store.tabs.keys()] : [tabId],
      subscriber.lang,
    );
    subscriber.reflectedSent = new Set(reflected.keys());
    const profiles = apiProfiles(exchanges);
    subscriber.profilesSent = new Map([...profiles].map(([api, p]) => [api, profileKey(p)]));
    const counts: Counts = {
      dropped: tabs.reduce((n, t) => n + t.dropped, 0),
      storageDropped: tabs.reduce((n, t) => n + (t.storageDropped ?? 0), 0),
    };
    const view = (x: ObservedExchange) => this.view(x, reflected, profiles, subscriber.lang);
    const generation = ++subscriber.generation;
    const live = exchanges.length > MESSAGE_CHUNK ? new Set<string>() : null;
    subscriber.sentLive = live;
    subscriber.wall.send({
      type: "cors-lens/snapshot",
      protocol: PROTOCOL_VERSION,
      tabId,
      exchanges: exchanges.slice(0, MESSAGE_CHUNK).map(view),
      ...counts,
      preserveLog: tabs.some((t) => t.preserveLog),
      recording: this.recording,
    });
    this.sendRest(subscriber, generation, exchanges, MESSAGE_CHUNK, view, counts, live);
  }

  /** The exchanges from `from` on, a chunk per task, unless a newer snapshot or a disconnect came. */
  private sendRest(
    s: Subscriber,
    generation: number,
    exchanges: readonly ObservedExchange[],
    from: number,
    view: (x: ObservedExchange) => ReportExchange,
    counts: Counts,
    /** A snapshot's: what went live meanwhile is newer than these. */
    skip: ReadonlySet<string> | null = null,
  ): void {
    if (from >= exchanges.length) {
      if (skip !== null && s.sentLive === skip) s.sentLive = null;
      return;
    }
    this.platform.setTimeout(() => {
      if (s.generation !== generation || !this.subscribers.has(s)) return;
      const chunk = exchanges.slice(from, from + MESSAGE_CHUNK).filter((x) => !skip?.has(x.id));
      s.wall.send({ type: "cors-lens/exchanges-updated", exchanges: chunk.map(view), ...counts });
      this.sendRest(s, generation, exchanges, from + MESSAGE_CHUNK, view, counts, skip);
    }, 0);
  }

  exchangeChanged(tabId: number, exchange: ObservedExchange): void {
    for (const s of this.subscribers) {
      if (s.tabId !== null && s.tabId !== tabId) continue;
      const queued = this.pending.get(s) ?? new Map<string, ObservedExchange>();
      queued.set(exchange.id, exchange);
      this.pending.set(s, queued);
    }
    if (this.timer === null && this.pending.size > 0)
      this.timer = this.platform.setTimeout(() => this.sendBatches(), BATCH_MS);
  }

  private sendBatches(): void {
    this.timer = null;
    for (const [s, queued] of this.pending) {
      const tabIds = this.tabsOf(s);
      const dropped = tabIds.reduce((n, id) => n + (this.store.tabs.get(id)?.dropped ?? 0), 0);
      const storageDropped = tabIds.reduce((n, id) => n + (this.store.tabs.get(id)?.storageDropped ?? 0), 0);
      // A second origin echoed by the same server makes the first exchange reflected too: resend it.
      const reflected = this.reflectionOver(tabIds, s.lang);
      for (const tabId of tabIds)
        for (const x of this.store.tabs.get(tabId)?.exchanges ?? [])
          if (reflected.has(x.id) && !s.reflectedSent.has(x.id)) queued.set(x.id, x);
      for (const id of reflected.keys()) s.reflectedSent.add(id);
      // A request that asks the API for something new widens that API's fixes: resend its exchanges.
      const seen = tabIds.flatMap((id) => this.store.tabs.get(id)?.exchanges ?? []);
      const profiles = apiProfiles(seen);
      for (const [api, profile] of profiles) {
        const key = profileKey(profile);
        if (s.profilesSent.get(api) === key) continue;
        s.profilesSent.set(api, key);
        for (const x of seen) if (apiOf(x) === api) queued.set(x.id, x);
      }
      // A widened profile re-sends every exchange of its API: in chunks, like a snapshot.
      const changed = [...queued.values()];
      for (const x of changed) s.sentLive?.add(x.id);
      const view = (x: ObservedExchange) => this.view(x, reflected, profiles, s.lang);
      const counts: Counts = { dropped, storageDropped };
      s.wall.send({
        type: "cors-lens/exchanges-updated",
        exchanges: changed.slice(0, MESSAGE_CHUNK).map(view),
        ...counts,
      });
      this.sendRest(s, s.generation, changed, MESSAGE_CHUNK, view, counts);
    }
    this.pending.clear();
  }

  /** After a navigation the tab keeps only the new page's requests: panels get a fresh snapshot. */
  navigated(tabId: number): void {
    for (const s of this.subscribers) {
      if (s.tabId !== tabId) continue;
      this.pending.delete(s);
      this.sendSnapshot(s);
    }
  }

  recordingChanged(on: boolean): void {
    this.recording = on;
    for (const s of this.subscribers) s.wall.send({ type: "cors-lens/recording", on });
  }

  cleared(tabId: number, reason: "navigation" | "user"): void {
    for (const s of this.subscribers) {
      if (s.tabId === tabId) {
        this.pending.delete(s);
        s.wall.send({ type: "cors-lens/cleared", reason });
      }
    }
  }
}
