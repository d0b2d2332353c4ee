/**
 * What `diagnose` answers where the CORS checks do not decide alone: requests that are not CORS,
 * evidence that is missing (each "unknown" names what was not seen), and the credentials mode told
 * from the outcome. Each case reads the verdict, the cause code and the words a user sees.
 */
import { describe, expect, it } from "vitest";
import { diagnose, type Hop, type ObservedExchange, observedExchange } from "../../src/engine";
import { API, exchange, h, hop, PAGE } from "./build";

const NOT_VISIBLE = { mode: "unknown", inferred: false, basis: "not visible to extensions" };
const ALLOWED = h("Access-Control-Allow-Origin", PAGE);

describe("requests that are not CORS, or fail before any CORS check", () => {
  // https://fetch.spec.whatwg.org/#main-fetch: scheme fetch answers a data: URL in any mode.
  it("a data: URL fetched in cors mode is not CORS (not a scheme the browser refuses)", () => {
    const d = diagnose(exchange({ url: "data:text/plain,hi", mode: "cors", response: { status: 200 } }));
    expect(d.verdict).toBe("not-cors");
  });

  it("a navigation is not CORS even when the response has no Access-Control-Allow-Origin", () => {
    const d = diagnose(exchange({ mode: "navigate", response: { status: 200, headers: [] } }));
    expect(d).toMatchObject({
      verdict: "not-cors",
      causes: [],
      unknownReason: null,
      credentials: NOT_VISIBLE,
    });
  });

  it("a non-HTTP URL is not CORS in no-cors mode, and scheme-not-supported in cors mode", () => {
    const url = "ftp://files.test/data.bin";
    expect(diagnose(exchange({ url, mode: "no-cors", response: null })).verdict).toBe("not-cors");
    const d = diagnose(exchange({ url, mode: "cors", response: null }));
    expect(d).toMatchObject({ verdict: "blocked", unknownReason: null, credentials: NOT_VISIBLE });
    expect(d.causes.map((c) => [c.code, c.stage])).toEqual([["scheme-not-supported", "request"]]);
  });

  it("no-cors with redirect mode follow is not CORS; with manual it is a network error", () => {
    const noCors = (redirectMode: ObservedExchange["redirectMode"]) =>
      diagnose(exchange({ mode: "no-cors", redirectMode, response: { status: 200, headers: [] } }));
    expect(noCors("follow")).toMatchObject({ verdict: "not-cors", causes: [] });
    expect(noCors("manual").causes[0]?.code).toBe("no-cors-redirect-mode");
  });

  it("a cancelled request is unknown, with the browser's error in the reason", () => {
    const d = diagnose(exchange({ response: null, error: "net::ERR_ABORTED" }));
    expect(d).toMatchObject({ verdict: "unknown", causes: [] });
    expect(d.unknownReason).toBe(
      "The request was cancelled (net::ERR_ABORTED) before it finished: the page navigated away or aborted it.",
    );
  });

  it("a Local Network Access denial with no origin known is permission-denied, not insecure", () => {
    // No Origin and no initiator: only a redirect makes it reach the checks.
    const x = observedExchange({
      id: "x1",
      url: `${API}/a`,
      method: "GET",
      recordedBy: "chromium",
      requestHeaders: h("Accept", "*/*"),
      hops: [
        hop(`${API}/a`, "GET", 302, h("Accept", "*/*"), h("Location", "http://192.168.1.5/b")),
        hop("http://192.168.1.5/b", "GET", null, [], [], "net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS"),
      ],
    });
    const d = diagnose(x);
    expect(d.verdict).toBe("blocked");
    expect(d.causes[0]?.code).toBe("local-network-permission-denied");
  });

  it("an exchange that cannot be read is unknown with the error, never a throw", () => {
    const x = exchange();
    Object.defineProperty(x, "hops", {
      get: () => {
        throw new Error("hops unreadable");
      },
    });
    const d = diagnose(x);
    expect(d).toMatchObject({ verdict: "unknown", causes: [], findings: [], server: null });
    expect(d.unknownReason).toBe("CORS Lens could not read this exchange (hops unreadable).");
    expect(d.credentials).toEqual(NOT_VISIBLE);
  });

  it("without a recording browser or an option, the checks run in Chromium's order", () => {
    // Methods list fails and headers list does not parse: Chromium parses both lists first.
    const x = exchange({
      method: "PUT",
      recordedBy: null,
      requestHeaders: h("Origin", PAGE, "X-Api-Key", "k1"),
      preflight: {
        status: 204,
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET",
          "Access-Control-Allow-Headers",
          "x-api-key x-other",
        ),
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "PUT",
          "Access-Control-Request-Headers",
          "x-api-key",
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(diagnose(x).causes[0]?.code).toBe("invalid-allow-headers");
    expect(diagnose(x, { browser: "firefox" }).causes[0]?.code).toBe("method-not-allowed");
  });
});

/** An exchange with no Origin header and no initiator: its origin is not known. */
function originUnknown(fields: {
  requestHeaders: ObservedExchange["requestHeaders"];
  mode?: ObservedExchange["mode"];
}): ObservedExchange {
  const hops: Hop[] = [
    hop(`${API}/a`, "GET", 302, fields.requestHeaders ?? [], h("Location", `${API}/b`)),
    hop(`${API}/b`, "GET", 200, [], ALLOWED),
  ];
  return observedExchange({
    id: "x1",
    url: `${API}/a`,
    method: "GET",
    recordedBy: "chromium",
    requestHeaders: fields.requestHeaders,
    mode: fields.mode ?? "unknown",
    hops,
  });
}

describe("unknown: what was not observed", () => {
  const NOT_OBSERVED =
    "Neither the request headers nor the initiator were observed, so CORS Lens cannot tell whether this was a CORS request.";

  it("no request headers, no initiator and no mode: not known to be CORS", () => {
    const d = diagnose(originUnknown({ requestHeaders: null }));
    expect(d).toMatchObject({ verdict: "unknown", unknownReason: NOT_OBSERVED });
  });

  it("any one of the mode, the request headers or the origin is enough to run the checks", () => {
    expect(diagnose(originUnknown({ requestHeaders: null, mode: "cors" })).unknownReason).not.toBe(
      NOT_OBSERVED,
    );
    expect(diagnose(originUnknown({ requestHeaders: h("Accept", "*/*") })).unknownReason).not.toBe(
      NOT_OBSERVED,
    );
    const withInitiator = observedExchange({
      id: "x1",
      url: `${API}/data`,
      method: "GET",
      recordedBy: "chromium",
      initiator: PAGE,
      requestHeaders: null,
      hops: [hop(`${API}/data`, "GET", 200, [], ALLOWED)],
    });
    expect(diagnose(withInitiator)).toMatchObject({ verdict: "allowed", unknownReason: null });
  });

  it("a CORS error on headers that pass every check is unknown, naming the error", () => {
    const d = diagnose(
      exchange({
        response: {
          status: 200,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"),
        },
        error: "net::ERR_FAILED",
      }),
    );
    expect(d).toMatchObject({ verdict: "unknown", causes: [] });
    expect(d.unknownReason).toMatch(
      /^The browser reported net::ERR_FAILED, but the observed headers pass every CORS check/,
    );
  });

  it("no response and a transport error: a network-error cause expecting a response", () => {
    const d = diagnose(exchange({ response: null, error: "net::ERR_CONNECTION_REFUSED" }));
    expect(d.verdict).toBe("blocked");
    expect(d.causes[0]).toMatchObject({ code: "network-error", stage: "response", expected: "a response" });
  });

  it("no response and no error: unknown, the response not observed", () => {
    const d = diagnose(exchange({ response: null }));
    expect(d).toMatchObject({
      verdict: "unknown",
      unknownReason: "The actual request was not observed getting a response.",
    });
  });

  it("a request that needed a preflight, with none recorded and no response: the preflight not recorded", () => {
    const put = exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "Content-Type", "application/json"),
      response: null,
    });
    expect(diagnose(put).unknownReason).toBe(
      "The request needed a preflight, but no OPTIONS request was recorded and the request never got a response.",
    );
    // A recording that cannot show preflights (a HAR without them) only lacks the response.
    const noPreflights = { ...put, visibility: { ...put.visibility, preflights: false } };
    expect(diagnose(noPreflights).unknownReason).toBe(
      "The actual request was not observed getting a response.",
    );
  });

  it("a response without a status: the error before the headers, or the response not observed", () => {
    const noStatus = (error: string | null) =>
      diagnose(exchange({ response: { status: null, headers: [], error } })).unknownReason;
    expect(noStatus("net::ERR_FAILED")).toBe(
      "The browser reported net::ERR_FAILED before CORS Lens could see the response headers.",
    );
    expect(noStatus(null)).toBe("The response to the actual request was not observed.");
  });

  it("a preflight whose request headers were not recorded is checked for its method only", () => {
    const d = diagnose(
      exchange({
        method: "PUT",
        requestHeaders: [],
        preflight: {
          status: 204,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
          requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "PUT"),
        },
      }),
    );
    expect(d).toMatchObject({ verdict: "allowed", causes: [] });
  });
});

describe("unknown: a stopped background worker", () => {
  const interrupted = (preflight: Hop | null, stopped = true) =>
    observedExchange({
      id: "x1",
      url: `${API}/data`,
      method: "PUT",
      recordedBy: "chromium",
      initiator: PAGE,
      requestHeaders: null,
      preflight,
      interrupted: stopped,
    });
  const preflight = hop(`${API}/data`, "OPTIONS", 204, h("Origin", PAGE), ALLOWED);
  const ASK_UNSEEN =
    "Neither the preflight's request headers nor the request's were observed, so what the preflight asked for is unknown.";

  it("a preflight whose ask was never seen: what it asked is unknown", () => {
    const d = diagnose(interrupted(preflight));
    expect(d.verdict).toBe("unknown");
    expect(d.unknownReason).toContain("background worker was stopped");
    expect(d.unknownReason).toContain(ASK_UNSEEN);
  });

  it("not stopped, the preflight is checked for the request's method; without one, the preflight is missing", () => {
    const notStopped = diagnose(interrupted(preflight, false));
    expect(notStopped.verdict).toBe("blocked");
    expect(notStopped.causes[0]).toMatchObject({ code: "method-not-allowed", value: "PUT" });
    const noPreflight = diagnose(interrupted(null));
    expect(noPreflight.unknownReason).toContain("background worker was stopped");
    expect(noPreflight.unknownReason).toContain(
      "The request needed a preflight, but no OPTIONS request was recorded and the request never got a response.",
    );
  });
});

describe("the credentials mode told from the outcome", () => {
  it("allowed without credentials, blocked with them, outcome not reported: assumed, with the credentialed block", () => {
    // Firefox's webRequest does not report a CORS block on the final response.
    const d = diagnose(
      exchange({
        recordedBy: "firefox",
        response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
      }),
    );
    expect(d.verdict).toBe("allowed");
    expect(d.credentials.mode).toBe("same-origin");
    expect(d.credentials.inferred).toBe(true);
    expect(d.credentials.basis).toMatch(
      /assumed fetch's default \(no credentials to other origins\)\. If the page sent it with credentials, the browser blocked it instead: /,
    );
    expect(d.credentials.basis).toContain("Access-Control-Allow-Origin: *");
  });

  it("Chromium reported no error: credentials inferred not sent", () => {
    const d = diagnose(exchange({ response: { status: 200, headers: ALLOWED } }));
    expect(d.verdict).toBe("allowed");
    expect(d.credentials).toEqual({
      mode: "same-origin",
      inferred: true,
      basis: "inferred: the browser let the response through",
    });
  });

  it("the same failure with and without credentials: the same either way", () => {
    const d = diagnose(
      exchange({
        response: { status: 200, headers: h("Access-Control-Allow-Origin", "http://other.test") },
        error: "net::ERR_FAILED",
      }),
    );
    expect(d.causes[0]?.code).toBe("allow-origin-mismatch");
    expect(d.credentials.basis).toBe("not visible to extensions; the result is the same either way");
  });

  it("different failures at the same stage: blocked either way, named for no credentials", () => {
    const d = diagnose(
      exchange({
        method: "PUT",
        preflight: {
          status: 204,
          headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "GET"),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    );
    expect(d.causes[0]?.code).toBe("method-not-allowed");
    expect(d.credentials.basis).toBe(
      "not visible to extensions; blocked either way, shown for fetch's default (no credentials)",
    );
  });
});

describe("edges of the evidence", () => {
  const preflight = (requestHeaders: string[], answer: string[] = []) =>
    hop(
      `${API}/data`,
      "OPTIONS",
      204,
      h("Origin", PAGE, ...requestHeaders),
      h("Access-Control-Allow-Origin", PAGE, ...answer),
    );
  const seen = (fields: Partial<ObservedExchange>) =>
    observedExchange({
      id: "x1",
      url: `${API}/data`,
      method: "PUT",
      recordedBy: "chromium",
      initiator: PAGE,
      ...fields,
    });
  const ASK_UNSEEN = "what the preflight asked for is unknown";

  it("a stopped worker: the ask is known from the request's headers or the preflight's own", () => {
    const fromRequest = diagnose(
      seen({ interrupted: true, requestHeaders: h("Origin", PAGE), preflight: preflight([]) }),
    );
    expect(fromRequest.unknownReason ?? "").not.toContain(ASK_UNSEEN);
    const fromPreflight = diagnose(
      seen({
        interrupted: true,
        requestHeaders: null,
        preflight: preflight(["Access-Control-Request-Method", "PUT"]),
      }),
    );
    expect(fromPreflight.unknownReason ?? "").not.toContain(ASK_UNSEEN);
    expect(fromPreflight.causes[0]?.code).toBe("method-not-allowed");
  });

  it("no request headers seen anywhere: the preflight is checked for no header", () => {
    const d = diagnose(
      seen({ requestHeaders: null, preflight: preflight([], ["Access-Control-Allow-Methods", "PUT"]) }),
    );
    expect(d.causes).toEqual([]);
    expect(d.verdict).toBe("unknown");
  });

  it("the credentialed block named with the origin it compared and the ways to send credentials", () => {
    const d = diagnose(exchange({ recordedBy: "firefox", response: { status: 200, headers: ALLOWED } }));
    expect(d.verdict).toBe("allowed");
    expect(d.credentials.basis).toContain(
      `allowed \`${PAGE}\`, but this request was sent with credentials (fetch credentials: "include" or XHR withCredentials)`,
    );
  });

  it("an answer credentials cannot change: the same either way", () => {
    const d = diagnose(
      exchange({
        response: {
          status: 200,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"),
        },
      }),
    );
    expect(d.verdict).toBe("allowed");
    expect(d.credentials.basis).toBe("not visible to extensions; the result is the same either way");
  });
});
