import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnose, type ObservedExchange, observedExchange } from "../../src/engine";
import { combinedHeader, splitList } from "../../src/engine/headers";
import { parseAllowList } from "../../src/engine/rules/parse-allow-list";
import { corsUnsafeHeaderNames, isSafelistedRequestHeader, mimeEssence } from "../../src/engine/safelist";
import { propertyBudget } from "../property";

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", "*", "null", "true", "http://a.test", "GET, PUT", "\u0000\r\n"),
);
const headerList = fc.array(
  fc.tuple(
    fc.oneof(
      anyString,
      fc.constantFrom(
        "Origin",
        "Access-Control-Allow-Origin",
        "Access-Control-Allow-Credentials",
        "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers",
        "Cookie",
        "Location",
        "Access-Control-Request-Method",
        "Access-Control-Request-Headers",
      ),
    ),
    anyString,
  ),
  { maxLength: 8 },
);
const hop = fc.record({
  url: fc.oneof(anyString, fc.webUrl()),
  method: anyString,
  status: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 1000 })),
  requestHeaders: headerList,
  responseHeaders: headerList,
  error: fc.oneof(
    fc.constant(null),
    anyString,
    fc.constantFrom("net::ERR_FAILED", "NS_ERROR_DOM_BAD_URI", "net::ERR_BLOCKED_BY_CLIENT"),
  ),
  fromCache: fc.boolean(),
});
// Through the one builder, as every recorder's exchanges are (it decides the request's origin).
const exchangeArb: fc.Arbitrary<ObservedExchange> = fc
  .record({
    id: fc.string(),
    url: fc.oneof(anyString, fc.webUrl()),
    method: anyString,
    initiator: fc.oneof(fc.constant(null), anyString, fc.webUrl()),
    resourceType: anyString,
    mode: fc.constantFrom("cors", "no-cors", "same-origin", "navigate", "unknown"),
    credentials: fc.constantFrom("include", "same-origin", "omit", "unknown"),
    requestHeaders: fc.oneof(fc.constant(null), headerList),
    startedAt: fc.integer(),
    preflight: fc.oneof(fc.constant(null), hop),
    hops: fc.array(hop, { maxLength: 4 }),
    error: fc.oneof(fc.constant(null), anyString),
    visibility: fc.record({ preflights: fc.boolean(), corsErrors: fc.boolean() }),
    recordedBy: fc.constantFrom("chromium", "firefox", null),
  })
  .map((fields) => observedExchange(fields));

// 2,000 exchanges take ~3 s idle (1.5 ms each), over 5 s at load 13; 3,000 string pairs ~0.2 s.
const DIAGNOSE = propertyBudget(2_000, 15);
const PARSERS = propertyBudget(3_000, 2);

describe("robustness", () => {
  it(
    "diagnose never throws and is deterministic on arbitrary exchanges",
    () => {
      fc.assert(
        fc.property(exchangeArb, (ex) => {
          const a = diagnose(ex);
          const b = diagnose(ex);
          expect(b).toEqual(a);
          expect(["blocked", "allowed", "not-cors", "unknown"]).toContain(a.verdict);
          expect(a.verdict === "blocked").toBe(a.causes.length > 0);
          if (a.unknownReason?.startsWith("CORS Lens could not read")) throw new Error(a.unknownReason);
        }),
        DIAGNOSE.params,
      );
    },
    DIAGNOSE.timeout,
  );

  it(
    "header parsers never throw on arbitrary strings",
    () => {
      fc.assert(
        fc.property(anyString, anyString, (name, value) => {
          splitList(value);
          combinedHeader([[name, value]], name);
          parseAllowList([[name, value]], name);
          isSafelistedRequestHeader(name, value);
          mimeEssence(value);
          corsUnsafeHeaderNames([[name, value]]);
        }),
        PARSERS.params,
      );
    },
    PARSERS.timeout,
  );

  it("survives huge header values", () => {
    const huge = "x".repeat(1_000_000);
    const ex: ObservedExchange = observedExchange({
      id: "big",
      url: "http://a.test/",
      method: "GET",
      initiator: "http://b.test",
      resourceType: "fetch",
      mode: "cors",
      credentials: "unknown",
      requestHeaders: [
        ["Origin", "http://b.test"],
        ["X-Big", huge],
      ],
      startedAt: 0,
      preflight: null,
      hops: [
        {
          url: "http://a.test/",
          method: "GET",
          status: 200,
          requestHeaders: [],
          responseHeaders: [["Access-Control-Allow-Origin", huge]],
          error: "net::ERR_FAILED",
          fromCache: false,
        },
      ],
      error: null,
      visibility: { preflights: true, corsErrors: true },
      recordedBy: "chromium",
    });
    const d = diagnose(ex);
    expect(d.causes[0]?.code).toBe("invalid-allow-origin");
    expect(d.causes[0]?.message.length).toBeLessThan(2000);
  }, 120_000);
});
