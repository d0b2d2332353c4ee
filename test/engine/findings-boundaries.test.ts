/**
 * Findings at the edges of their rules (src/engine/findings): what a user reads when a list is
 * malformed, when a name differs only in case, when a redirect made the origin null, and that a
 * finding never appears (or breaks the diagnosis) where its evidence is absent.
 */
import { describe, expect, it } from "vitest";
import {
  type BrowserName,
  diagnose,
  type FindingCode,
  type ObservedExchange,
  observedExchange,
  originReflection,
} from "../../src/engine";
import { API, exchange, h, hop, PAGE } from "./build";

const findingOf = (code: FindingCode, x: ObservedExchange, browser: BrowserName = "chromium") =>
  diagnose(x, { browser }).findings.find((f) => f.code === code) ?? null;
const codesOf = (x: ObservedExchange) => diagnose(x).findings.map((f) => f.code);

/** An allowed GET whose response carried these headers besides Access-Control-Allow-Origin and Vary. */
const allowed = (...headers: string[]) =>
  exchange({
    requestHeaders: h("Origin", PAGE),
    response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin", ...headers) },
  });

describe("header-not-exposed", () => {
  it("names every hidden header, and what Access-Control-Expose-Headers to send", () => {
    const f = findingOf("header-not-exposed", allowed("X-Request-Id", "1", "X-Trace", "2"));
    expect(f?.message).toBe(
      "Scripts on this page cannot read `x-request-id`, `x-trace`: `Access-Control-Expose-Headers` is absent, and only safelisted headers (Content-Type, Content-Length, Cache-Control …) are readable without it. If the page needs them, send `Access-Control-Expose-Headers: x-request-id, x-trace`.",
    );
  });

  it("safelisted and transport or policy headers are never reported hidden", () => {
    const names = [
      ...[
        "cache-control",
        "content-language",
        "content-length",
        "content-type",
        "expires",
        "last-modified",
        "pragma",
      ],
      ...[
        "date",
        "server",
        "connection",
        "keep-alive",
        "transfer-encoding",
        "content-encoding",
        "accept-ranges",
      ],
      ...["age", "via", "alt-svc", "strict-transport-security", "x-content-type-options", "x-frame-options"],
      ...[
        "x-xss-protection",
        "referrer-policy",
        "content-security-policy",
        "content-security-policy-report-only",
      ],
      ...["cross-origin-opener-policy", "cross-origin-embedder-policy", "cross-origin-resource-policy"],
      ...[
        "timing-allow-origin",
        "report-to",
        "reporting-endpoints",
        "nel",
        "permissions-policy",
        "set-cookie",
      ],
      ...["set-cookie2", "x-powered-by", "origin-agent-cluster", "server-timing", "proxy-connection"],
    ];
    expect(findingOf("header-not-exposed", allowed(...names.flatMap((n) => [n, "1"])))).toBeNull();
  });

  it("a listed header is exposed whatever its case", () => {
    expect(
      findingOf(
        "header-not-exposed",
        allowed("X-Request-Id", "1", "Access-Control-Expose-Headers", "X-REQUEST-ID"),
      ),
    ).toBeNull();
  });

  it("one invalid token empties the whole list (Blink parses it strictly)", () => {
    const f = findingOf(
      "header-not-exposed",
      allowed("X-Request-Id", "1", "Access-Control-Expose-Headers", "X-Request-Id, not a token"),
    );
    expect(f?.message).toContain(
      "cannot read `x-request-id`: `Access-Control-Expose-Headers` is `X-Request-Id, not a token`",
    );
  });
});

describe("findings that need their evidence", () => {
  it("an https API that sent no Access-Control-Allow-Origin is explained, with no finding about the origin it allows", () => {
    const d = diagnose(
      exchange({
        url: "https://api.example.test/data",
        response: { status: 200, headers: [] },
        error: "net::ERR_FAILED",
      }),
    );
    expect(d.causes[0]?.code).toBe("missing-allow-origin");
    expect(d.findings.map((f) => f.code)).not.toContain("insecure-origin-allowed");
  });

  it("null-origin-allowed needs Access-Control-Allow-Origin: null, not only credentials", () => {
    const x = exchange({
      requestHeaders: h("Origin", PAGE, "Cookie", "a=1"),
      response: {
        status: 200,
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Credentials",
          "true",
          "Vary",
          "Origin",
        ),
      },
    });
    expect(diagnose(x).verdict).toBe("allowed");
    expect(codesOf(x)).not.toContain("null-origin-allowed");
  });

  it("a finding without fixes carries none, and the diagnosis serializes", () => {
    const d = diagnose(exchange({ response: { status: 200 }, error: "net::ERR_BLOCKED_BY_CLIENT" }));
    const notCors = d.findings.find((f) => f.code === "not-cors");
    expect(notCors && "fixes" in notCors).toBe(false);
    expect(() => JSON.stringify(d)).not.toThrow();
  });
});

describe("origin-null after a redirect", () => {
  it("says a redirect made the origin opaque, even when the later hop's Origin header was not recorded", () => {
    const x = observedExchange({
      id: "t1",
      url: `${API}/api/data`,
      method: "GET",
      initiator: PAGE,
      recordedBy: "chromium",
      resourceType: "fetch",
      requestHeaders: h("Origin", PAGE, "Sec-Fetch-Mode", "cors"),
      hops: [
        hop(
          `${API}/api/data`,
          "GET",
          302,
          h("Origin", PAGE),
          h("Access-Control-Allow-Origin", PAGE, "Location", "http://other.test/x"),
        ),
        hop("http://other.test/x", "GET", 200, [], h("Access-Control-Allow-Origin", PAGE)),
      ],
    });
    expect(findingOf("origin-null", x)?.message).toContain(
      "sent with `Origin: null` because a redirect to another origin made the request's origin opaque",
    );
  });
});

describe("browser-difference", () => {
  it("names the other browser's failure by that browser's own name", () => {
    const x = exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "Content-Type", "application/json", "X-Api-Key", "k1"),
      preflight: {
        status: 204,
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET",
          "Access-Control-Allow-Headers",
          "content-type x-api-key",
        ),
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "PUT",
          "Access-Control-Request-Headers",
          "content-type,x-api-key",
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(findingOf("browser-difference", x, "firefox")?.message).toBe(
      'Firefox stops at "Method PUT not allowed by the preflight" (CORSMethodNotFound); Chromium checks in another order and reports "Access-Control-Allow-Headers cannot be parsed" (InvalidAllowHeadersPreflightResponse) first. Both must be fixed.',
    );
  });
});

describe("exactly the findings the evidence supports", () => {
  const GET = h("Origin", PAGE, "Accept", "*/*", "Sec-Fetch-Mode", "cors");
  const blocked = (status: number, requestHeaders = GET) =>
    exchange({ requestHeaders, response: { status, headers: [] }, error: "net::ERR_FAILED" });
  const NOT_THE_CAUSE = "referrer-policy-not-cause";

  it.each([
    [
      "allowed for the origin, Vary: Origin",
      exchange({
        response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") },
      }),
      [],
    ],
    [
      "allowed by *, no Vary needed",
      exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") } }),
      [],
    ],
    ["blocked, answered 200", blocked(200), [NOT_THE_CAUSE]],
    ["blocked, answered 500", blocked(500), ["status-masked", NOT_THE_CAUSE]],
    [
      "blocked, answered 400 without Referer",
      blocked(400),
      ["status-masked", "referrer-stripped", NOT_THE_CAUSE],
    ],
    [
      "blocked, answered 403 with Referer",
      blocked(403, h("Origin", PAGE, "Referer", `${PAGE}/`, "Sec-Fetch-Mode", "cors")),
      ["status-masked", NOT_THE_CAUSE],
    ],
    [
      "a PUT whose response was never recorded",
      exchange({
        method: "PUT",
        requestHeaders: h("Origin", PAGE, "Sec-Fetch-Mode", "cors"),
        response: null,
      }),
      ["preflight-avoidable"],
    ],
  ] as const)("%s", (_, x, codes) => {
    expect(codesOf(x)).toEqual(codes);
  });

  it("status-masked says which answer hid the status, and the origin to allow on error responses", () => {
    const x = exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
      preflight: { status: 401, headers: [] },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(findingOf("status-masked", x)?.message).toBe(
      "The preflight from 127.0.0.1:8000 was a 401. The browser reports a CORS error only because that error response has no CORS headers; fix the 401 itself (let OPTIONS through before authentication or routing), and send `Access-Control-Allow-Origin: http://localhost:5173` on error responses too so the page can read them.",
    );
  });

  it("preflight-cached names the browser whose cache it was", () => {
    const x = exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "Sec-Fetch-Mode", "cors"),
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") },
    });
    expect(findingOf("preflight-cached", x, "chromium")?.message).toContain("at most 7200 in Chromium");
    expect(findingOf("preflight-cached", x, "firefox")?.message).toContain("at most 86400 in Firefox");
  });

  it("response-header-in-request names every Access-Control response header the page sent", () => {
    const sent = ["access-control-allow-origin", "access-control-expose-headers", "access-control-max-age"];
    const x = exchange({
      requestHeaders: h("Origin", PAGE, ...sent.flatMap((n) => [n, "x"])),
      preflight: {
        status: 204,
        headers: h("Access-Control-Allow-Origin", PAGE),
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "GET",
          "Access-Control-Request-Headers",
          sent.join(","),
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(findingOf("response-header-in-request", x)?.message).toContain(
      "The page sends `access-control-allow-origin`, `access-control-expose-headers`, `access-control-max-age` as request headers.",
    );
  });
});

describe("origin-reflected-with-credentials: two different origins echoed with credentials by one server", () => {
  const EVIL = "https://evil.example";
  const echo = (id: string, origin: string | null, ...headers: string[]) => ({
    id,
    url: `${API}/api/me`,
    origin,
    responseHeaders: h(...headers),
  });
  const reflected = (id: string, origin: string) =>
    echo(id, origin, "Access-Control-Allow-Origin", origin, "Access-Control-Allow-Credentials", "true");

  it("marks exactly the exchanges that showed it", () => {
    expect([
      ...originReflection([reflected("a", PAGE), reflected("b", EVIL), echo("c", PAGE)]).keys(),
    ]).toEqual(["a", "b"]);
  });

  it.each([
    ["one origin, twice", [reflected("a", PAGE), reflected("b", PAGE)]],
    [
      "the second without credentials",
      [reflected("a", PAGE), echo("b", EVIL, "Access-Control-Allow-Origin", EVIL)],
    ],
    [
      "the second answered *",
      [
        reflected("a", PAGE),
        echo("b", EVIL, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true"),
      ],
    ],
    ["the second from origin null", [reflected("a", PAGE), reflected("b", "null")]],
    [
      "the second sent no Origin",
      [reflected("a", PAGE), echo("b", null, "Access-Control-Allow-Credentials", "true")],
    ],
  ])("not shown by %s", (_, samples) => {
    expect(originReflection(samples).size).toBe(0);
  });
});
