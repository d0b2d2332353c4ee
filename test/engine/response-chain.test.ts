/**
 * The actual request's responses (src/engine/rules/check-response-chain.ts): which hops are
 * CORS-checked, what a redirect is, and how a redirect taints the origin
 * (https://fetch.spec.whatwg.org/#http-redirect-fetch). Each decides the verdict a user reads.
 */
import { describe, expect, it } from "vitest";
import { diagnose, type HeaderList, observedExchange } from "../../src/engine";
import { API, exchange, h, hop, PAGE } from "./build";

const OTHER = "http://other.test:9000";
const ALLOWED = h("Access-Control-Allow-Origin", PAGE);
const cause = (x: ReturnType<typeof exchange>) => diagnose(x).causes[0];

/** A cross-origin request whose hops are exactly these (each hop's own request headers). */
const chain = (...hops: Array<[string, number | null, HeaderList, HeaderList?]>) =>
  observedExchange({
    id: "c1",
    url: hops[0]?.[0] ?? API,
    method: "GET",
    initiator: PAGE,
    recordedBy: "chromium",
    resourceType: "fetch",
    requestHeaders: h("Origin", PAGE, "Sec-Fetch-Mode", "cors"),
    hops: hops.map(([url, status, headers, sent], i) =>
      hop(url, "GET", status, sent ?? (i === 0 ? h("Origin", PAGE, "Sec-Fetch-Mode", "cors") : []), headers),
    ),
  });

describe("which responses are CORS-checked", () => {
  it("a cross-origin redirect without Access-Control-Allow-Origin fails at the redirect", () => {
    const c = cause(
      exchange({
        redirects: [{ status: 302, to: `${API}/moved` }],
        response: { status: 200, headers: ALLOWED },
      }),
    );
    expect(c).toMatchObject({ code: "missing-allow-origin", stage: "redirect" });
  });

  it("a same-origin hop is not checked: the page's own redirect to the API needs no CORS headers", () => {
    const d = diagnose(
      chain([`${PAGE}/go`, 302, h("Location", `${API}/api/data`)], [`${API}/api/data`, 200, ALLOWED]),
    );
    expect(d.verdict).toBe("allowed");
  });

  it("a 304 to a revalidation is exempt from the check", () => {
    expect(
      diagnose(exchange({ response: { status: 304, headers: h("Location", `${API}/x`) } })).verdict,
    ).toBe("allowed");
  });

  it("a 304 to the page's own If-None-Match (its preflight asked for it) is checked: blocked without Allow-Origin", () => {
    const sent = h("Origin", PAGE, "Sec-Fetch-Mode", "cors", "If-None-Match", '"abc"');
    const preflight = {
      status: 204,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        "GET",
        "Access-Control-Request-Headers",
        "if-none-match",
      ),
      headers: h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Headers",
        "If-None-Match",
        "Access-Control-Allow-Methods",
        "GET",
      ),
    };
    const bare = exchange({
      requestHeaders: sent,
      preflight,
      response: { status: 304, headers: h("ETag", '"abc"', "Vary", "Accept-Encoding") },
    });
    expect(cause(bare)).toMatchObject({ code: "missing-allow-origin", stage: "response" });
    // With the header on the 304 (hono/etag told to keep it), allowed.
    const kept = exchange({
      requestHeaders: sent,
      preflight,
      response: { status: 304, headers: h("ETag", '"abc"', "Access-Control-Allow-Origin", PAGE) },
    });
    expect(diagnose(kept).verdict).toBe("allowed");
    // As DevTools and a HAR record it: the 304's discarded body reported as net::ERR_ABORTED.
    const aborted = (headers: HeaderList) =>
      exchange({
        requestHeaders: sent,
        preflight,
        response: { status: 304, headers, error: "net::ERR_ABORTED" },
      });
    expect(diagnose(aborted(h("ETag", '"abc"', "Access-Control-Allow-Origin", PAGE))).verdict).toBe(
      "allowed",
    );
    // A cancelled load is no CORS block: without Allow-Origin it stays unknown, never "blocked".
    expect(diagnose(aborted(h("ETag", '"abc"'))).verdict).toBe("unknown");
    expect(
      diagnose(exchange({ response: { status: null, headers: [], error: "net::ERR_ABORTED" } })).verdict,
    ).toBe("unknown");
  });
});

describe("what is a redirect", () => {
  it.each([200, 400])("a %i with a Location is the response, not a redirect", (status) => {
    expect(
      diagnose(exchange({ response: { status, headers: h(...ALLOWED.flat(), "Location", `${API}/x`) } }))
        .verdict,
    ).toBe("allowed");
  });

  it("a 302 without a Location is the response", () => {
    expect(diagnose(exchange({ response: { status: 302, headers: ALLOWED } })).verdict).toBe("allowed");
  });

  // https://fetch.spec.whatwg.org/#redirect-status has no 300, 305 or 306: the request ends there, in
  // both browsers (the lab scenario status-300-with-location, run in Chromium and Firefox).
  it.each([
    ["chromium", 300, "allowed"],
    ["firefox", 300, "allowed"],
    ["chromium", 305, "allowed"],
    ["firefox", 306, "allowed"],
    ["chromium", 308, "unknown"],
    ["firefox", 301, "unknown"],
  ] as const)("in %s, a final %i with a Location is %s", (recordedBy, status, verdict) => {
    const d = diagnose(
      exchange({ recordedBy, response: { status, headers: h(...ALLOWED.flat(), "Location", `${API}/x`) } }),
    );
    expect(d.verdict).toBe(verdict);
  });

  it("a redirect whose target was not recorded leaves the outcome unknown", () => {
    const d = diagnose(
      exchange({ response: { status: 302, headers: h(...ALLOWED.flat(), "Location", `${API}/x`) } }),
    );
    expect(d.verdict).toBe("unknown");
  });
});

describe("an origin tainted by a redirect (https://fetch.spec.whatwg.org/#http-redirect-fetch)", () => {
  it("a redirect from the API to a third origin sends and checks Origin: null, even when the Location was not recorded", () => {
    const c = cause(chain([`${API}/api/data`, 302, ALLOWED], [`${OTHER}/data`, 200, ALLOWED]));
    expect(c).toMatchObject({
      code: "allow-origin-mismatch",
      stage: "response",
      value: PAGE,
      expected: "null",
    });
  });

  it("a redirect within the API's origin keeps the page's origin", () => {
    const d = diagnose(
      chain(
        [`${API}/api/data`, 302, h(...ALLOWED.flat(), "Location", `${API}/v2`)],
        [`${API}/v2`, 200, ALLOWED],
      ),
    );
    expect(d.verdict).toBe("allowed");
  });

  it("the Origin a hop was sent with is what its response is checked against", () => {
    const c = cause(
      chain(
        [`${API}/api/data`, 302, h(...ALLOWED.flat(), "Location", `${API}/v2`)],
        [`${API}/v2`, 200, ALLOWED, h("Origin", "null")],
      ),
    );
    expect(c).toMatchObject({ code: "allow-origin-mismatch", expected: "null" });
  });

  it("credentials in a cross-origin redirect's Location are named", () => {
    const c = cause(
      exchange({
        redirects: [{ status: 302, to: "http://user:pw@127.0.0.1:8000/v2", headers: ALLOWED }],
        response: { status: 200, headers: ALLOWED },
      }),
    );
    expect(c).toMatchObject({
      code: "redirect-contains-credentials",
      stage: "redirect",
      header: "location",
      expected: "a Location without user:password@",
    });
  });

  it("credentials in a Location are named when the page's own redirect leaves its origin", () => {
    const d = diagnose(
      chain(
        [`${PAGE}/go`, 302, h("Location", "http://user:pw@127.0.0.1:8000/v2")],
        ["http://user:pw@127.0.0.1:8000/v2", 200, ALLOWED],
      ),
    );
    expect(d.causes[0]).toMatchObject({ code: "redirect-contains-credentials", stage: "redirect" });
  });

  it("credentials in a Location within the page's own origin, before any cross-origin hop, are not a CORS failure", () => {
    const d = diagnose(
      chain(
        [`${PAGE}/go`, 302, h("Location", `${PAGE.replace("://", "://user:pw@")}/v2`)],
        [`${PAGE}/v2`, 200, []],
      ),
    );
    expect(d.causes.map((c) => c.code)).not.toContain("redirect-contains-credentials");
  });
});
