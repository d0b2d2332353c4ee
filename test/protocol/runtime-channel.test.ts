/**
 * The runtime messages' channel: requests go out stamped with the protocol version, replies are
 * validated by the type of the request they answer, and every way a reply can go wrong comes back
 * as a problem the page shows — never a throw, never a malformed reply read as a good one.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n";
import {
  isPanelCommand,
  isPanelEvent,
  isRuntimeRefusal,
  isRuntimeRequest,
  PROTOCOL_VERSION,
  RUNTIME_REPLY_GUARDS,
} from "../../src/protocol/messages";
import { requestRuntime, runtimeProblemWords, type SendMessage } from "../../src/protocol/runtime-channel";
import { buildReport } from "../../src/report/report";

const report = buildReport([], { kind: "extension", tabId: 3, dropped: 0 }, { lang: "en" });
const recording = { type: "cors-lens/recording", on: true, hosts: null };
const status = {
  type: "cors-lens/status",
  protocol: PROTOCOL_VERSION,
  target: "chrome",
  version: "0.1.0",
  tabs: 1,
  exchanges: 2,
  recording: true,
};

/** A background that answers every message with `reply` and remembers what it was sent. */
function answering(reply: unknown): SendMessage & { sent: unknown[] } {
  const sent: unknown[] = [];
  const send = async (message: unknown) => {
    sent.push(message);
    return reply;
  };
  return Object.assign(send, { sent });
}

describe("requestRuntime", () => {
  it("sends the request with its type and the protocol version, and returns the validated reply", async () => {
    const send = answering(report);
    const result = await requestRuntime(send, "cors-lens/report", { tabId: 3, lang: "ko" });
    expect(send.sent).toEqual([
      { type: "cors-lens/report", protocol: PROTOCOL_VERSION, tabId: 3, lang: "ko" },
    ]);
    expect(isRuntimeRequest(send.sent[0])).toBe(true);
    expect(result).toEqual({ ok: true, reply: report });
  });

  it.each([
    ["no reply (no listener took the message)", undefined, "no reply"],
    ["a string", "nope", "a string"],
    ["null", null, "a null"],
    ["an array", [report], "an array"],
    ["the reply to another request", recording, 'a message of type "cors-lens/recording"'],
    [
      "a report of another format version",
      { ...report, version: report.version + 1 },
      "an object without the expected fields",
    ],
    ["a report whose exchange lacks its verdict", { ...report, exchanges: [{ id: "1" }] }, "an object"],
  ])("a report request answered with %s is a malformed reply, not a crash", async (_, reply, shape) => {
    const result = await requestRuntime(answering(reply), "cors-lens/report", { tabId: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.kind).toBe("malformed");
    expect(result.problem).toMatchObject({
      detail: expect.stringContaining(`cors-lens/report was answered with ${shape}`),
    });
  });

  it("a recording reply whose hosts are not strings is malformed", async () => {
    const result = await requestRuntime(answering({ ...recording, hosts: [1] }), "cors-lens/recording", {});
    expect(result).toMatchObject({ ok: false, problem: { kind: "malformed" } });
  });

  it("a status reply is validated as a status, field by field", async () => {
    expect(await requestRuntime(answering(status), "cors-lens/status", {})).toEqual({
      ok: true,
      reply: status,
    });
    for (const broken of [
      { ...status, target: "safari" },
      { ...status, tabs: -1 },
      { ...status, recording: "yes" },
    ])
      expect((await requestRuntime(answering(broken), "cors-lens/status", {})).ok).toBe(false);
  });

  it("a background of another protocol version is reported as incompatible, with its version", async () => {
    const result = await requestRuntime(
      answering({ type: "cors-lens/incompatible", protocol: PROTOCOL_VERSION + 1 }),
      "cors-lens/recording",
      { on: false },
    );
    expect(result).toEqual({ ok: false, problem: { kind: "incompatible", theirs: PROTOCOL_VERSION + 1 } });
  });

  it("a background that failed to answer says why", async () => {
    const result = await requestRuntime(
      answering({ type: "cors-lens/failed", protocol: PROTOCOL_VERSION, message: "storage is gone" }),
      "cors-lens/report",
      { tabId: 1 },
    );
    expect(result).toEqual({ ok: false, problem: { kind: "failed", detail: "storage is gone" } });
  });

  it("a message that never reaches the background is unreachable, with the browser's words", async () => {
    const send: SendMessage = () =>
      Promise.reject(new Error("Could not establish connection. Receiving end does not exist."));
    const result = await requestRuntime(send, "cors-lens/status", {});
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: "unreachable",
        detail: "Could not establish connection. Receiving end does not exist.",
      },
    });
  });

  it("a send that throws synchronously is unreachable too", async () => {
    const send: SendMessage = () => {
      throw new TypeError("runtime is undefined");
    };
    const result = await requestRuntime(send, "cors-lens/status", {});
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: "unreachable", detail: "runtime is undefined" },
    });
  });

  it("every problem has words in English and Korean that carry its detail", () => {
    for (const lang of ["en", "ko"] as const) {
      const t = translator(lang);
      expect(runtimeProblemWords(t, { kind: "unreachable", detail: "gone" })).toContain("gone");
      expect(runtimeProblemWords(t, { kind: "failed", detail: "quota" })).toContain("quota");
      expect(runtimeProblemWords(t, { kind: "malformed", detail: "a string" })).toContain("a string");
      const incompatible = runtimeProblemWords(t, { kind: "incompatible", theirs: 99 });
      expect(incompatible).toContain("99");
      expect(incompatible).toContain(String(PROTOCOL_VERSION));
    }
  });
});

describe("the guard tables", () => {
  it("runtime requests: each type's fields are checked; unknown types and inherited names are refused", () => {
    expect(isRuntimeRequest({ type: "cors-lens/status" })).toBe(true);
    expect(isRuntimeRequest({ type: "cors-lens/status", protocol: "4" })).toBe(false);
    expect(isRuntimeRequest({ type: "cors-lens/recording", on: "yes" })).toBe(false);
    expect(isRuntimeRequest({ type: "cors-lens/recording", hosts: ["a.example", 3] })).toBe(false);
    expect(isRuntimeRequest({ type: "cors-lens/report", tabId: "7" })).toBe(false);
    expect(isRuntimeRequest({ type: "cors-lens/report", tabId: 7, lang: "xx" })).toBe(false);
    expect(isRuntimeRequest({ type: "cors-lens/report", tabId: 7, includeSecrets: 1 })).toBe(false);
    expect(isRuntimeRequest({ type: "cors-lens/unknown" })).toBe(false);
    expect(isRuntimeRequest({ type: "toString" })).toBe(false);
    expect(isRuntimeRequest({ type: "__proto__" })).toBe(false);
    for (const junk of [null, undefined, 7, "cors-lens/status", [], [{ type: "cors-lens/status" }]])
      expect(isRuntimeRequest(junk)).toBe(false);
  });

  it("panel commands and events: an inherited property name is not a message type", () => {
    expect(isPanelCommand({ type: "constructor" })).toBe(false);
    expect(isPanelEvent({ type: "hasOwnProperty" })).toBe(false);
    expect(isPanelCommand({ type: "cors-lens/clear-log" })).toBe(true);
    expect(isPanelCommand({ type: "cors-lens/set-recording", on: 1 })).toBe(false);
    expect(isPanelEvent({ type: "cors-lens/cleared", reason: "reload" })).toBe(false);
  });

  it("refusals are told apart from replies", () => {
    expect(isRuntimeRefusal({ type: "cors-lens/failed", protocol: 4, message: "x" })).toBe(true);
    expect(isRuntimeRefusal({ type: "cors-lens/failed", protocol: 4 })).toBe(false);
    expect(isRuntimeRefusal(recording)).toBe(false);
    expect(RUNTIME_REPLY_GUARDS["cors-lens/recording"](recording)).toBe(true);
  });
});
