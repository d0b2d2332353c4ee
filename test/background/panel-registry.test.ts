import { describe, expect, it } from "vitest";
import { HistoryStore } from "../../src/background/history-store";
import { MESSAGE_CHUNK, PanelRegistry } from "../../src/background/panel-registry";
import { upsertExchange } from "../../src/capture/tab-history";
import type { PanelEvent } from "../../src/protocol/messages";
import { PROTOCOL_VERSION } from "../../src/protocol/messages";
import { exchange } from "../engine/build";

describe("PanelRegistry", () => {
  it("does not overwrite a live update with the older version a snapshot's later chunk holds", () => {
    const timers: Array<() => void> = [];
    const platform = {
      setTimeout: (f: () => void) => timers.push(f),
      store: { getAll: async () => ({}), set: async () => undefined, remove: async () => undefined },
    };
    const store = new HistoryStore(platform);
    const n = MESSAGE_CHUNK + 10;
    for (let i = 0; i < n; i++)
      upsertExchange(store.tab(7), {
        ...exchange({ url: `http://127.0.0.1:8000/r?n=${i}` }),
        id: `x${i}`,
        startedAt: i,
      });
    const registry = new PanelRegistry(store, "chromium", platform);
    const received: PanelEvent[] = [];
    let onMessage: (m: unknown) => void = () => undefined;
    registry.connect({
      send: (m) => received.push(m),
      onMessage: (l) => (onMessage = l),
      onDisconnect: () => undefined,
    });
    onMessage({ type: "cors-lens/subscribe", protocol: PROTOCOL_VERSION, tabId: 7 });
    // The last exchange changes (a late preflight paired) before the snapshot's second chunk goes.
    const last = `x${n - 1}`;
    const newer = {
      ...exchange({ url: `http://127.0.0.1:8000/r?n=${n - 1}`, method: "PUT" }),
      id: last,
      startedAt: n - 1,
    };
    upsertExchange(store.tab(7), newer);
    registry.exchangeChanged(7, newer);
    // Streaming a large snapshot outlasts the live batch's 100 ms: the batch goes first.
    timers.pop()?.();
    while (timers.length > 0) timers.shift()?.();
    const versions = received.flatMap((e) =>
      e.type === "cors-lens/snapshot" || e.type === "cors-lens/exchanges-updated"
        ? e.exchanges.filter((x) => x.id === last).map((x) => x.method)
        : [],
    );
    expect(versions.at(-1)).toBe("PUT");
    const ids = received.flatMap((e) => ("exchanges" in e ? e.exchanges.map((x) => x.id) : []));
    expect(new Set(ids).size).toBe(n);
  });
});
