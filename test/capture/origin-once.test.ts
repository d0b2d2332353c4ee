/**
 * The request's origin is decided once (`requestOrigin`, stored by `observedExchange`) and read by
 * the engine's facts, the recording filter, the report and the pairing of preflights. Before, six
 * places decided it three ways; these are the cases where they disagreed.
 */
import { describe, expect, it } from "vitest";
import { preflightFromHop, samePreflightAsk } from "../../src/capture/pairing";
import { isCrossOrigin, isWorthRecording } from "../../src/capture/worth-recording";
import { diagnose, type Hop, observedExchange, requestOrigin, sentOrigin } from "../../src/engine";
import { requestFacts } from "../../src/engine/facts";

const API = "http://api.test/data";

function built(fields: {
  initiator: string | null;
  headers?: Array<[string, string]> | null;
  preflight?: Hop | null;
  url?: string;
  method?: string;
}) {
  return observedExchange({
    id: "1",
    url: fields.url ?? API,
    method: fields.method ?? "GET",
    initiator: fields.initiator,
    resourceType: "fetch",
    requestHeaders: fields.headers ?? null,
    preflight: fields.preflight ?? null,
    hops: [
      {
        url: fields.url ?? API,
        method: fields.method ?? "GET",
        status: 200,
        requestHeaders: fields.headers ?? [],
        responseHeaders: [],
        error: null,
        fromCache: false,
      },
    ],
    recordedBy: "chromium",
  });
}

describe("the request's origin, decided once", () => {
  it("an opaque initiator ('null', a sandboxed frame or file:) is the origin \"null\" everywhere", () => {
    // The tracker's pairing read it as unknown (null) while the facts read "null".
    expect(requestOrigin([], "null")).toEqual({ origin: "null", sent: false });
    const x = built({ initiator: "null" });
    expect(x.origin).toBe("null");
    expect(requestFacts(x).origin).toBe("null");
    expect(isCrossOrigin(x)).toBe(true);
  });

  it("the Origin sent wins over the initiator, in the recording filter too", () => {
    // A sandboxed page of api.test's own origin sends Origin: null. The filter compared the
    // initiator (same origin: not recorded) while the engine compared the header (cross-origin).
    const x = built({ initiator: "http://api.test", headers: [["Origin", "null"]] });
    expect(x.origin).toBe("null");
    expect(x.originSent).toBe(true);
    expect(requestFacts(x).crossOrigin).toBe(true);
    expect(isWorthRecording(x)).toBe(true);
  });

  it("a same-origin request that sent Origin (a POST) is not cross-origin when the initiator is unknown", () => {
    // The filter counted every request with an Origin header and no initiator as cross-origin.
    const x = built({ initiator: null, method: "POST", headers: [["Origin", "http://api.test"]] });
    expect(x.origin).toBe("http://api.test");
    expect(isCrossOrigin(x)).toBe(false);
    expect(requestFacts(x).crossOrigin).toBe(false);
  });

  it("one value, trimmed: the first Origin header, as the facts read it (pairing joined them)", () => {
    const headers: Array<[string, string]> = [
      ["Origin", " http://page.test "],
      ["origin", "http://other.test"],
    ];
    expect(requestOrigin([headers], null).origin).toBe("http://page.test");
    const hop: Hop = {
      url: API,
      method: "OPTIONS",
      status: 204,
      requestHeaders: [["Access-Control-Request-Method", "PUT"], ...headers],
      responseHeaders: [],
      error: null,
      fromCache: false,
    };
    expect(preflightFromHop("p", 1, hop, 0)?.origin).toBe("http://page.test");
  });

  it("only a preflight's Origin seen: the report's sent origin and the facts agree", () => {
    const preflight: Hop = {
      url: API,
      method: "OPTIONS",
      status: 204,
      requestHeaders: [
        ["Origin", "http://page.test"],
        ["Access-Control-Request-Method", "PUT"],
      ],
      responseHeaders: [],
      error: null,
      fromCache: false,
    };
    const x = built({ initiator: "http://elsewhere.test", method: "PUT", preflight });
    expect(x.origin).toBe("http://page.test");
    expect(sentOrigin(x)).toBe("http://page.test");
    expect(requestFacts(x).origin).toBe("http://page.test");
  });

  it("no Origin sent: the report says none was sent, the engine uses the initiator's origin", () => {
    const x = built({ initiator: "http://page.test/app/index.html" });
    expect(sentOrigin(x)).toBeNull();
    expect(x.origin).toBe("http://page.test");
    expect(diagnose(x).verdict).not.toBe("allowed");
  });

  it("pairing: a preflight from an opaque origin pairs with the request from it, and not with another's", () => {
    const opaque = { url: API, method: "PUT", origin: requestOrigin([], "null").origin };
    expect(samePreflightAsk({ url: API, method: "PUT", origin: "null" }, opaque)).toBe(true);
    expect(samePreflightAsk({ url: API, method: "PUT", origin: "http://page.test" }, opaque)).toBe(false);
  });
});
