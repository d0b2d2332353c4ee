import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/engine";
import { checkAllowedHeaders } from "../../src/engine/rules/check-allowed-headers";
import { isMethodAllowed } from "../../src/engine/rules/check-allowed-method";
import { effectiveMaxAge } from "../../src/engine/rules/max-age";
import { parseAllowList } from "../../src/engine/rules/parse-allow-list";
import { exchange, h, PAGE } from "./build";

describe("parseAllowList (Chromium preflight_result.cc ParseAccessControlAllowList)", () => {
  it.each([
    ["access-control-allow-headers", "bad value", false, []],
    ["access-control-allow-headers", "X-MY-HEADER, ", true, ["X-MY-HEADER"]],
    ["access-control-allow-headers", "", true, []],
    ["access-control-allow-headers", ", X-MY-HEADER, Y-MY-HEADER, ,", true, ["X-MY-HEADER", "Y-MY-HEADER"]],
    ["access-control-allow-methods", "bad value", false, []],
    ["access-control-allow-methods", "GET, ", true, ["GET"]],
    ["access-control-allow-methods", ", GET, POST, ,", true, ["GET", "POST"]],
    ["access-control-allow-methods", "GET,,PUT", true, ["GET", "PUT"]],
    ["access-control-allow-methods", "GET, ,PUT", true, ["GET", "PUT"]],
    ["access-control-allow-methods", "PUT;GET", false, []],
  ])("%s: %j", (name, value, ok, items) => {
    const parsed = parseAllowList(h(name, value), name);
    expect(parsed.ok).toBe(ok);
    if (parsed.ok) expect(parsed.items).toEqual(items);
  });
});

describe("isMethodAllowed (B §3.4, spec-conformant: byte-exact)", () => {
  it.each([
    [["OPTIONS"], false, "OPTIONS", true],
    [["FOOBAR"], false, "FOOBAR", true],
    [[], false, "GET", true],
    [[], false, "HEAD", true],
    [[], false, "POST", true],
    [[], false, "OPTIONS", false],
    [[], false, "PUT", false],
    [[], false, "DELETE", false],
    [["*"], false, "OPTIONS", true],
    [["*"], true, "PUT", false],
    [["GET", "PUT", "DELETE"], false, "DELETE", true],
    [["GET", "POST", "DELETE"], false, "PUT", false],
    [["put"], false, "PUT", false],
    [["PUT"], false, "put", false],
    [["put"], false, "put", true],
    [["patch"], false, "PATCH", false],
    [["PATCH"], false, "patch", false],
    [["get"], false, "GET", true],
  ])("%j credentialed=%s %s → %s", (list, credentialed, method, allowed) => {
    expect(isMethodAllowed(method, list, credentialed)).toBe(allowed);
  });
});

describe("checkAllowedHeaders (B §3.5)", () => {
  it.each([
    [["X-MY-HEADER"], false, ["x-my-header"], null],
    [["x-my-header", "Y-MY-HEADER"], false, ["x-my-header", "y-my-header"], null],
    [["*"], false, ["xyzzy"], null],
    [["*"], true, ["xyzzy"], "xyzzy"],
    [[], false, ["x-my-header"], "x-my-header"],
    [["X-SOME-OTHER-HEADER"], false, ["x-my-header"], "x-my-header"],
    [["X-MY-HEADER"], false, ["x-my-header", "y-my-header"], "y-my-header"],
    [["*"], false, ["authorization"], null],
    [["*", "AUTHORIZAtion"], false, ["authorization"], null],
  ])("%j credentialed=%s %j → %s", (list, credentialed, names, rejected) => {
    expect(checkAllowedHeaders(names, list, credentialed).rejected).toBe(rejected);
  });

  it("marks Authorization let through only by *", () => {
    expect(checkAllowedHeaders(["authorization"], ["*"], false).authorizationByWildcard).toBe(true);
    expect(
      checkAllowedHeaders(["authorization"], ["*", "authorization"], false).authorizationByWildcard,
    ).toBe(false);
  });
});

describe("effectiveMaxAge (B §3.6, §4.2)", () => {
  it.each([
    [null, "chromium", 5, false],
    ["573", "chromium", 573, false],
    ["-765", "chromium", 0, false],
    ["86400", "chromium", 7200, true],
    ["7200", "chromium", 7200, false],
    ["abc", "chromium", 5, false],
    ["1.5", "chromium", 5, false],
    ["600, 700", "chromium", 5, false],
    ["86400", "firefox", 86400, false],
    ["100000", "firefox", 86400, true],
    ["abc", "firefox", 0, false],
    ["-1", "firefox", 0, false],
  ] as const)("%s in %s → %i s", (value, browser, seconds, capped) => {
    const maxAge = effectiveMaxAge(value === null ? [] : h("Access-Control-Max-Age", value), browser);
    expect(maxAge.effective).toBe(seconds);
    expect(maxAge.capped).toBe(capped);
  });
});

describe("a preflight recorded without its response", () => {
  // Chrome's DevTools HAR keeps a beacon's preflight this way: status 0, no headers, no error.
  const unanswered = (error: string | null) =>
    exchange({
      method: "POST",
      requestHeaders: h("Origin", PAGE, "Content-Type", "application/json"),
      preflight: {
        status: null,
        error,
        requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "POST"),
      },
      response: null,
      error: "net::ERR_FAILED",
    });

  it("is unknown, not a network error, when nothing says the connection failed", () => {
    const d = diagnose(unanswered(null));
    expect(d.verdict).toBe("unknown");
    expect(d.unknownReason).toMatch(/recorded without its response/);
  });

  it("is a network error when the preflight itself failed", () => {
    expect(diagnose(unanswered("net::ERR_CONNECTION_REFUSED")).causes[0]?.code).toBe("network-error");
  });
});
