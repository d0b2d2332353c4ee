import { describe, expect, it } from "vitest";
import { checkAllowOrigin } from "../../src/engine/rules/check-allow-origin";
import { h } from "./build";

// Chromium `services/network/public/cpp/cors/cors_unittest.cc` (CheckAccess vectors) and Fetch
// Standard §4.9 "CORS check".
const ORIGIN = "http://google.com";
const CASES: Array<[string, string[] | null, boolean, string | null, (string | null)?]> = [
  // [name, ACAO lines, credentialed, expected code, ACAC]
  ["* without credentials passes", ["*"], false, null],
  ["* without credentials passes even with ACAC true", ["*"], false, null, "true"],
  ["* with credentials", ["*"], true, "wildcard-origin-with-credentials", "true"],
  ["absent", null, false, "missing-allow-origin"],
  ["equal origin", [ORIGIN], false, null],
  ["space-separated list", ["http://example.com http://another.example.com"], false, "multiple-allow-origin"],
  ["comma-separated list", ["http://example.com,http://another.example.com"], false, "multiple-allow-origin"],
  ["two identical lines", [ORIGIN, ORIGIN], false, "multiple-allow-origin"],
  ["not URL-like", ["invalid.origin"], false, "invalid-allow-origin"],
  ["host:port without scheme", ["127.0.0.1:3000"], false, "invalid-allow-origin"],
  ["localhost alone", ["localhost"], false, "invalid-allow-origin"],
  ["empty value", [""], false, "invalid-allow-origin"],
  ["other origin", ["http://not.google.com"], false, "allow-origin-mismatch"],
  ["null for a tuple origin", ["null"], false, "allow-origin-mismatch"],
  ["trailing slash", [`${ORIGIN}/`], false, "allow-origin-mismatch"],
  ["upper case", ["HTTP://GOOGLE.COM"], false, "allow-origin-mismatch"],
  ["credentials with ACAC true", [ORIGIN], true, null, "true"],
  ["credentials with ACAC fuga", [ORIGIN], true, "allow-credentials-not-true", "fuga"],
  ["credentials without ACAC", [ORIGIN], true, "allow-credentials-not-true"],
  ["credentials with ACAC True (case-sensitive)", [ORIGIN], true, "allow-credentials-not-true", "True"],
  ["mismatch is reported before credentials", ["http://not.google.com"], true, "allow-origin-mismatch"],
];

describe("checkAllowOrigin (Chromium order and naming)", () => {
  it.each(CASES)("%s", (_name, acao, credentialed, expected, acac) => {
    const headers = [
      ...(acao ?? []).map((v) => ["Access-Control-Allow-Origin", v] as const),
      ...(acac ? h("Access-Control-Allow-Credentials", acac) : []),
    ];
    expect(checkAllowOrigin(headers, ORIGIN, credentialed)?.code ?? null).toBe(expected);
  });

  it("passes null against an opaque origin", () => {
    expect(checkAllowOrigin(h("Access-Control-Allow-Origin", "null"), "null", false)).toBeNull();
  });

  it("reports the failed parameter Chromium reports", () => {
    expect(checkAllowOrigin(h("Access-Control-Allow-Origin", "invalid.origin"), ORIGIN, false)?.value).toBe(
      "invalid.origin",
    );
    expect(
      checkAllowOrigin(
        h("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Credentials", "fuga"),
        ORIGIN,
        true,
      )?.value,
    ).toBe("fuga");
    expect(checkAllowOrigin(h("Access-Control-Allow-Origin", ORIGIN), ORIGIN, true)?.value).toBeNull();
  });

  it("names the header that failed and what the request needed", () => {
    const failure = (headers: ReturnType<typeof h>, credentialed: boolean) => {
      const f = checkAllowOrigin(headers, ORIGIN, credentialed);
      return f && { code: f.code, header: f.header, value: f.value, expected: f.expected };
    };
    expect(failure(h("Access-Control-Allow-Origin", "*"), true)).toEqual({
      code: "wildcard-origin-with-credentials",
      header: "access-control-allow-origin",
      value: "*",
      expected: ORIGIN,
    });
    expect(failure(h("Access-Control-Allow-Origin", ORIGIN), true)).toEqual({
      code: "allow-credentials-not-true",
      header: "access-control-allow-credentials",
      value: null,
      expected: "true",
    });
  });

  it("counts header lines for Firefox's naming", () => {
    expect(
      checkAllowOrigin(
        h("Access-Control-Allow-Origin", ORIGIN, "access-control-allow-origin", ORIGIN),
        ORIGIN,
        false,
      )?.allowOriginLines,
    ).toBe(2);
  });
});

describe("allowOriginLineCount", () => {
  it("reads Firefox's merged duplicate lines as two lines, a real list as one", async () => {
    const { allowOriginLineCount } = await import("../../src/engine/rules/check-allow-origin");
    expect(allowOriginLineCount(["http://a.test, http://a.test"])).toBe(2);
    expect(allowOriginLineCount(["http://a.test, http://b.test"])).toBe(1);
    expect(allowOriginLineCount(["http://a.test", "http://a.test"])).toBe(2);
    expect(allowOriginLineCount(["*"])).toBe(1);
    // A proxy's * and the app's origin, merged by Firefox: Firefox itself counts two lines.
    expect(allowOriginLineCount(["http://a.test, *"])).toBe(2);
    expect(allowOriginLineCount(["*, http://a.test"])).toBe(2);
    // Empty items are not a merge of lines (Firefox joins lines that have values), nor is * among three.
    expect(allowOriginLineCount(["*, "])).toBe(1);
    expect(allowOriginLineCount([", "])).toBe(1);
    expect(allowOriginLineCount(["http://a.test, *, http://b.test"])).toBe(1);
  });
});
