import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ObservedEvent } from "../../src/capture/events";

type Listener = (details: Record<string, unknown>) => void;
const registered = new Map<string, { listener: Listener; filter: unknown; spec: unknown[] }>();
const removed: string[] = [];

vi.mock("../../src/platform/browser", () => {
  const event = (name: string) => ({
    addListener: (listener: Listener, filter: unknown, ...rest: unknown[]) =>
      registered.set(name, { listener, filter, spec: rest }),
    removeListener: (listener: Listener) => {
      if (registered.get(name)?.listener === listener) {
        registered.delete(name);
        removed.push(name);
      }
    },
    hasListener: (listener: Listener) => registered.get(name)?.listener === listener,
  });
  return {
    browser: {
      webRequest: Object.fromEntries(
        ["onSendHeaders", "onHeadersReceived", "onBeforeRedirect", "onCompleted", "onErrorOccurred"].map(
          (n) => [n, event(n)],
        ),
      ),
    },
  };
});

const { observeWebRequests } = await import("../../src/platform/web-request");

let subscription: ReturnType<typeof observeWebRequests> | null = null;

function observe(): ObservedEvent[] {
  const events: ObservedEvent[] = [];
  registered.clear();
  subscription = observeWebRequests((e) => events.push(e));
  return events;
}

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

// Details as Chromium 156 and Firefox 153 delivered them for a PUT's preflight (recorded on this project's machines).
const CHROME_SEND = {
  requestId: "12",
  tabId: 4,
  frameId: 0,
  url: "http://127.0.0.1:5602/api",
  method: "OPTIONS",
  type: "xmlhttprequest",
  timeStamp: 1700000000123.5,
  initiator: "http://127.0.0.1:5601",
  documentId: "D1",
  frameType: "outermost_frame",
  requestHeaders: [
    { name: "Origin", value: "http://127.0.0.1:5601" },
    { name: "Access-Control-Request-Method", value: "PUT" },
    { name: "Access-Control-Request-Headers", value: "content-type,x-api-key" },
  ],
};
const FIREFOX_HEADERS = {
  requestId: "21",
  tabId: 2,
  frameId: 0,
  url: "http://127.0.0.1:5602/api",
  method: "OPTIONS",
  type: "xmlhttprequest",
  timeStamp: 1700000000200,
  originUrl: "http://127.0.0.1:5601/",
  documentUrl: "http://127.0.0.1:5601/",
  thirdParty: false,
  statusCode: 204,
  statusLine: "HTTP/1.1 204 No Content",
  responseHeaders: [
    { name: "access-control-allow-origin", value: "http://127.0.0.1:5601" },
    // Firefox gives some values as bytes.
    { name: "x-binary", binaryValue: [104, 105] },
  ],
};

describe("the webRequest adapter", () => {
  it("pauses by removing every listener and resumes by adding them again", () => {
    observe();
    expect(registered.size).toBe(5);
    expect(subscription?.listening()).toBe(true);
    subscription?.stop();
    expect(registered.size).toBe(0);
    expect(removed.slice(-5).sort()).toEqual([
      "onBeforeRedirect",
      "onCompleted",
      "onErrorOccurred",
      "onHeadersReceived",
      "onSendHeaders",
    ]);
    expect(subscription?.listening()).toBe(false);
    subscription?.start();
    subscription?.start();
    expect(registered.size).toBe(5);
    expect(subscription?.listening()).toBe(true);
  });

  describe("in Chrome", () => {
    beforeEach(() => {
      (globalThis as { chrome?: unknown }).chrome = {
        webRequest: { OnSendHeadersOptions: { EXTRA_HEADERS: "extraHeaders" } },
      };
    });

    it("asks for extraHeaders on every event (Chrome hides preflights and Origin without it)", () => {
      observe();
      expect([...registered.keys()].sort()).toEqual([
        "onBeforeRedirect",
        "onCompleted",
        "onErrorOccurred",
        "onHeadersReceived",
        "onSendHeaders",
      ]);
      for (const { filter, spec } of registered.values()) {
        expect(filter).toEqual({ urls: ["<all_urls>"] });
        expect(spec[0]).toContain("extraHeaders");
      }
      expect(registered.get("onSendHeaders")?.spec[0]).toEqual(["requestHeaders", "extraHeaders"]);
    });

    it("normalizes a recorded preflight's send event", () => {
      const events = observe();
      registered.get("onSendHeaders")?.listener(CHROME_SEND);
      expect(events).toEqual([
        {
          kind: "send",
          requestId: "12",
          tabId: 4,
          frameId: 0,
          url: "http://127.0.0.1:5602/api",
          method: "OPTIONS",
          type: "xmlhttprequest",
          initiator: "http://127.0.0.1:5601",
          documentUrl: null,
          timeStamp: 1700000000123.5,
          requestHeaders: [
            ["Origin", "http://127.0.0.1:5601"],
            ["Access-Control-Request-Method", "PUT"],
            ["Access-Control-Request-Headers", "content-type,x-api-key"],
          ],
        },
      ]);
    });
  });

  describe("in Firefox", () => {
    it("never passes extraHeaders (Firefox rejects it) and no explicit undefined spec", () => {
      observe();
      expect(registered.get("onErrorOccurred")?.spec).toEqual([]);
      for (const { spec } of registered.values()) expect(JSON.stringify(spec)).not.toContain("extraHeaders");
    });

    it("reads the initiator from originUrl, keeps documentUrl and decodes binary header values", () => {
      const events = observe();
      registered.get("onHeadersReceived")?.listener(FIREFOX_HEADERS);
      expect(events[0]).toMatchObject({
        kind: "headers",
        initiator: "http://127.0.0.1:5601",
        documentUrl: "http://127.0.0.1:5601/",
        statusCode: 204,
        responseHeaders: [
          ["access-control-allow-origin", "http://127.0.0.1:5601"],
          ["x-binary", "hi"],
        ],
      });
    });

    it("names an opaque initiator null and keeps an error's text", () => {
      const events = observe();
      registered.get("onErrorOccurred")?.listener({
        ...FIREFOX_HEADERS,
        originUrl: "file:///home/u/page.html",
        error: "NS_ERROR_DOM_BAD_URI",
      });
      expect(events[0]).toMatchObject({ kind: "error", initiator: "null", error: "NS_ERROR_DOM_BAD_URI" });
    });
  });
});
