import { describe, expect, it, vi } from "vitest";
import { MESSAGE_CHUNK } from "../../src/background/panel-registry";
import { startBackground } from "../../src/background/start-background";
import { type PanelEvent, PROTOCOL_VERSION } from "../../src/protocol/messages";
import type { ReportDocument } from "../../src/report/report";
import { ev } from "../capture/events";
import { fakePlatform } from "./fake-platform";

/** The events the journal in storage holds: an append takes those that came while one was on its way. */
const journaled = (data: ReadonlyMap<string, unknown>): number =>
  [...data]
    .filter(([key]) => key.startsWith("j:"))
    .reduce((n, [, value]) => n + (JSON.parse(JSON.parse(String(value)) as string) as unknown[]).length, 0);

const PAGE = "http://127.0.0.1:5601";
const API = "http://127.0.0.1:5602";

/** Chromium's webRequest sequence for a GET answered without Access-Control-Allow-Origin. */
function blockedGet(id: string, t: number, origin = PAGE) {
  const url = `${API}/data?n=${id}`;
  return [
    ev("send", id, url, "GET", t, { headers: [["Origin", origin]], initiator: origin }),
    ev("headers", id, url, "GET", t + 5, { status: 200, headers: [["Content-Type", "application/json"]] }),
    ev("error", id, url, "GET", t + 6, { error: "net::ERR_FAILED" }),
  ];
}

/** A credentialed GET whose response echoes `origin` with credentials (allowed). */
function echoed(id: string, t: number, origin: string) {
  const url = `${API}/me?n=${id}`;
  return [
    ev("send", id, url, "GET", t, {
      headers: [
        ["Origin", origin],
        ["Cookie", "s=1"],
      ],
      initiator: origin,
    }),
    ev("completed", id, url, "GET", t + 5, {
      status: 200,
      headers: [
        ["Access-Control-Allow-Origin", origin],
        ["Access-Control-Allow-Credentials", "true"],
        ["Vary", "Origin"],
      ],
    }),
  ];
}

const subscribe = (tabId: number | null, protocol = PROTOCOL_VERSION) => ({
  type: "cors-lens/subscribe",
  protocol,
  tabId,
});
const exchangesIn = (events: PanelEvent[]) =>
  events.flatMap((e) =>
    e.type === "cors-lens/snapshot" || e.type === "cors-lens/exchanges-updated" ? e.exchanges : [],
  );

describe("startBackground, through the platform seam", () => {
  it("sends a large history in chunks, in order, every exchange once (a port message has a size limit)", async () => {
    const fake = fakePlatform();
    const bg = startBackground(fake.platform);
    await bg.ready;
    const n = MESSAGE_CHUNK * 2 + 17;
    for (let i = 0; i < n; i++) for (const e of blockedGet(String(i), 1000 + i * 10)) fake.emit(e);
    fake.advance(1_500);
    const panel = fake.connectPanel();
    panel.send(subscribe(7));
    const [first] = panel.received;
    expect(first?.type).toBe("cors-lens/snapshot");
    expect(exchangesIn(panel.received)).toHaveLength(MESSAGE_CHUNK);
    fake.advance(1);
    const ids = exchangesIn(panel.received).map((x) => x.id);
    expect(panel.received.every((e) => e.type !== "cors-lens/snapshot" || e === first)).toBe(true);
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => `chromium-${i}`));
    expect(Math.max(...panel.received.map((e) => ("exchanges" in e ? e.exchanges.length : 0)))).toBe(
      MESSAGE_CHUNK,
    );
  });

  it("turns webRequest events into a blocked exchange a subscribed panel receives, batched", async () => {
    const fake = fakePlatform();
    const bg = startBackground(fake.platform);
    await bg.ready;
    const panel = fake.connectPanel();
    panel.send(subscribe(7));
    expect(panel.received).toMatchObject([
      { type: "cors-lens/snapshot", protocol: PROTOCOL_VERSION, tabId: 7, exchanges: [] },
    ]);
    for (const e of blockedGet("1", 1000)) fake.emit(e);
    expect(exchangesIn(panel.received)).toEqual([]);
    fake.advance(150);
    const [x] = exchangesIn(panel.received);
    expect(x?.verdict).toBe("blocked");
    expect(x?.causes[0]?.code).toBe("missing-allow-origin");
  });

  it("answers a panel of another protocol version with incompatible, and sends it nothing else", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    const panel = fake.connectPanel();
    panel.send(subscribe(7, PROTOCOL_VERSION - 1));
    for (const e of blockedGet("1", 1000)) fake.emit(e);
    fake.advance(150);
    expect(panel.received).toEqual([{ type: "cors-lens/incompatible", protocol: PROTOCOL_VERSION }]);
  });

  it("ignores malformed commands", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    const panel = fake.connectPanel();
    for (const junk of [
      null,
      1,
      "subscribe",
      { type: "subscribe", tabId: 7 },
      { type: "cors-lens/subscribe", tabId: "7", protocol: 2 },
    ])
      panel.send(junk);
    expect(panel.received).toEqual([]);
  });

  it("shows the live panel the origin reflection the report finds, resending the first exchange", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    const panel = fake.connectPanel();
    panel.send(subscribe(7));
    for (const e of echoed("1", 1000, "http://a.test")) fake.emit(e);
    fake.advance(150);
    for (const e of echoed("2", 2000, "http://evil.test")) fake.emit(e);
    fake.advance(150);
    const last = new Map(exchangesIn(panel.received).map((x) => [x.id, x]));
    expect(
      [...last.values()].map((x) => x.findings.some((f) => f.code === "origin-reflected-with-credentials")),
    ).toEqual([true, true]);
    const report = (await fake.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    expect(
      report.exchanges.filter((x) => x.findings.some((f) => f.code === "origin-reflected-with-credentials")),
    ).toHaveLength(2);
  });

  it("answers cors-lens/report with the tab's report, redacted, and status with its counts", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    for (const e of echoed("1", 1000, PAGE)) fake.emit(e);
    fake.advance(10);
    const report = (await fake.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    expect(report.format).toBe("cors-lens-report");
    expect(report.exchanges[0]?.requestHeaders).toContainEqual(["Cookie", "<redacted>"]);
    expect(await fake.ask({ type: "cors-lens/status" })).toMatchObject({
      tabs: 1,
      exchanges: 1,
      version: "9.9.9",
    });
    expect(fake.ask({ type: "something else" })).toBeUndefined();
  });

  it("a new worker on the same storage restores the history and keeps pairing", async () => {
    const first = fakePlatform();
    await startBackground(first.platform).ready;
    for (const e of blockedGet("1", 1000)) first.emit(e);
    first.advance(2_000);
    // The history is written in compressed chunks, asynchronously: waited for, not slept on (a
    // fixed 50 ms was too short on a loaded machine).
    await vi.waitFor(() => expect(first.data.has("tab:7:meta")).toBe(true));
    const second = fakePlatform("chrome", first.data);
    const restarted = startBackground(second.platform);
    // Events that arrive before the restore finished wait for it (the worker woke up for them).
    for (const e of blockedGet("2", 3000)) second.emit(e);
    await restarted.ready;
    const report = (await second.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    expect(report.exchanges.map((x) => [x.url.split("=")[1], x.verdict])).toEqual([
      ["1", "blocked"],
      ["2", "blocked"],
    ]);
  });
});

describe("a worker stopped between two batches", () => {
  /** A preflighted PUT whose preflight Chromium delivers first, then the request. */
  function preflightedPut(id: string, pf: string, t: number) {
    const url = `${API}/put?n=${id}`;
    const asked = [
      ["Origin", PAGE],
      ["Access-Control-Request-Method", "PUT"],
      ["Access-Control-Request-Headers", "x-api-key"],
    ] as Array<[string, string]>;
    return [
      ev("send", pf, url, "OPTIONS", t, { headers: asked }),
      ev("headers", pf, url, "OPTIONS", t + 2, {
        status: 204,
        headers: [["Access-Control-Allow-Origin", PAGE]],
      }),
      ev("completed", pf, url, "OPTIONS", t + 3, {
        status: 204,
        headers: [["Access-Control-Allow-Origin", PAGE]],
      }),
      ev("error", id, url, "PUT", t + 4, { error: "net::ERR_FAILED" }),
    ];
  }

  it("loses nothing it had journaled: the next worker replays it, pairs it and does not duplicate it", async () => {
    const first = fakePlatform();
    await startBackground(first.platform).ready;
    const [send, headers, error] = blockedGet("1", 1000);
    const put = preflightedPut("5", "4", 1100);
    for (const e of [send, headers, ...put.slice(0, 3)]) if (e) first.emit(e);
    // The journal is written within milliseconds; the batch (500 ms) is not: the worker stops now.
    first.advance(20);
    await vi.waitFor(() => expect(journaled(first.data)).toBe(5));
    expect(first.data.has("tracker")).toBe(false);
    const second = fakePlatform("chrome", first.data, first.now() + 100);
    const restarted = startBackground(second.platform);
    // The rest of both requests reaches the new worker.
    if (error) second.emit(error);
    const last = put[3];
    if (last) second.emit(last);
    await restarted.ready;
    second.advance(2_000);
    const report = (await second.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    expect(report.exchanges.map((x) => [x.method, x.verdict, x.causes[0]?.code ?? null])).toEqual([
      ["GET", "blocked", "missing-allow-origin"],
      ["PUT", "blocked", "method-not-allowed"],
    ]);
    // Written and restarted again: the batch now holds it all, and the journal is not replayed twice.
    await vi.waitFor(() => expect([...second.data.keys()].filter((k) => k.startsWith("j:"))).toEqual([]));
    const third = fakePlatform("chrome", second.data, second.now() + 100);
    const again = startBackground(third.platform);
    await again.ready;
    const after = (await third.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    expect(after.exchanges.length).toBe(2);
  });
  // Seen in Chromium's worker-stop test: a preflight's start went to a stopping worker; its
  // successor took over and got its response and end, and was stopped before writing a batch. The
  // next worker replays that journal: without the successor's takeover in it, the preflight was a
  // page's own OPTIONS request, and the one request was shown twice.
  it("replays a stopped worker's takeover with its journal: a preflight whose ask went missing stays the request's", async () => {
    const first = fakePlatform();
    await startBackground(first.platform).ready;
    for (const e of blockedGet("1", first.now() + 10)) first.emit(e);
    first.advance(20);
    await vi.waitFor(() => expect(journaled(first.data)).toBe(3));
    const second = fakePlatform("chrome", first.data, first.now() + 100);
    await startBackground(second.platform).ready;
    const [, pfHeaders, pfEnd, putError] = preflightedPut("5", "4", second.now() + 10);
    for (const e of [pfHeaders, pfEnd, putError]) if (e) second.emit(e);
    second.advance(20);
    await vi.waitFor(() => expect(journaled(second.data)).toBeGreaterThanOrEqual(6));
    expect(second.data.has("tracker")).toBe(false);
    const third = fakePlatform("chrome", second.data, second.now() + 100);
    await startBackground(third.platform).ready;
    for (let i = 0; i < 8; i++) third.advance(1_000);
    const report = (await third.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    expect(
      report.exchanges.map((x) => [x.method, x.preflight?.status ?? null, x.interrupted === true]),
    ).toEqual([
      ["GET", null, false],
      ["PUT", 204, true],
    ]);
  });
});

describe("the first worker of a browser session (nothing stored: no worker before it)", () => {
  // A request already under way when CORS Lens started listening (the browser just started, the
  // extension was just installed or enabled): its first events went to no one. No worker was
  // stopped, so its row must not say one was, and what was seen decides it.
  it("shows a request whose start it never saw as seen, not as cut off by a worker stop", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    const t = fake.now() + 10;
    const [, headers, error] = blockedGet("1", t);
    if (headers) fake.emit(headers);
    if (error) fake.emit(error);
    // A connection refused: its end is all there was to see after its start; and one seen whole.
    const refused = (id: string) => `http://127.0.0.1:9/refused?n=${id}`;
    const failed = { error: "net::ERR_CONNECTION_REFUSED" };
    fake.emit(ev("error", "2", refused("2"), "GET", t + 20, failed));
    fake.emit(ev("send", "3", refused("3"), "GET", t + 30, { headers: [["Origin", PAGE]] }));
    fake.emit(ev("error", "3", refused("3"), "GET", t + 31, failed));
    for (let i = 0; i < 8; i++) fake.advance(1_000);
    const report = (await fake.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    const rows = report.exchanges.map((x) => [x.verdict, x.interrupted === true, x.causes[0]?.code ?? null]);
    expect(rows).toEqual([
      ["blocked", false, "missing-allow-origin"],
      // As the whole one is, the stop's "how it ended was not observed" left out.
      rows[2],
      rows[2],
    ]);
    expect(rows[2]?.[1]).toBe(false);
  });

  it("still takes over from a worker that left anything in storage.session, even only its start", async () => {
    const first = fakePlatform();
    await startBackground(first.platform).ready;
    // Stopped at once: it journaled nothing, yet a request it was following may have lost events.
    await vi.waitFor(() => expect(first.data.size).toBeGreaterThan(0));
    const second = fakePlatform("chrome", first.data, first.now() + 100);
    await startBackground(second.platform).ready;
    const [, headers] = blockedGet("1", second.now() + 10);
    if (headers) second.emit(headers);
    for (let i = 0; i < 8; i++) second.advance(1_000);
    const report = (await second.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument;
    expect(report.exchanges.map((x) => [x.verdict, x.interrupted])).toEqual([["blocked", true]]);
  });
});

describe("recording and the badge", () => {
  it("counts the tab's blocked requests on its badge, marks warnings only, and clears on navigation", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    for (const e of [...blockedGet("1", 1000), ...blockedGet("2", 1100)]) fake.emit(e);
    fake.advance(200);
    expect(fake.badges.get(7)).toMatchObject({
      text: "2",
      title: "CORS Lens: 2 cross-origin requests blocked",
    });
    const nav = ev("send", "9", `${PAGE}/next`, "GET", 5000, { type: "main_frame" });
    fake.emit(nav);
    fake.emit(ev("completed", "9", `${PAGE}/next`, "GET", 5010, { type: "main_frame" }));
    fake.advance(200);
    expect(fake.badges.get(7)?.text).toBe("");
  });

  it("narrows recording to chosen API hosts (the listeners' filter), remembered, and widens again", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    expect(
      await fake.ask({
        type: "cors-lens/recording",
        hosts: ["https://API.example.com:8443/v1", "*.cdn.example", "not a host!"],
      }),
    ).toEqual({ type: "cors-lens/recording", on: true, hosts: ["api.example.com", "*.cdn.example"] });
    expect(fake.filters.at(-1)).toEqual(["api.example.com", "*.cdn.example"]);
    expect(fake.settings.get("recording-hosts")).toEqual(["api.example.com", "*.cdn.example"]);
    // A new worker starts with the saved hosts.
    const again = fakePlatform("chrome", fake.data);
    again.settings.set("recording-hosts", ["api.example.com"]);
    await startBackground(again.platform).ready;
    expect(again.filters.at(-1)).toEqual(["api.example.com"]);
    expect(await fake.ask({ type: "cors-lens/recording", hosts: null })).toMatchObject({
      on: true,
      hosts: null,
    });
    expect(fake.filters.at(-1)).toBeNull();
  });

  it("pauses on cors-lens/recording: no listener, nothing recorded, the badge and panels say so, and it is remembered", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    const panel = fake.connectPanel();
    panel.send(subscribe(7));
    expect(await fake.ask({ type: "cors-lens/recording", on: false })).toEqual({
      type: "cors-lens/recording",
      on: false,
      hosts: null,
    });
    expect(fake.listening()).toBe(false);
    expect(fake.settings.get("recording")).toBe(false);
    expect(fake.badges.get(null)).toMatchObject({ text: "off", title: "CORS Lens: recording paused" });
    expect(panel.received.at(-1)).toEqual({ type: "cors-lens/recording", on: false });
    for (const e of blockedGet("1", 1000)) fake.emit(e);
    fake.advance(200);
    expect(await fake.ask({ type: "cors-lens/status" })).toMatchObject({ exchanges: 0, recording: false });

    // A new worker (a browser restart) stays paused.
    const again = fakePlatform("chrome", fake.data);
    again.settings.set("recording", false);
    await startBackground(again.platform).ready;
    expect(again.listening()).toBe(false);
    expect(await again.ask({ type: "cors-lens/recording" })).toEqual({
      type: "cors-lens/recording",
      on: false,
      hosts: null,
    });

    // The panel's "Resume recording" resumes it.
    panel.send({ type: "cors-lens/set-recording", on: true });
    await Promise.resolve();
    expect(fake.listening()).toBe(true);
    for (const e of blockedGet("2", 2000)) fake.emit(e);
    fake.advance(200);
    expect(await fake.ask({ type: "cors-lens/status" })).toMatchObject({ exchanges: 1, recording: true });
    expect(fake.badges.get(7)?.text).toBe("1");
  });
});

describe("a worker that runs late (busy writing a full store)", () => {
  /** An allowed, preflighted PUT from PAGE at `t`: the preflight's events and the request's. */
  function allowedPut(id: string, pf: string, t: number) {
    const url = `${API}/put?n=${id}`;
    const allow: Array<[string, string]> = [
      ["Access-Control-Allow-Origin", PAGE],
      ["Access-Control-Allow-Methods", "PUT"],
      ["Access-Control-Allow-Headers", "x-api-key"],
    ];
    const asked: Array<[string, string]> = [
      ["Origin", PAGE],
      ["Access-Control-Request-Method", "PUT"],
      ["Access-Control-Request-Headers", "x-api-key"],
    ];
    return {
      preflight: [
        ev("send", pf, url, "OPTIONS", t, { headers: asked }),
        ev("headers", pf, url, "OPTIONS", t + 2, { status: 204, headers: allow }),
        ev("completed", pf, url, "OPTIONS", t + 3, { status: 204, headers: allow }),
      ],
      request: [
        ev("send", id, url, "PUT", t + 4, {
          headers: [
            ["Origin", PAGE],
            ["X-Api-Key", "k"],
          ],
        }),
        ev("completed", id, url, "PUT", t + 8, {
          status: 200,
          headers: [["Access-Control-Allow-Origin", PAGE]],
        }),
      ],
    };
  }

  const entries = async (fake: ReturnType<typeof fakePlatform>) =>
    ((await fake.ask({ type: "cors-lens/report", tabId: 7 })) as ReportDocument).exchanges.map((x) => [
      x.method,
      x.verdict,
      x.preflight?.status ?? null,
    ]);

  // Seen in Chromium with the store full (6 tabs × 2,500 requests): 16-35 requests shown twice, the
  // preflight alone "unknown" and the request "allowed" without it. The worker, busy for seconds,
  // got the request's events after its flush timer had given up on them by the worker's clock.
  it("shows a preflighted request once when its request's events come after the worker was busy", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    const t = fake.now();
    const put = allowedPut("2", "1", t);
    for (const e of put.preflight) fake.emit(e);
    fake.advance(10);
    // Busy for 6 s: the flush timer runs late, the request's events (stamped when they happened) queue.
    fake.advance(6_000);
    for (const e of put.request) fake.emit(e);
    for (let i = 0; i < 10; i++) fake.advance(1_000);
    expect(await entries(fake)).toEqual([["PUT", "allowed", 204]]);
  });

  it("shows it once when, late, the request's events come before its preflight's", async () => {
    const fake = fakePlatform();
    await startBackground(fake.platform).ready;
    const t = fake.now();
    const put = allowedPut("2", "1", t);
    fake.advance(4_000); // busy: every event comes 4 s late, the request's first (out of order)
    for (const e of put.request) fake.emit(e);
    fake.advance(1_000);
    for (const e of put.preflight) fake.emit(e);
    for (let i = 0; i < 10; i++) fake.advance(1_000);
    expect(await entries(fake)).toEqual([["PUT", "allowed", 204]]);
  });
});
