/**
 * Wiring: platform → capture → history → panels and the report message. Listeners are registered
 * synchronously (an MV3 worker woken by an event must find them); events that arrive before the
 * saved state is restored wait in a queue, so nothing is lost or mispaired across a restart.
 */
import type { ObservedEvent } from "../capture/events";
import { onNavigation, upsertExchange } from "../capture/tab-history";
import { ExchangeTracker, type TrackerOutput } from "../capture/tracker";
import { isWorthRecording } from "../capture/worth-recording";
import { pickLang, translator } from "../i18n";
import {
  isRuntimeRequest,
  PROTOCOL_VERSION,
  type ReplyTo,
  type RuntimeRefusal,
  type RuntimeRequest,
  recordableHost,
} from "../protocol/messages";
import { buildReport } from "../report/report";
import { BadgeKeeper } from "./badge";
import { HistoryStore } from "./history-store";
import { PanelRegistry } from "./panel-registry";
import type { BackgroundPlatform } from "./platform";

/** The setting (storage.local) that remembers a pause across restarts. */
const RECORDING_KEY = "recording";
const HOSTS_KEY = "recording-hosts";

/** When a new worker reads the journal again for a stopped worker's late writes. */
const LATE_JOURNAL_MS = [500, 2_000];

/** How often waiting preflights and stalled requests are looked at. */
const FLUSH_INTERVAL_MS = 1_000;

export interface Background {
  /** Resolves once the saved state is restored and queued events are processed. */
  ready: Promise<void>;
  store: HistoryStore;
}

export function startBackground(platform: BackgroundPlatform): Background {
  const browserName = platform.target === "chrome" ? "chromium" : "firefox";
  // Coalesced journal appends only where the browser drops a stopping worker's events anyway.
  const store = new HistoryStore(platform, platform.target === "chrome");
  const panels = new PanelRegistry(store, browserName, platform);
  const badges = new BadgeKeeper(platform, browserName, translator(pickLang(platform.uiLanguage?.())));
  let tracker: ExchangeTracker | null = null;
  const queue: ObservedEvent[] = [];
  let flushTimer = false;

  const apply = (outputs: TrackerOutput[]) => {
    for (const out of outputs) {
      if (out.kind === "navigated") {
        const tab = store.tabs.get(out.tabId);
        if (tab && onNavigation(tab, out.at)) {
          store.changed(out.tabId);
          panels.navigated(out.tabId);
          badges.reset(out.tabId, tab.exchanges);
        }
        continue;
      }
      if (!isWorthRecording(out.exchange)) continue;
      const tab = store.tab(out.tabId);
      upsertExchange(tab, out.exchange);
      store.exchangeChanged(out.tabId, out.exchange);
      panels.exchangeChanged(out.tabId, out.exchange);
      badges.changed(out.tabId, out.exchange);
    }
  };

  const scheduleFlush = () => {
    if (flushTimer) return;
    flushTimer = true;
    const due = platform.now() + FLUSH_INTERVAL_MS;
    platform.setTimeout(() => {
      flushTimer = false;
      if (!tracker) return;
      // A timer that runs late: the worker was busy, and the browser's events of that time may be
      // queued behind it; the tracker does not give up on them yet.
      const now = platform.now();
      apply(tracker.flush(now, now - due));
      store.trackerChanged();
      const t = tracker.snapshot();
      if (Object.keys(t.pending).length > 0 || t.preflights.length > 0 || t.awaiting.length > 0)
        scheduleFlush();
    }, FLUSH_INTERVAL_MS);
  };

  /** `replayed`: from the journal, a stopped worker's: old by nature, no measure of how late events come. */
  const ingest = (event: ObservedEvent, replayed = false) => {
    if (!tracker) {
      queue.push(event);
      return;
    }
    apply(tracker.ingest(event, replayed ? undefined : platform.now()));
    store.trackerChanged();
    scheduleFlush();
  };

  // Registered now, synchronously (an MV3 worker woken by an event must find its listeners);
  // removed again if the saved setting says recording is paused.
  // Each event is journaled first: a worker stopped before the next batch loses none of them.
  const subscription = platform.observeWebRequests((event) => {
    store.journal(event);
    ingest(event);
  });
  let recording = true;
  /** The API hosts recording is narrowed to (the listeners' URL filter); null: every host. */
  let hosts: string[] | null = null;
  const applyRecording = (on: boolean) => {
    recording = on;
    if (on) subscription.start(hosts);
    else subscription.stop();
    panels.recordingChanged(on);
    badges.setPaused(!on);
  };
  const setRecording = async (on: boolean): Promise<boolean> => {
    if (on !== recording) applyRecording(on);
    await platform.settings.set(RECORDING_KEY, on).catch(() => undefined);
    return recording;
  };
  const setHosts = async (wanted: string[] | null): Promise<string[] | null> => {
    const valid = wanted === null ? [] : wanted.map(recordableHost).filter((h): h is string => h !== null);
    hosts = valid.length > 0 ? [...new Set(valid)] : null;
    if (recording) subscription.start(hosts);
    await platform.settings.set(HOSTS_KEY, hosts).catch(() => undefined);
    return hosts;
  };
  panels.onSetRecording = (on) => void setRecording(on);
  panels.onTabCleared = (tabId) => badges.reset(tabId, []);
  platform.onTabRemoved((tabId) => {
    store.removeTab(tabId);
    panels.cleared(tabId, "navigation");
    badges.removed(tabId);
  });
  platform.onPanelConnect((wall) => panels.connect(wall));
  platform.onRuntimeMessage((message) => {
    if (!isRuntimeRequest(message)) return undefined;
    // A page of another version (the extension updated under it) is told so, not misanswered;
    // a failure to answer is an answer too, which the page shows.
    if (message.protocol !== undefined && message.protocol !== PROTOCOL_VERSION)
      return Promise.resolve({
        type: "cors-lens/incompatible",
        protocol: PROTOCOL_VERSION,
      } satisfies RuntimeRefusal);
    return ready
      .then(() => answer(message))
      .catch(
        (error: unknown): RuntimeRefusal => ({
          type: "cors-lens/failed",
          protocol: PROTOCOL_VERSION,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  });

  const answer = async <R extends RuntimeRequest>(message: R): Promise<ReplyTo<R["type"]>> => {
    if (message.type === "cors-lens/recording") {
      if (message.hosts !== undefined) await setHosts(message.hosts);
      const on = message.on === undefined ? recording : await setRecording(message.on);
      return { type: "cors-lens/recording", on, hosts };
    }
    if (message.type === "cors-lens/status") {
      let exchanges = 0;
      for (const tab of store.tabs.values()) exchanges += tab.exchanges.length;
      return {
        type: "cors-lens/status",
        protocol: PROTOCOL_VERSION,
        target: platform.target,
        version: platform.version,
        tabs: store.tabs.size,
        exchanges,
        recording: subscription.listening(),
      };
    }
    const tabIds =
      message.tabId === null || message.tabId === undefined ? [...store.tabs.keys()] : [message.tabId];
    const held = tabIds.flatMap((id) => store.tabs.get(id) ?? []);
    const observed = held.flatMap((tab) => tab.exchanges);
    return buildReport(
      observed,
      {
        kind: "extension",
        tabId: message.tabId ?? null,
        dropped: held.reduce((n, tab) => n + tab.dropped, 0),
        storageDropped: held.reduce((n, tab) => n + (tab.storageDropped ?? 0), 0),
      },
      {
        browser: browserName,
        includeSecrets: message.includeSecrets === true,
        generatorVersion: platform.version,
        lang: message.lang ?? "en",
      },
    );
  };

  // Restored or not (a storage failure starts empty), queued events are then processed in order.
  // The tabs already open when the worker starts (a browser restart, the extension just enabled):
  // their pages' origins, so their service workers' requests find them before any navigation.
  const tabsOpen = (platform.openTabs?.() ?? Promise.resolve([])).catch(() => []);
  const start = async () => {
    const open = await tabsOpen; // before the tracker exists, so events keep queueing in order
    tracker = new ExchangeTracker(browserName, store.tracker);
    const shown = new Set([...store.tabs.values()].flatMap((tab) => tab.exchanges.map((x) => x.id)));
    tracker.forgetFinished((id) => shown.has(id));
    const at = platform.now();
    for (const { tabId, url } of open) tracker.knowTab(tabId, url, at - 1);
    store.tracker = tracker.snapshot();
    // The journal's events the restored batch does not hold yet, with the takeovers of the stopped
    // workers that journaled them, then this worker's own takeover and the events that arrived meanwhile.
    for (const entry of store.replay.splice(0))
      if (entry.kind === "takeover") tracker.inherit(entry.at);
      else ingest(entry, true);
    // What the stopped worker was following may have lost events (see ExchangeTracker.inherit). The
    // session's first worker (browser start, extension installed or enabled) followed on from no
    // one: a request whose start it missed began before anyone listened, and is shown as seen.
    if (store.tookOver) tracker.inherit(store.takeoverAt ?? platform.now());
    for (const event of queue.splice(0)) ingest(event);
    store.goLive();
    // The stopped worker's last journal writes may land after the restore read: look again.
    for (const delay of LATE_JOURNAL_MS)
      platform.setTimeout(() => {
        void store.lateJournal().then((late) => {
          for (const event of late) ingest(event, true);
        });
      }, delay);
    for (const [tabId, tab] of store.tabs) badges.reset(tabId, tab.exchanges);
    scheduleFlush();
  };
  const restoreRecording = Promise.all([
    platform.settings.get<unknown>(HOSTS_KEY, null),
    platform.settings.get(RECORDING_KEY, true),
  ]).then(
    ([saved, on]) => {
      if (Array.isArray(saved) && saved.every((h) => typeof h === "string")) {
        hosts = saved.map(recordableHost).filter((h): h is string => h !== null);
        if (hosts.length === 0) hosts = null;
        else subscription.start(hosts);
      }
      if (on !== true) applyRecording(false);
    },
    () => undefined,
  );
  const ready = Promise.all([store.restore().then(start, start), restoreRecording]).then(() => undefined);
  return { ready, store };
}
