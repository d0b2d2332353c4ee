import { describe, expect, it } from "vitest";
import { type BrowserName, diagnose } from "../../src/engine";
import { exchange, h, PAGE } from "./build";

// web-platform-tests fetch/api/cors/cors-preflight-star.any.js, which both
// browsers pass. Credentials are made visible the way an extension sees them: a Cookie header.
const WPT: Array<[boolean, string, string, string, string | null, "allowed" | "blocked"]> = [
  [false, "get", "x-test", "GET", "X-Test", "allowed"],
  [false, "*", "x-test", "SUPER", "X-Test", "allowed"],
  [false, "*", "*", "OK", "X-Test", "allowed"],
  [true, "*", "*", "OK", "X-Test", "blocked"],
  [true, "*", "", "PUT", null, "blocked"],
  [true, "PUT", "*", "PUT", null, "allowed"],
  [true, "get", "*", "GET", "X-Test", "blocked"],
  [true, "*", "*", "GET", "X-Test", "blocked"],
  [true, "*", "*", "*", "*", "allowed"],
  [true, "put", "*", "PUT", null, "blocked"],
];

describe.each<BrowserName>(["chromium", "firefox"])("WPT cors-preflight-star in %s", (browser) => {
  it.each(WPT)(
    "credentials=%s ACAM=%j ACAH=%j %s %s → %s",
    (credentials, acam, acah, method, header, expected) => {
      const requestHeaders = h(
        "Origin",
        PAGE,
        ...(credentials ? ["Cookie", "a=1"] : []),
        ...(header ? [header, "v"] : []),
      );
      const allow = h(
        "Access-Control-Allow-Origin",
        PAGE,
        ...(credentials ? ["Access-Control-Allow-Credentials", "true"] : []),
      );
      const ex = exchange({
        method,
        requestHeaders,
        recordedBy: browser,
        preflight: {
          status: 200,
          requestHeaders: h(
            "Origin",
            PAGE,
            "Access-Control-Request-Method",
            method,
            ...(header ? ["Access-Control-Request-Headers", header.toLowerCase()] : []),
          ),
          headers: [
            ...allow,
            ...h("Access-Control-Allow-Methods", acam, "Access-Control-Allow-Headers", acah),
          ],
        },
        response: expected === "allowed" ? { status: 200, headers: allow } : null,
        error:
          expected === "allowed" ? null : browser === "chromium" ? "net::ERR_FAILED" : "NS_ERROR_DOM_BAD_URI",
      });
      expect(diagnose(ex, { browser }).verdict).toBe(expected);
    },
  );
});
