/** runtime ports between the panel and the background, behind a small typed wall. */
import { browser, type Runtime } from "./browser";

export interface Wall<In, Out> {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  onDisconnect(listener: () => void): void;
}

function wallOf<In, Out>(port: Runtime.Port): Wall<In, Out> {
  return {
    send: (message) => {
      try {
        port.postMessage(message);
      } catch {
        // The other side is gone; its onDisconnect cleans up.
      }
    },
    onMessage: (listener) => port.onMessage.addListener((m: unknown) => listener(m as In)),
    onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
  };
}

/** Background side: every panel that connects on `name`. */
export function onPortConnect<In, Out>(name: string, handle: (wall: Wall<In, Out>) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === name) handle(wallOf<In, Out>(port));
  });
}

/** Panel side. */
export function connectPort<In, Out>(name: string): Wall<In, Out> {
  return wallOf<In, Out>(browser.runtime.connect({ name }));
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}
