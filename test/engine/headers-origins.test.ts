/**
 * The header and origin readings every check stands on, and the verdicts that turn on them: a
 * header's combined value and list items, a name a fix can list, UTF-8 lengths (the safelist's 128
 * and 1024 bytes), a page on a loopback host (Local Network Access), userinfo in a redirect.
 */
import { describe, expect, it } from "vitest";
import {
  combinedHeader,
  diagnose,
  observedExchange,
  originOf,
  preflightOnlyExchange,
  requestOrigin,
  scriptSetUnsafeHeaderNames,
  visibilityOf,
} from "../../src/engine";
import { byteLength, isNameable, splitList, variesOnOrigin } from "../../src/engine/headers";
import { isForbiddenRequestHeader } from "../../src/engine/safelist";
import { API, exchange, h, hop, PAGE } from "./build";

describe("header values", () => {
  it("combines lines trimmed, joined with a comma and a space", () => {
    expect(combinedHeader(h("Vary", " Origin ", "vary", "\tAccept"), "VARY")).toBe("Origin, Accept");
  });

  it("splits a list on commas, trimming spaces and tabs and dropping empty items", () => {
    expect(splitList(" \t GET ,  ,PUT \t, \tx-a  b ")).toEqual(["GET", "PUT", "x-a  b"]);
  });

  it("a name a fix can list is a token of at most 512 characters", () => {
    expect(isNameable("x".repeat(512))).toBe(true);
    expect(isNameable("x".repeat(513))).toBe(false);
    expect(isNameable("x api")).toBe(false);
  });

  it("counts UTF-8 bytes", () => {
    expect(byteLength("a\u007f")).toBe(2);
    expect(byteLength("\u0080\u07ff")).toBe(4);
    expect(byteLength("\u0800\uffff")).toBe(6);
    expect(byteLength("😀a")).toBe(5);
  });

  it("Vary lists Origin among others, in any case; not without it, nor without a hop", () => {
    expect(variesOnOrigin(hop(API, "GET", 200, [], h("Vary", "Accept, origin")))).toBe(true);
    expect(variesOnOrigin(hop(API, "GET", 200, [], h("Vary", "Accept-Encoding")))).toBe(false);
    expect(variesOnOrigin(null)).toBe(false);
  });

  it("X-HTTP-Method-Override and its kin are forbidden only with CONNECT, TRACE or TRACK", () => {
    expect(isForbiddenRequestHeader("X-HTTP-Method", "TRACE")).toBe(true);
    expect(isForbiddenRequestHeader("X-HTTP-Method-Override", "get, connect")).toBe(true);
    expect(isForbiddenRequestHeader("X-Method-Override", "track")).toBe(true);
    expect(isForbiddenRequestHeader("X-Method-Override", "DELETE")).toBe(false);
    expect(isForbiddenRequestHeader("X-HTTP-Method")).toBe(false);
    expect(isForbiddenRequestHeader("X-Other-Override", "TRACE")).toBe(false);
  });
});

describe("verdicts that turn on an origin or a URL", () => {
  const denied = (origin: string) =>
    diagnose(exchange({ origin, response: null, error: "net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS" }))
      .causes[0]?.code;

  it("Local Network Access: a page on plain http off loopback is insecure; loopback or https asks permission", () => {
    expect(denied("http://192.168.1.20:8080")).toBe("local-network-insecure");
    expect(denied("http://example.test")).toBe("local-network-insecure");
    for (const origin of [
      "http://localhost:5173",
      "http://app.localhost",
      "http://[::1]:3000",
      "http://127.0.0.2",
      "https://example.test",
    ])
      expect(denied(origin), origin).toBe("local-network-permission-denied");
  });

  it("a redirect to a URL with a user name or a password alone fails as credentials in the URL", () => {
    for (const to of ["http://user@other.test/x", "http://:secret@other.test/x"]) {
      const d = diagnose(
        exchange({
          redirects: [{ status: 302, to, headers: h("Access-Control-Allow-Origin", PAGE) }],
          response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
        }),
      );
      expect(d.causes[0]?.code, to).toBe("redirect-contains-credentials");
    }
  });

  it("a URL is HTTP only by its scheme, not by an http: later in it", () => {
    const d = diagnose(
      exchange({ url: "ftp://files.test/?next=http://a.test", mode: "cors", response: null }),
    );
    expect(d.causes[0]?.code).toBe("scheme-not-supported");
  });

  it("a preflight seen alone asks for its method (GET when it names none), in cors mode, from its Origin", () => {
    const ask = (headers: string[]) =>
      preflightOnlyExchange({
        id: "p1",
        url: `${API}/x`,
        recordedBy: "chromium",
        preflight: hop(`${API}/x`, "OPTIONS", 204, h(...headers), []),
      });
    const put = ask(["Origin", PAGE, "Access-Control-Request-Method", "PUT"]);
    expect(put).toMatchObject({
      method: "PUT",
      mode: "cors",
      resourceType: "fetch",
      initiator: PAGE,
      origin: PAGE,
    });
    expect(ask(["Origin", PAGE]).method).toBe("GET");
  });
});

describe("fixes, computed when first read", () => {
  it("are part of the cause as JSON shows it, and the same list on every read", () => {
    const cause = diagnose(exchange({ response: { status: 200, headers: [] } })).causes[0];
    expect(Object.keys(cause ?? {})).toContain("fixes");
    expect(JSON.parse(JSON.stringify(cause)).fixes.length).toBeGreaterThan(0);
    expect(cause?.fixes).toBe(cause?.fixes);
  });
});

describe("the tables behind the safelist, the recorders and the origins", () => {
  it("every forbidden request header name (https://fetch.spec.whatwg.org/#forbidden-request-header)", () => {
    const names = [
      "Accept-Charset",
      "Accept-Encoding",
      "Access-Control-Request-Headers",
      "Access-Control-Request-Method",
      "Connection",
      "Content-Length",
      "Cookie",
      "Cookie2",
      "Date",
      "DNT",
      "Expect",
      "Host",
      "Keep-Alive",
      "Origin",
      "Referer",
      "Set-Cookie",
      "TE",
      "Trailer",
      "Transfer-Encoding",
      "Upgrade",
      "Via",
      "Proxy-Authorization",
      "Sec-Fetch-Mode",
    ];
    for (const name of names) expect(isForbiddenRequestHeader(name), name).toBe(true);
    expect(isForbiddenRequestHeader("X-Api-Key")).toBe(false);
  });

  it("every header the browser adds itself is never script-set", () => {
    const added = [
      "User-Agent",
      "Cache-Control",
      "Pragma",
      "Priority",
      "Upgrade-Insecure-Requests",
      "X-Client-Data",
      "Purpose",
      "X-Purpose",
      "Save-Data",
      "Device-Memory",
      "DPR",
      "Viewport-Width",
      "Width",
      "RTT",
      "Downlink",
      "ECT",
      "If-None-Match",
      "If-Modified-Since",
    ];
    for (const name of added) expect(scriptSetUnsafeHeaderNames([[name, "1"]]), name).toEqual([]);
  });

  it("only Chromium's recordings show CORS errors on the final response", () => {
    expect(visibilityOf("chromium")).toEqual({ preflights: true, corsErrors: true });
    expect(visibilityOf("firefox", false)).toEqual({ preflights: false, corsErrors: false });
    expect(visibilityOf(null).corsErrors).toBe(false);
  });

  it("an exchange built from what was seen: nothing else is guessed", () => {
    const x = observedExchange({ id: "x", url: `${API}/a`, method: "GET", recordedBy: "firefox" });
    expect(x).toMatchObject({
      origin: null,
      originSent: false,
      resourceType: "other",
      mode: "unknown",
      credentials: "unknown",
      requestHeaders: null,
      startedAt: 0,
      preflight: null,
      hops: [],
      error: null,
    });
    const timed = observedExchange({
      id: "x",
      url: `${API}/a`,
      method: "PUT",
      recordedBy: "firefox",
      preflight: { ...hop(`${API}/a`, "OPTIONS", 204, [], []), startedAt: 42 },
    });
    expect(timed.startedAt).toBe(42);
  });

  it("the request's origin: the Origin sent, trimmed; else the initiator's; null for an opaque one, none without", () => {
    expect(requestOrigin([h("Origin", "  https://app.test ")], PAGE)).toEqual({
      origin: "https://app.test",
      sent: true,
    });
    expect(requestOrigin([null, h("origin", "https://b.test")], PAGE)).toEqual({
      origin: "https://b.test",
      sent: true,
    });
    expect(requestOrigin([null], `${PAGE}/page?q=1`)).toEqual({ origin: PAGE, sent: false });
    expect(requestOrigin([], "null")).toEqual({ origin: "null", sent: false });
    expect(requestOrigin([], null)).toEqual({ origin: null, sent: false });
  });

  it("only http and https URLs have a serialized origin here", () => {
    expect(originOf("ftp://files.test/a")).toBe("null");
    expect(originOf("ws://chat.test/socket")).toBe("null");
    expect(originOf("https://app.test:443/x")).toBe("https://app.test");
    expect(originOf("not a url")).toBeNull();
  });
});
