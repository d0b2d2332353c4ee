/** What the background needs from the browser, as an interface: the real one in index.ts, fakes in tests. */
import type { ObservedEvent } from "../capture/events";
import type { PanelEvent } from "../protocol/messages";
import type { Port } from "../protocol/port";

/** The webRequest subscription's switch (src/platform/web-request.ts). */
export interface Subscription {
  /** `hosts` narrows the listeners' URL filter (null: every URL; undefined: as it is). */
  start(hosts?: readonly string[] | null): void;
  stop(): void;
  listening(): boolean;
}

export interface BackgroundPlatform {
  target: "chrome" | "firefox";
  version: string;
  observeWebRequests(onEvent: (event: ObservedEvent) => void): Subscription;
  /** The toolbar badge, per tab (null: every tab). */
  setBadge(tabId: number | null, badge: { text: string; color: string; title: string }): void;
  /** User settings that outlive the browser session (storage.local). */
  settings: {
    get<T>(key: string, fallback: T): Promise<T>;
    set(key: string, value: unknown): Promise<void>;
  };
  onRuntimeMessage(handle: (message: unknown) => Promise<unknown> | undefined): void;
  /** A panel's port: typed on the way out; what comes in is validated (`isPanelCommand`) before use. */
  onPanelConnect(handle: (wall: Port<PanelEvent>) => void): void;
  onTabRemoved(listener: (tabId: number) => void): void;
  /** The open tabs and their URLs: whom a worker's request is for when no navigation was seen. */
  openTabs?(): Promise<Array<{ tabId: number; url: string }>>;
  store: {
    getAll(): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string[]): Promise<void>;
  };
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  /** The browser's UI language ("ko", "en-US" …). @default English */
  uiLanguage?(): string;
}
