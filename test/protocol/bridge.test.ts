import { describe, expect, it } from "vitest";
import { BACKOFF, openPanelBridge } from "../../src/protocol/bridge";
import { isPanelCommand, isPanelEvent, type PanelEvent, PROTOCOL_VERSION } from "../../src/protocol/messages";
import type { Port } from "../../src/protocol/port";

function harness() {
  const ports: Array<Port & { sent: unknown[]; deliver(m: unknown): void; drop(): void }> = [];
  const timers: Array<{ ms: number; run: () => void }> = [];
  const events: PanelEvent[] = [];
  const incompatible: number[] = [];
  const bridge = openPanelBridge({
    tabId: 7,
    connect: () => {
      let onMessage: (m: unknown) => void = () => undefined;
      let onDisconnect: () => void = () => undefined;
      const port = {
        sent: [] as unknown[],
        send: (m: unknown) => port.sent.push(m),
        onMessage: (l: (m: unknown) => void) => {
          onMessage = l;
        },
        onDisconnect: (l: () => void) => {
          onDisconnect = l;
        },
        deliver: (m: unknown) => onMessage(m),
        drop: () => onDisconnect(),
      };
      ports.push(port);
      return port;
    },
    onEvent: (e) => events.push(e),
    onIncompatible: (p) => incompatible.push(p),
    setTimeout: (run, ms) => timers.push({ ms, run }),
  });
  return { bridge, ports, timers, events, incompatible };
}

const snapshot = (protocol = PROTOCOL_VERSION) => ({
  type: "cors-lens/snapshot",
  protocol,
  tabId: 7,
  exchanges: [],
  dropped: 0,
  preserveLog: false,
  recording: true,
});

describe("the panel's bridge", () => {
  it("subscribes with its protocol version, the inspected tab and its language", () => {
    const h = harness();
    expect(h.ports[0]?.sent).toEqual([
      { type: "cors-lens/subscribe", protocol: PROTOCOL_VERSION, tabId: 7, lang: "en" },
    ]);
    expect(isPanelCommand(h.ports[0]?.sent[0])).toBe(true);
  });

  it("passes valid events on and drops anything else", () => {
    const h = harness();
    const port = h.ports[0];
    for (const junk of [
      null,
      "snapshot",
      { type: "snapshot", exchanges: [] },
      { type: "cors-lens/exchanges-updated", exchanges: [{ id: 1 }], dropped: 0 },
      { type: "cors-lens/exchanges-updated", exchanges: [], dropped: -1 },
      { type: "cors-lens/cleared", reason: "because" },
    ])
      port?.deliver(junk);
    port?.deliver(snapshot());
    port?.deliver({ type: "cors-lens/cleared", reason: "user" });
    expect(h.events.map((e) => e.type)).toEqual(["cors-lens/snapshot", "cors-lens/cleared"]);
  });

  it("says so when the background speaks another protocol, and stops reconnecting", () => {
    const h = harness();
    h.ports[0]?.deliver(snapshot(PROTOCOL_VERSION + 1));
    expect(h.incompatible).toEqual([PROTOCOL_VERSION + 1]);
    expect(h.events).toEqual([]);
    h.ports[0]?.drop();
    expect(h.timers).toEqual([]);
  });

  it("reconnects after the worker stopped, backing off, and resets once a snapshot arrives", () => {
    const h = harness();
    for (let i = 0; i < 8; i++) {
      h.ports[h.ports.length - 1]?.drop();
      h.timers.shift()?.run();
    }
    expect(h.ports).toHaveLength(9);
    expect(h.bridge.reconnects()).toBe(8);
    h.ports[8]?.deliver(snapshot());
    h.ports[8]?.drop();
    expect(h.timers[0]?.ms).toBe(BACKOFF.firstMs);
    // Commands go to the current port only; a stale port's events are ignored.
    h.ports[0]?.deliver(snapshot());
    expect(h.events).toHaveLength(1);
  });

  it("backs off 100 ms, doubling, to at most 5 s", () => {
    const h = harness();
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      h.ports[h.ports.length - 1]?.drop();
      const t = h.timers.shift();
      delays.push(t?.ms ?? -1);
      t?.run();
    }
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
  });

  it("validates what the background sends as the report format says", () => {
    expect(isPanelEvent({ type: "cors-lens/incompatible", protocol: 1 })).toBe(true);
    expect(isPanelEvent({ ...snapshot(), tabId: 1.5 })).toBe(false);
  });
});
