/**
 * runtime ports between the panel and the background. Messages come in untyped (`unknown`): each
 * side validates them (src/protocol) before use, so nothing is cast at the seam.
 */
import type { Port } from "../protocol/port";
import { browser, type Runtime } from "./browser";

function portOf(port: Runtime.Port): Port {
  return {
    send: (message) => {
      try {
        port.postMessage(message);
      } catch {
        // The other side is gone; its onDisconnect cleans up.
      }
    },
    onMessage: (listener) => port.onMessage.addListener((m: unknown) => listener(m)),
    onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
  };
}

/** Background side: every panel that connects on `name`. */
export function onPortConnect(name: string, handle: (port: Port) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === name) handle(portOf(port));
  });
}

/** Panel side. */
export function connectPort(name: string): Port {
  return portOf(browser.runtime.connect({ name }));
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** The open tabs' ids and URLs (host permissions let the extension read them). */
export async function openTabs(): Promise<Array<{ tabId: number; url: string }>> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((t) => (t.id !== undefined && t.url ? [{ tabId: t.id, url: t.url }] : []));
}
