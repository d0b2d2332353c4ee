import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/engine";
import { checkAllowedHeaders } from "../../src/engine/rules/check-allowed-headers";
import { isMethodAllowed } from "../../src/engine/rules/check-allowed-method";
import { checkPreflight } from "../../src/engine/rules/check-preflight";
import { classifyError } from "../../src/engine/rules/classify-error";
import { effectiveMaxAge } from "../../src/engine/rules/max-age";
import { parseAllowList } from "../../src/engine/rules/parse-allow-list";
import { preflightTriggers } from "../../src/engine/rules/preflight-reasons";
import { API, exchange, h, hop, PAGE } from "./build";

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
    ["access-control-allow-methods", null, true, []],
  ])("%s: %j", (name, value, ok, items) => {
    const parsed = parseAllowList(value === null ? [] : h(name, value), name);
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
    expect(checkAllowedHeaders(["x-api-key"], ["*"], false).authorizationByWildcard).toBe(false);
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
    ["600, 700", "firefox", 0, false],
    ["12abc", "firefox", 0, false],
  ] as const)("%s in %s → %i s", (value, browser, seconds, capped) => {
    const maxAge = effectiveMaxAge(value === null ? [] : h("Access-Control-Max-Age", value), browser);
    expect(maxAge.effective).toBe(seconds);
    expect(maxAge.capped).toBe(capped);
  });

  it("a negative number is a number to Chromium (cached 0 s), an invalid value to Firefox (not cached)", () => {
    expect(effectiveMaxAge(h("Access-Control-Max-Age", "-765"), "chromium").unparseable).toBe(false);
    expect(effectiveMaxAge(h("Access-Control-Max-Age", "-1"), "firefox").unparseable).toBe(true);
    expect(effectiveMaxAge(h("Access-Control-Max-Age", "600, 700"), "firefox").unparseable).toBe(true);
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

describe("classifyError", () => {
  it.each([
    ["", null],
    ["net::ERR_ABORTED", "aborted"],
    ["NS_BINDING_ABORTED", "aborted"],
    ["net::ERR_CONNECTION_RESET", "network"],
  ] as const)("%j is %s", (error, kind) => {
    expect(classifyError(error)).toBe(kind);
  });
});

describe("why a header made the request preflighted (https://fetch.spec.whatwg.org/#cors-safelisted-request-header)", () => {
  it.each([
    ["x-api-key", "k", "not-safelisted"],
    ["accept", "a".repeat(128), "total-too-long"],
    ["accept", "a".repeat(129), "value-too-long"],
    ["accept", "text/html", "total-too-long"],
    ["content-type", 'text/plain; charset="utf-8"', "unsafe-bytes"],
    ["content-type", "application/json", "content-type"],
    ["content-language", "en-US", "total-too-long"],
    ["content-language", "en/US", "unsafe-bytes"],
    ["accept-language", 'en"', "unsafe-bytes"],
    ["range", "bytes=0-1,2-3", "range"],
  ] as const)("%s: %j → %s", (name, value, why) => {
    expect(preflightTriggers("GET", [name], h(name, value))).toEqual([{ kind: "header", name, why, value }]);
  });
});

describe("what a failed preflight names: the header, and what the request needed", () => {
  const URL_ = `${API}/api/data`;
  const ask = h(
    "Origin",
    PAGE,
    "Access-Control-Request-Method",
    "PUT",
    "Access-Control-Request-Headers",
    "x-api-key",
  );
  const preflight = (status: number | null, headers: ReturnType<typeof h>, error: string | null = null) =>
    hop(URL_, "OPTIONS", status, ask, h("Access-Control-Allow-Origin", PAGE, ...headers.flat()), error);
  const request = { method: "PUT", unsafeNames: ["x-api-key"], origin: PAGE, credentialed: false };
  const failure = (p: ReturnType<typeof preflight>, browser: "chromium" | "firefox" = "chromium") => {
    const f = checkPreflight(p, request, browser).failure;
    return f && { code: f.code, header: f.header, value: f.value, expected: f.expected };
  };
  const OK_LISTS = ["Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "x-api-key"];

  it.each([
    [
      null,
      [],
      "net::ERR_CONNECTION_REFUSED",
      ["network-error", null, "net::ERR_CONNECTION_REFUSED", "a response"],
    ],
    [
      307,
      ["Location", "/v2"],
      null,
      ["preflight-redirected", "location", "/v2", "a 2xx answer to OPTIONS at this URL"],
    ],
    [404, [], null, ["preflight-status-not-ok", null, "404", "200–299"]],
    [199, OK_LISTS, null, ["preflight-status-not-ok", null, "199", "200–299"]],
    [300, OK_LISTS, null, ["preflight-status-not-ok", null, "300", "200–299"]],
    [
      204,
      ["Access-Control-Allow-Methods", "PUT GET"],
      null,
      [
        "invalid-allow-methods",
        "access-control-allow-methods",
        "PUT GET",
        "a comma-separated list of method tokens",
      ],
    ],
    [
      204,
      ["Access-Control-Allow-Methods", "GET"],
      null,
      ["method-not-allowed", "access-control-allow-methods", "PUT", "PUT"],
    ],
    [
      204,
      ["Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "x api"],
      null,
      [
        "invalid-allow-headers",
        "access-control-allow-headers",
        "x api",
        "a comma-separated list of header names",
      ],
    ],
    [
      204,
      ["Access-Control-Allow-Methods", "PUT"],
      null,
      ["header-not-allowed", "access-control-allow-headers", "x-api-key", "x-api-key"],
    ],
  ] as const)("%s %j", (status, headers, error, [code, header, value, expected]) => {
    expect(failure(preflight(status, h(...headers), error))).toEqual({ code, header, value, expected });
  });

  it("a redirected preflight's two Allow-Origin lines are what Firefox names", () => {
    const d = diagnose(
      exchange({
        method: "PUT",
        requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
        preflight: {
          status: 302,
          headers: h(
            "Location",
            "/v2",
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Origin",
            PAGE,
          ),
          requestHeaders: ask,
        },
        response: null,
      }),
      { browser: "firefox" },
    );
    expect(d.causes[0]).toMatchObject({
      code: "preflight-redirected",
      firefox: "CORSMultipleAllowOriginNotAllowed",
    });
  });

  it("a preflight answered 200–299 passes its status check", () => {
    expect(failure(preflight(200, h(...OK_LISTS)))).toBeNull();
    expect(failure(preflight(299, h(...OK_LISTS)))).toBeNull();
  });

  it("both lists unparseable: the methods' is named first, in Chromium as in Firefox", () => {
    const both = preflight(
      204,
      h("Access-Control-Allow-Methods", "PUT GET", "Access-Control-Allow-Headers", "x api"),
    );
    expect(failure(both, "chromium")?.code).toBe("invalid-allow-methods");
    expect(failure(both, "firefox")?.code).toBe("invalid-allow-methods");
  });

  it("the request's method and headers are the ones the preflight asked for", () => {
    const d = diagnose(
      exchange({
        method: "POST",
        requestHeaders: h("Origin", PAGE, "Content-Type", "text/plain"),
        preflight: {
          status: 204,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "POST"),
          requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "PUT"),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    );
    expect(d.causes[0]).toMatchObject({ code: "method-not-allowed", value: "PUT" });
  });

  it("the first header rejected is the first in sorted order, whatever order the preflight listed them in", () => {
    const d = diagnose(
      exchange({
        method: "PUT",
        requestHeaders: h("Origin", PAGE, "X-Zeta", "1", "X-Alpha", "2"),
        preflight: {
          status: 204,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
          requestHeaders: h(
            "Origin",
            PAGE,
            "Access-Control-Request-Method",
            "PUT",
            "Access-Control-Request-Headers",
            "x-zeta,x-alpha",
          ),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    );
    expect(d.causes[0]).toMatchObject({ code: "header-not-allowed", value: "x-alpha" });
  });
});
