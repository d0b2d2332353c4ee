/**
 * The request's facts as the engine decides them once (src/engine/facts.ts): whether it needs a
 * preflight, whether a browser error means "blocked by CORS", what a preflight is, and the request
 * mode told from the headers when no recorder stated it. Each decides which explanation a user gets
 * (a no-cors request is explained as an opaque response, never as a CORS block).
 */
import { describe, expect, it } from "vitest";
import { diagnose, isCorsBlockError, isPreflightRequest, needsPreflight } from "../../src/engine";
import { exchange, h, PAGE } from "./build";

describe("needsPreflight (https://fetch.spec.whatwg.org/#http-fetch, makeCORSPreflight)", () => {
  it.each([
    ["GET", h("Accept", "*/*"), false],
    ["POST", h("Content-Type", "text/plain"), false],
    ["POST", h("Content-Type", "application/json"), true],
    ["GET", h("X-Api-Key", "k"), true],
    ["PUT", h(), true],
    ["patch", h(), true],
    ["HEAD", h(), false],
  ] as const)("%s with %j: %s", (method, headers, needed) => {
    expect(needsPreflight(method, headers)).toBe(needed);
  });

  it("without the request's headers only a method can say yes", () => {
    expect(needsPreflight("GET", null)).toBeNull();
    expect(needsPreflight("DELETE", null)).toBe(true);
  });
});

describe("isCorsBlockError", () => {
  it.each([
    ["net::ERR_FAILED", true],
    ["NS_ERROR_DOM_BAD_URI", true],
    ["net::ERR_BLOCKED_BY_CLIENT", false],
    ["net::ERR_CONNECTION_REFUSED", false],
    ["", false],
    [null, false],
    [undefined, false],
  ] as const)("%s: %s", (error, cors) => {
    expect(isCorsBlockError(error)).toBe(cors);
  });
});

describe("isPreflightRequest (https://fetch.spec.whatwg.org/#cors-preflight-request)", () => {
  it("is an OPTIONS request that carries Access-Control-Request-Method", () => {
    expect(isPreflightRequest("OPTIONS", h("Access-Control-Request-Method", "PUT"))).toBe(true);
    expect(isPreflightRequest("OPTIONS", h("Origin", PAGE))).toBe(false);
    expect(isPreflightRequest("GET", h("Access-Control-Request-Method", "PUT"))).toBe(false);
    expect(isPreflightRequest("OPTIONS", null)).toBe(false);
  });
});

describe("the request mode, told from the headers when no recorder stated it", () => {
  const modeOf = (spec: Parameters<typeof exchange>[0]) => diagnose(exchange(spec)).mode;
  const answered = { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") };

  it.each([
    ["cors", "cors"],
    [" CORS ", "cors"],
    ["no-cors", "no-cors"],
    ["same-origin", "same-origin"],
    ["navigate", "navigate"],
    ["websocket", "cors"],
  ])("Sec-Fetch-Mode: %j is %s", (value, mode) => {
    expect(modeOf({ requestHeaders: h("Origin", PAGE, "Sec-Fetch-Mode", value), response: answered })).toBe(
      mode,
    );
  });

  it("a stated mode wins over the headers", () => {
    expect(
      modeOf({
        mode: "same-origin",
        requestHeaders: h("Sec-Fetch-Mode", "cors"),
        response: null,
        error: "net::ERR_FAILED",
      }),
    ).toBe("same-origin");
  });

  it("a preflight, or an Origin header, says cors", () => {
    expect(
      modeOf({
        method: "PUT",
        requestHeaders: h("X-Api-Key", "k"),
        preflight: { status: 204, headers: h("Access-Control-Allow-Origin", PAGE) },
        response: answered,
      }),
    ).toBe("cors");
    expect(modeOf({ requestHeaders: h("Origin", PAGE, "Accept", "*/*"), response: answered })).toBe("cors");
  });

  it("a cross-origin GET or POST sent on the wire without Origin was no-cors (an <img>, a <script>)", () => {
    expect(modeOf({ requestHeaders: h("Accept", "image/*"), response: { status: 200 } })).toBe("no-cors");
    expect(modeOf({ method: "POST", requestHeaders: h("Accept", "*/*"), response: { status: 200 } })).toBe(
      "no-cors",
    );
    // A method no <img> or <form> can send: not told.
    expect(modeOf({ method: "PUT", requestHeaders: h("Accept", "*/*"), response: { status: 200 } })).toBe(
      "unknown",
    );
  });

  it("headers never answered are on the wire only with what DevTools' provisional headers lack", () => {
    const unanswered = { response: { status: null }, error: "net::ERR_CONNECTION_REFUSED" } as const;
    expect(modeOf({ requestHeaders: h("Accept", "*/*"), ...unanswered })).toBe("unknown");
    for (const wire of ["Accept-Encoding", "Host", "Sec-Fetch-Site"])
      expect(modeOf({ requestHeaders: h("Accept", "*/*", wire, "x"), ...unanswered }), wire).toBe("no-cors");
  });

  it("a same-origin request without Origin is not told to be no-cors", () => {
    expect(
      modeOf({ url: `${PAGE}/api`, requestHeaders: h("Accept", "*/*"), response: { status: 200 } }),
    ).toBe("unknown");
  });
});
