/**
 * The request's facts as the engine decides them once (src/engine/facts.ts): whether it needs a
 * preflight, whether a browser error means "blocked by CORS", what a preflight is, and the request
 * mode told from the headers when no recorder stated it. Each decides which explanation a user gets
 * (a no-cors request is explained as an opaque response, never as a CORS block).
 */
import { describe, expect, it } from "vitest";
import {
  diagnose,
  type HeaderList,
  type Hop,
  isCorsBlockError,
  isPreflightRequest,
  needsPreflight,
  type ObservedFields,
  observedExchange,
  preflightOnlyExchange,
  sentOrigin,
} from "../../src/engine";
import { API, exchange, h, hop, PAGE } from "./build";

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

  it.each([
    ["cors", "cors"],
    ["websocket", "cors"],
  ])("Sec-Fetch-Mode: %j is %s even without an Origin header", (value, mode) => {
    expect(modeOf({ requestHeaders: h("Sec-Fetch-Mode", value, "Accept", "*/*"), response: answered })).toBe(
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

  it("a redirect that was answered puts the request's headers on the wire, even if its target never answered", () => {
    expect(
      modeOf({
        requestHeaders: h("Accept", "*/*"),
        redirects: [{ status: 302, to: `${API}/moved` }],
        response: { status: null },
        error: "net::ERR_CONNECTION_REFUSED",
      }),
    ).toBe("no-cors");
  });

  it("a same-origin request without Origin is not told to be no-cors", () => {
    expect(
      modeOf({ url: `${PAGE}/api`, requestHeaders: h("Accept", "*/*"), response: { status: 200 } }),
    ).toBe("unknown");
  });
});

const URL_ = `${API}/api/data`;
/** An exchange built from exactly these observations (the builder in ./build fills in headers). */
const observed = (fields: Partial<ObservedFields> & { hops: Hop[] }) =>
  observedExchange({
    id: "x1",
    url: URL_,
    method: "GET",
    recordedBy: "chromium",
    resourceType: "fetch",
    ...fields,
  });
const COOKIE = h("Origin", PAGE, "Cookie", "sid=1", "Sec-Fetch-Mode", "cors");
const NO_COOKIE = h("Origin", PAGE, "Sec-Fetch-Mode", "cors");
/** Allowed for the origin, without `Access-Control-Allow-Credentials`: blocked only when credentialed. */
const originOnly = (requestHeaders: HeaderList, error: string | null = "net::ERR_FAILED") =>
  hop(URL_, "GET", 200, requestHeaders, h("Access-Control-Allow-Origin", PAGE), error);

describe("the request's headers: the exchange's own, else its first hop's", () => {
  it.each([
    ["not recorded on the exchange", null],
    ["recorded empty on the exchange", [] as HeaderList],
  ])("a Cookie on the first hop counts when the headers were %s", (_, requestHeaders) => {
    const d = diagnose(
      observed({ initiator: PAGE, requestHeaders, hops: [originOnly(COOKIE)], error: "net::ERR_FAILED" }),
    );
    expect(d.causes[0]?.code).toBe("allow-credentials-not-true");
    expect(d.credentials).toMatchObject({ mode: "include", basis: "the Cookie header" });
  });

  it("the exchange's own headers come before the first hop's", () => {
    const d = diagnose(
      observed({
        initiator: PAGE,
        requestHeaders: COOKIE,
        hops: [originOnly(NO_COOKIE)],
        error: "net::ERR_FAILED",
      }),
    );
    expect(d.credentials).toMatchObject({ mode: "include", basis: "the Cookie header" });
  });

  it.each([
    ["never recorded", null],
    ["recorded empty", [] as HeaderList],
  ])("a request whose headers were %s is not told to be no-cors", (_, requestHeaders) => {
    const d = diagnose(observed({ initiator: PAGE, requestHeaders, hops: [originOnly([], null)] }));
    expect(d.mode).toBe("unknown");
  });

  it("without headers, Origin or initiator it is not observed, not guessed", () => {
    const redirect = hop(URL_, "GET", 302, [], h("Location", `${API}/moved`));
    const d = diagnose(
      observed({ requestHeaders: null, hops: [redirect, hop(`${API}/moved`, "GET", 200, [], [])] }),
    );
    expect(d.verdict).toBe("unknown");
    expect(d.unknownReason).toContain("Neither the request headers nor the initiator were observed");
  });

  it("a request with neither Origin nor initiator (the browser's own) is not a CORS request", () => {
    const wire = h("Accept-Encoding", "gzip");
    const d = diagnose(
      observed({ method: "PUT", requestHeaders: null, hops: [hop(URL_, "PUT", 200, wire, [])] }),
    );
    expect(d.verdict).toBe("not-cors");
  });

  it("a preflight seen without its request still explains its failure", () => {
    const d = diagnose(
      preflightOnlyExchange({
        id: "p1",
        url: URL_,
        recordedBy: "chromium",
        preflight: hop(
          URL_,
          "OPTIONS",
          204,
          h("Origin", PAGE, "Access-Control-Request-Method", "PUT"),
          h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "GET, POST"),
        ),
      }),
    );
    expect(d.causes[0]?.code).toBe("method-not-allowed");
    expect(d.causes[0]?.message).toContain("PUT");
  });
});

describe("the error that ended the request: its last hop's, else the exchange's", () => {
  it("a hop's non-CORS error is quoted even when the exchange carries none", () => {
    const d = diagnose(
      observed({
        initiator: PAGE,
        requestHeaders: NO_COOKIE,
        hops: [originOnly(NO_COOKIE, "net::ERR_BLOCKED_BY_CLIENT")],
      }),
    );
    expect(d.verdict).toBe("not-cors");
    const notCors = d.findings.find((f) => f.code === "not-cors");
    expect(notCors?.message).toContain("`net::ERR_BLOCKED_BY_CLIENT`: an extension");
  });
});

describe("sentOrigin", () => {
  it("is the Origin header as sent, and null when only the initiator is known", () => {
    expect(sentOrigin(exchange())).toBe(PAGE);
    expect(
      sentOrigin(observed({ initiator: PAGE, requestHeaders: h("Accept", "*/*"), hops: [] })),
    ).toBeNull();
  });
});
