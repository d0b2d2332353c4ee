/** The HAR read in pieces gives the document JSON.parse gives, bodies dropped, at any chunk boundary. */

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importHar } from "../../src/capture/har-import";
import { readEntry } from "../../src/capture/har-read";
import { HarStream } from "../../src/capture/har-stream";
import { propertyBudget } from "../property";

/** 200 random documents, each cut at up to 8 places and parsed twice: a few ms each. */
const STREAMED = propertyBudget(200, 20);

/**
 * The text's UTF-8 bytes fed cut at `cuts` (byte positions: a multi-byte character may be cut), each
 * piece in one reused Buffer, overwritten after each push, as the CLI reads a file.
 */
function streamed(text: string, cuts: number[], each?: (entry: unknown, index: number) => unknown) {
  const bytes = Buffer.from(text, "utf8");
  const s = new HarStream(each);
  const reused = Buffer.alloc(bytes.length);
  let at = 0;
  for (const cut of [...cuts.map((c) => Math.min(c, bytes.length)), bytes.length].sort((a, b) => a - b)) {
    const n = bytes.copy(reused, 0, at, cut);
    s.push(reused.subarray(0, n));
    reused.fill(0x7b);
    at = cut;
  }
  return s.end();
}

/** What the stream must give: the parsed document with the bodies CORS Lens never reads removed. */
function expected(text: string): unknown {
  const doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  for (const e of doc?.log?.entries ?? []) {
    if (e?.response?.content && typeof e.response.content === "object") delete e.response.content.text;
    if (e?.request && typeof e.request === "object") delete e.request.postData;
  }
  return doc;
}

const entry = (i: number, extra: Record<string, unknown> = {}) => ({
  startedDateTime: "2026-12-05T00:00:00.000Z",
  request: {
    method: "PUT",
    url: `http://api/${i}`,
    headers: [
      { name: "Origin", value: "http://a" },
      { name: "X-Name", value: "결제 ✓ 😀" },
    ],
    postData: { text: "{}" },
  },
  response: { status: 204, headers: [], content: { size: 3, text: `{"a":"]}\\"${i} 😀"}` } },
  ...extra,
});

const HAR = JSON.stringify(
  {
    log: {
      version: "1.2",
      creator: { name: "WebInspector", version: "156" },
      pages: [{ id: "p", title: 'http://a/ [ { " } 한국어 😀' }],
      entries: [
        entry(1),
        entry(2, { _initiator: { type: "script", stack: { callFrames: [[{}], []] } } }),
        entry(3),
      ],
      comment: "}]",
    },
  },
  null,
  2,
);

describe("HarStream", () => {
  it("gives the document, bodies dropped, whole or cut anywhere", () => {
    expect(streamed(HAR, [])).toEqual({ ok: true, document: expected(HAR) });
    for (let cut = 0; cut <= Buffer.byteLength(HAR); cut++)
      expect(streamed(HAR, [cut]), `cut at ${cut}`).toEqual({ ok: true, document: expected(HAR) });
    const doc = (
      streamed(HAR, []) as { document: { log: { entries: Array<{ response: { content: object } }> } } }
    ).document;
    expect(doc.log.entries.map((e) => e.response.content)).toEqual([{ size: 3 }, { size: 3 }, { size: 3 }]);
  });

  it(
    "matches JSON.parse on random documents cut at random places",
    () => {
      const json = fc.jsonValue({ maxDepth: 4 });
      fc.assert(
        fc.property(
          fc.record({
            before: fc.dictionary(fc.string(), json, { maxKeys: 3 }),
            entries: fc.array(fc.oneof(fc.dictionary(fc.string(), json, { maxKeys: 4 }), fc.array(json)), {
              maxLength: 6,
            }),
            after: fc.dictionary(fc.string(), json, { maxKeys: 3 }),
            space: fc.constantFrom(0, 1, 2),
            bom: fc.boolean(),
          }),
          fc.array(fc.nat(), { maxLength: 8 }),
          ({ before, entries, after, space, bom }, cuts) => {
            const text = `${bom ? "\uFEFF" : ""}${JSON.stringify({ ...before, log: { ...after, entries } }, null, space)}`;
            const r = streamed(
              text,
              cuts.map((c) => c % (Buffer.byteLength(text) + 1)),
            );
            expect(r).toEqual({ ok: true, document: expected(text) });
          },
        ),
        STREAMED.params,
      );
    },
    STREAMED.timeout,
  );

  it("leaves out only the bodies: other `text` keys, and bodies that are not strings, stay as they were", () => {
    const doc = {
      log: {
        entries: [
          {
            text: "kept",
            request: {
              method: "POST",
              url: "http://api/",
              headers: [],
              text: "kept",
              postData: { text: "x" },
            },
            response: { status: 200, headers: [{ name: "text", value: '"text":"v"' }], content: { text: 7 } },
            _initiator: { stack: { text: "kept", content: { text: "kept" } } },
          },
          [{ response: { content: { text: "in an array entry: kept" } } }],
        ],
      },
    };
    const text = JSON.stringify(doc, null, 1);
    for (let cut = 0; cut <= Buffer.byteLength(text); cut += 7)
      expect(streamed(text, [cut]), `cut at ${cut}`).toEqual({ ok: true, document: expected(text) });
  });

  it("reads other JSON (a saved report, a log elsewhere) as JSON.parse does", () => {
    for (const doc of [
      { format: "cors-lens-report", version: 2, exchanges: [{ id: "1" }] },
      { x: { log: { entries: [{ a: 1 }] } } },
      { log: { entries: [] } },
      [1, 2, { log: { entries: [1] } }],
      "text",
      42,
    ]) {
      const text = JSON.stringify(doc);
      expect(streamed(text, [3, 7])).toEqual({ ok: true, document: doc });
    }
  });

  it("hands back what it cannot read (the caller parses it whole, for the same error as before)", () => {
    for (const text of [
      "",
      "   ",
      '{"log":{"entries":[{"a":1},',
      '{"log":{"entries":[{"a":1}]}',
      '{"log":{"entries":[{"a":}]}}',
      '{"log":{"entries":[1,2]}}',
      '{"log":{"entries":["x"]}}',
      '{"log":{"entries":[{"a":"unterminated}]}}',
      "not json",
      '{"log":{"entries":[{}]}} trailing',
    ])
      expect(streamed(text, [5]), text).toEqual({ ok: false });
  });

  it("keeps each entry only as what CORS Lens reads of it, and imports as the whole file does", () => {
    // Pages after the entries, an entry that is not a request, a preflight and its request.
    const har = {
      log: {
        creator: { name: "WebInspector", version: "156" },
        entries: [
          entry(1, { pageref: "p" }),
          { request: { method: "GET" } },
          entry(2, {
            startedDateTime: "2026-12-05T00:00:00.001Z",
            _resourceType: "preflight",
            _initiator: { type: "preflight", url: "http://api/3" },
            request: {
              method: "OPTIONS",
              url: "http://api/3",
              headers: [
                { name: "Origin", value: "http://a" },
                { name: "Access-Control-Request-Method", value: "PUT" },
              ],
            },
          }),
          entry(3, { pageref: "p", response: { status: 0, headers: [], _error: "net::ERR_FAILED" } }),
        ],
        pages: [{ id: "p", title: "http://a/page" }],
      },
    };
    const firefox = readFileSync(new URL("../fixtures/har/firefox-netmonitor.har", import.meta.url), "utf8");
    for (const text of [JSON.stringify(har, null, 1), firefox]) {
      const whole = importHar(JSON.parse(text));
      for (const cuts of [[], [17], [101, 977]]) {
        const r = streamed(text, cuts, readEntry);
        expect(r.ok).toBe(true);
        const { entries } = (r as { document: { log: { entries: unknown[] } } }).document.log;
        // Nothing of a raw entry is held: only what was read of it (or null for an unusable one).
        for (const e of entries) expect(e === null || !("request" in (e as object))).toBe(true);
        expect(importHar((r as { document: unknown }).document)).toEqual(whole);
      }
    }
    expect(importHar(JSON.parse(JSON.stringify(har))).exchanges[0]?.documentUrl).toBe("http://a/page");
    expect(importHar(JSON.parse(JSON.stringify(har))).skipped).toBe(1);
  });
});
