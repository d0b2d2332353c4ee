/**
 * The panel's end of the port, typed both ways: it validates every event before the panel sees it,
 * checks the protocol version on the snapshot, and reconnects with back-off when the background's
 * worker was stopped (MV3) or the event page unloaded (Firefox). Pure: the port and the timer are
 * given, so tests drive it without a browser.
 */
import type { Lang } from "../i18n";
import { isPanelEvent, type PanelCommand, type PanelEvent, PROTOCOL_VERSION } from "./messages";
import type { Port } from "./port";

export interface PanelBridgeOptions {
  connect(): Port;
  /** The tab the panel inspects; null: every tab (the panel page opened outside DevTools). */
  tabId: number | null;
  /** The panel's language when it (re)subscribes. @default English */
  lang?: () => Lang;
  onEvent(event: PanelEvent): void;
  /** The other side speaks another protocol version: the panel says so instead of misreading. */
  onIncompatible(theirs: number): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

export interface PanelBridge {
  send(command: PanelCommand): void;
  /** How many times it reconnected (for tests and the panel's status). */
  reconnects(): number;
}

/** First retry after 100 ms, doubling to 5 s; reset once a snapshot arrives. */
export const BACKOFF = { firstMs: 100, maxMs: 5_000 };

export function openPanelBridge(options: PanelBridgeOptions): PanelBridge {
  let port: Port | null = null;
  let delay = BACKOFF.firstMs;
  let reconnects = 0;
  let incompatible = false;

  const open = () => {
    const current = options.connect();
    port = current;
    current.onMessage((message) => {
      if (current !== port || !isPanelEvent(message)) return;
      const theirs =
        message.type === "cors-lens/snapshot" || message.type === "cors-lens/incompatible"
          ? message.protocol
          : PROTOCOL_VERSION;
      if (theirs !== PROTOCOL_VERSION) {
        incompatible = true;
        options.onIncompatible(theirs);
        return;
      }
      if (message.type === "cors-lens/snapshot") delay = BACKOFF.firstMs;
      options.onEvent(message);
    });
    current.onDisconnect(() => {
      if (current !== port || incompatible) return;
      port = null;
      options.setTimeout(() => {
        reconnects++;
        open();
      }, delay);
      delay = Math.min(BACKOFF.maxMs, delay * 2);
    });
    current.send({
      type: "cors-lens/subscribe",
      protocol: PROTOCOL_VERSION,
      tabId: options.tabId,
      lang: options.lang?.() ?? "en",
    } satisfies PanelCommand);
  };
  open();

  return {
    send(command) {
      port?.send(command);
    },
    reconnects: () => reconnects,
  };
}
