import { describe, expect, it } from "vitest";
import {
  corsUnsafeHeaderNames,
  isForbiddenRequestHeader,
  isSafelistedMethod,
  isSafelistedRequestHeader,
  scriptSetUnsafeHeaderNames,
} from "../../src/engine/safelist";
import { h } from "./build";

// Chromium `services/network/public/cpp/cors/cors_unittest.cc` (IsCorsSafelistedHeader vectors) and
// Fetch Standard §2.2.2 "CORS-safelisted request-header".
describe("isSafelistedRequestHeader", () => {
  const a = (n: number) => "a".repeat(n);
  it.each([
    ["accept", "foo", true],
    ["accept", "text/html", true],
    ["accept", a(128), true],
    ["accept", "\u00e9", true],
    ["accept", a(129), false],
    ...Array.from('"():<>?@[\\]{}', (c) => ["accept", `a${c}`, false] as [string, string, boolean]),
    ["accept", "a\x01", false],
    ["accept", "a\tb", true],
    ["foo", "anything", false],
    ["user-agent", "anything", false],
    ["accept-language", "en,ja", true],
    ["accept-language", a(128), true],
    ["accept-language", a(129), false],
    ["content-type", "text/plain", true],
    ["content-type", "Text/plain", true],
    ["content-type", "tEXT/PLAIN", true],
    ["content-type", "text/plain; charset=utf-8", true],
    ["content-type", "  text/plain ; charset=UTF-8", true],
    ["content-type", "text/plain; param=BOGUS", true],
    ["content-type", "application/x-www-form-urlencoded", true],
    ["content-type", "multipart/form-data", true],
    ["content-type", "text/html", false],
    ["content-type", "image/png", false],
    ["content-type", "application/json", false],
    ["content-type", `text/plain; charset=${a(108)}`, true],
    ["content-type", `text/plain; charset=${a(109)}`, false],
    ["range", "bytes=100-200", true],
    ["range", "BYTES=100-200", true],
    ["range", "bytes=100-", true],
    ["range", "", false],
    ["range", "500", false],
    ["range", "bytes=100-200,300-400", false],
    ["range", "bytes=200-100", false],
    ["range", "bytes=-200", false],
    ["range", "bytes=100", false],
    ["range", "bytes = 100-200", false],
    ["range", "bytes=,100-200", false],
  ])("%s: %j → %s", (name, value, safelisted) => {
    expect(isSafelistedRequestHeader(name, value)).toBe(safelisted);
  });
});

describe("corsUnsafeHeaderNames", () => {
  it("keeps unsafe, non-forbidden names, lower-cased and sorted", () => {
    const headers: Array<[string, string]> = [
      ["content-type", "text/plain"],
      ["aCCept", "en,ja"],
      ["accept-charset", "utf-8"],
      ["uSer-Agent", "foo"],
      ["hogE", "fuga"],
    ];
    // accept-charset is forbidden in the Fetch Standard, so it never reaches the list.
    expect(corsUnsafeHeaderNames(headers)).toEqual(["hoge", "user-agent"]);
  });

  it("turns every safelisted name unsafe once their values pass 1024 bytes", () => {
    const exactly = [
      ["accept", "a".repeat(128)],
      ...Array.from({ length: 7 }, (_, i) => [`content-language`, i < 6 ? "a".repeat(128) : "a".repeat(128)]),
    ] as Array<[string, string]>;
    expect(corsUnsafeHeaderNames([...exactly, ["hoge", "x"]])).toEqual(["hoge"]);
    const over = [...exactly, ["accept-language", "a"], ["hoge", "x"]] as Array<[string, string]>;
    expect(corsUnsafeHeaderNames(over)).toEqual(["accept", "accept-language", "content-language", "hoge"]);
  });
});

describe("methods and forbidden names", () => {
  it("treats GET, HEAD, POST as safelisted in any case", () => {
    expect(["get", "Get", "HEAD", "post"].every(isSafelistedMethod)).toBe(true);
    expect(isSafelistedMethod("OPTIONS")).toBe(false);
    expect(isSafelistedMethod("PUT")).toBe(false);
  });

  it("knows the forbidden request headers", () => {
    for (const name of [
      "Cookie",
      "Origin",
      "Referer",
      "Host",
      "Sec-Fetch-Mode",
      "Proxy-Authorization",
      "Accept-Encoding",
    ]) {
      expect(isForbiddenRequestHeader(name)).toBe(true);
    }
    expect(isForbiddenRequestHeader("X-HTTP-Method-Override", "TRACE")).toBe(true);
    expect(isForbiddenRequestHeader("X-HTTP-Method-Override", "PATCH")).toBe(false);
    expect(isForbiddenRequestHeader("Authorization")).toBe(false);
  });
});

describe("safelisted request header values, by the Fetch Standard's parsers", () => {
  it("Content-Type: a MIME type parsed strictly, trimmed of outer whitespace only", () => {
    expect(isSafelistedRequestHeader("content-type", "text/plain;charset=UTF-8")).toBe(true);
    expect(isSafelistedRequestHeader("content-type", "\t text/plain  ")).toBe(true);
    expect(isSafelistedRequestHeader("content-type", "text /plain")).toBe(false);
    expect(isSafelistedRequestHeader("content-type", "a,text/plain")).toBe(false);
    expect(isSafelistedRequestHeader("content-type", "plain")).toBe(false);
  });

  it("Content-Type: only the three form types, and no CORS-unsafe byte even in a parameter", () => {
    expect(isSafelistedRequestHeader("content-type", "application/json")).toBe(false);
    expect(isSafelistedRequestHeader("content-type", 'text/plain; a="b"')).toBe(false);
  });

  it("headers the browser adds itself are never script-set, in any case", () => {
    expect(
      scriptSetUnsafeHeaderNames(h("User-Agent", "x", "cache-control", "no-cache", "X-Api-Key", "k")),
    ).toEqual(["x-api-key"]);
  });

  it("Accept with DEL is not safelisted", () => {
    expect(isSafelistedRequestHeader("accept", "text/html\u007f")).toBe(false);
  });

  it("Range: one bytes=start-[end] with start ≤ end", () => {
    expect(isSafelistedRequestHeader("range", "bytes=5-")).toBe(true);
    expect(isSafelistedRequestHeader("range", "bytes=5-5")).toBe(true);
    expect(isSafelistedRequestHeader("range", "bytes=6-5")).toBe(false);
    expect(isSafelistedRequestHeader("range", "xbytes=1-2")).toBe(false);
    expect(isSafelistedRequestHeader("range", "bytes=1-2x")).toBe(false);
  });

  it("a method override is forbidden only when a whole item is CONNECT, TRACE or TRACK", () => {
    expect(isForbiddenRequestHeader("X-HTTP-Method-Override", "TRACEX")).toBe(false);
    expect(isForbiddenRequestHeader("X-HTTP-Method-Override", "XTRACE")).toBe(false);
    expect(isForbiddenRequestHeader("X-HTTP-Method-Override", "GET, TRACE")).toBe(true);
  });
});
