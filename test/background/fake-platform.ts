/** The background's platform seam, faked: events, ports, storage and timers driven by the test. */

import type { BackgroundPlatform } from "../../src/background/platform";
import type { ObservedEvent } from "../../src/capture/events";
import type { PanelEvent } from "../../src/protocol/messages";
import type { Port } from "../../src/protocol/port";

export interface FakePanel {
  received: PanelEvent[];
  send(message: unknown): void;
  disconnect(): void;
}

export function fakePlatform(
  target: "chrome" | "firefox" = "chrome",
  data = new Map<string, string>(),
  /** The clock's start: a worker started after another one starts later. */
  startAt = 1_700_000_000_000,
) {
  let onEvent: (event: ObservedEvent) => void = () => undefined;
  let listening = false;
  /** The hosts each start() narrowed the listeners to (null: every URL). */
  const filters: Array<readonly string[] | null> = [];
  const badges = new Map<number | null, { text: string; color: string; title: string }>();
  const settings = new Map<string, unknown>();
  let onMessage: (message: unknown) => Promise<unknown> | undefined = () => undefined;
  let onPanel: (wall: Port<PanelEvent>) => void = () => undefined;
  let now = startAt;
  const timers: Array<{ at: number; callback: () => void }> = [];
  const platform: BackgroundPlatform = {
    target,
    version: "9.9.9",
    observeWebRequests: (listener) => {
      onEvent = listener;
      listening = true;
      return {
        start: (hosts) => {
          listening = true;
          if (hosts !== undefined) filters.push(hosts);
        },
        stop: () => {
          listening = false;
        },
        listening: () => listening,
      };
    },
    setBadge: (tabId, badge) => badges.set(tabId, badge),
    settings: {
      get: async <T>(key: string, fallback: T) => (settings.has(key) ? (settings.get(key) as T) : fallback),
      set: async (key, value) => {
        settings.set(key, value);
      },
    },
    onRuntimeMessage: (handle) => {
      onMessage = handle;
    },
    onPanelConnect: (handle) => {
      onPanel = handle;
    },
    onTabRemoved: () => undefined,
    store: {
      getAll: async () => Object.fromEntries([...data].map(([k, v]) => [k, JSON.parse(v)])),
      set: async (items) => {
        for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v));
      },
      remove: async (keys) => {
        for (const k of keys) data.delete(k);
      },
    },
    now: () => now,
    setTimeout: (callback, ms) => timers.push({ at: now + ms, callback }),
  };
  return {
    platform,
    data,
    now: () => now,
    /** A webRequest event, delivered only while a listener is registered (as the browser does). */
    emit: (event: ObservedEvent) => {
      if (listening) onEvent(event);
    },
    badges,
    settings,
    listening: () => listening,
    filters,
    ask: (message: unknown) => onMessage(message),
    /** Advances the fake clock, running the timers that fall due (in order). */
    advance(ms: number) {
      now += ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > now) return;
        timers.shift();
        next.callback();
      }
    },
    connectPanel(): FakePanel {
      const received: PanelEvent[] = [];
      let listener: (message: unknown) => void = () => undefined;
      let gone: () => void = () => undefined;
      onPanel({
        send: (message) => received.push(structuredClone(message)),
        onMessage: (l) => {
          listener = l;
        },
        onDisconnect: (l) => {
          gone = l;
        },
      });
      return { received, send: (message) => listener(message), disconnect: () => gone() };
    },
  };
}
