import { describe, expect, it } from "vitest";
import {
  type BrowserWordsContext,
  type Cause,
  chromiumConsoleMessage,
  chromiumDocs,
  diagnose,
  firefoxConsoleMessage,
  firefoxDocs,
} from "../../src/engine";
import { parseFirefoxBlock } from "../e2e/helpers/firefox-reasons";
import { recorded, SCENARIOS } from "../fixtures/scenarios";
import { exchange, h } from "./build";

function causeOf(
  name: string,
  browser: "chromium" | "firefox" = "chromium",
): { cause: Cause; ctx: BrowserWordsContext } {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  const x = recorded(s, browser);
  const cause = diagnose(x, { browser }).causes[0];
  if (!cause) throw new Error(`${name} is not blocked`);
  const hop = cause.stage === "preflight" ? x.preflight : x.hops[x.hops.length - 1];
  return {
    cause,
    ctx: { url: x.url, pageOrigin: x.initiator, resourceType: "fetch", status: hop?.status ?? null },
  };
}

describe("Chromium's console sentence", () => {
  it("is Blink's line for a fetch, with the failed parameter", () => {
    const { cause, ctx } = causeOf("custom header missing from a fixed Allow-Headers list (seed)");
    expect(chromiumConsoleMessage(cause, ctx)).toBe(
      `Access to fetch at '${ctx.url}' from origin '${ctx.pageOrigin}' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.`,
    );
  });

  it("carries the preflight prefix only for the Preflight… errors", () => {
    const { cause, ctx } = causeOf("preflight answered 401 by the auth layer");
    expect(cause.chromium).toMatch(/^Preflight/);
    expect(chromiumConsoleMessage(cause, ctx)).toContain(
      "has been blocked by CORS policy: Response to preflight request doesn't pass access control check: ",
    );
    const simple = causeOf("ACAO * with the session cookie (seed: Django middleware)");
    expect(chromiumConsoleMessage(simple.cause, simple.ctx)).toMatch(
      /blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '\*' when the request's credentials mode is 'include'\.$/,
    );
  });

  it("keeps to the tail when the resource type does not say fetch or XHR, and says nothing for network errors", () => {
    const { cause, ctx } = causeOf("simple GET without ACAO (seed: no CORS at all)");
    expect(chromiumConsoleMessage(cause, { ...ctx, resourceType: "xmlhttprequest" })).toBe(
      "… has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    const refused = causeOf("connection refused");
    expect(chromiumConsoleMessage(refused.cause, refused.ctx)).toBeNull();
    expect(chromiumDocs("missing-allow-origin")?.url).toBe("https://web.dev/cross-origin-resource-sharing");
    expect(chromiumDocs("network-error")).toBeNull();
  });
});

describe("Firefox's reason", () => {
  it("is the console line Firefox prints, which its own parser reads back to the same key", () => {
    let checked = 0;
    for (const s of SCENARIOS) {
      const x = recorded(s, "firefox");
      const cause = diagnose(x, { browser: "firefox" }).causes[0];
      if (!cause?.firefox) continue;
      const text = firefoxConsoleMessage(cause.firefox, cause, {
        url: x.url,
        pageOrigin: x.initiator,
        resourceType: x.resourceType,
        status: x.hops[x.hops.length - 1]?.status ?? null,
      });
      expect(text, s.name).not.toBeNull();
      expect(parseFirefoxBlock(text ?? "")?.reason, s.name).toBe(cause.firefox);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it("names the status where Firefox does, and links to MDN's page for the reason", () => {
    const { cause, ctx } = causeOf("500 without CORS headers masquerades as CORS", "firefox");
    expect(firefoxConsoleMessage("CORSMissingAllowOrigin2", cause, ctx)).toMatch(
      /\(Reason: CORS header ‘Access-Control-Allow-Origin’ missing\)\. Status code: 500\.$/,
    );
    expect(firefoxDocs("CORSMissingAllowOrigin2")?.url).toBe(
      "https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin",
    );
    expect(firefoxDocs("CORSMissingAllowCredentials")?.url).toMatch(/CORSMIssingAllowCredentials$/);
    expect(firefoxDocs("NotAKey")).toBeNull();
  });
});

describe("the browsers' words for causes outside the scenarios", () => {
  const ctx: BrowserWordsContext = {
    url: "http://127.0.0.1:8000/api/data",
    pageOrigin: "http://localhost:5173",
    resourceType: "fetch",
    status: 200,
  };
  const causeFor = (x: Parameters<typeof diagnose>[0]): Cause => {
    const cause = diagnose(x).causes[0];
    if (!cause) throw new Error("not blocked");
    return cause;
  };

  it("no-cors with redirect manual: Chromium's renderer line, not a CORS sentence", () => {
    const cause = causeFor(
      exchange({ mode: "no-cors", redirectMode: "manual", response: { status: 200, headers: [] } }),
    );
    expect(chromiumConsoleMessage(cause, ctx)).toBe(
      `Fetch API cannot load ${ctx.url}. Request mode is "no-cors" but the redirect mode is not "follow".`,
    );
  });

  it("a Local Network Access denial has no CORS sentence", () => {
    const cause = causeFor(
      exchange({ response: null, error: "net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS" }),
    );
    expect(cause.chromium).not.toBeNull();
    expect(chromiumConsoleMessage(cause, ctx)).toBeNull();
  });

  it("names the redirect's target and its start; a final URL equal to the URL is not a redirect", () => {
    const cause = causeFor(exchange({ response: { status: 200, headers: [] } }));
    const finalUrl = "http://127.0.0.1:8000/api/data/";
    expect(chromiumConsoleMessage(cause, { ...ctx, finalUrl })).toBe(
      `Access to fetch at '${finalUrl}' (redirected from '${ctx.url}') from origin '${ctx.pageOrigin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    );
    expect(chromiumConsoleMessage(cause, { ...ctx, finalUrl: ctx.url })).toMatch(
      /^Access to fetch at 'http:\/\/127\.0\.0\.1:8000\/api\/data' from origin /,
    );
    expect(chromiumConsoleMessage(cause, { ...ctx, pageOrigin: null })).toMatch(
      /^… has been blocked by CORS policy: No /,
    );
  });

  it("Firefox: the final URL, quoted only for credentials with *, the value in place of %S, (null) for no status", () => {
    const mismatch = causeFor(
      exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", "http://other.test") } }),
    );
    const finalUrl = "http://127.0.0.1:8000/final";
    expect(firefoxConsoleMessage("CORSAllowOriginNotMatchingOrigin", mismatch, { ...ctx, finalUrl })).toBe(
      `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${finalUrl}. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://other.test’).`,
    );
    const star = causeFor(
      exchange({
        credentials: "include",
        response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
      }),
    );
    expect(firefoxConsoleMessage("CORSNotSupportingCredentials", star, ctx)).toBe(
      `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘${ctx.url}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).`,
    );
    const missing = causeFor(exchange({ response: { status: 200, headers: [] } }));
    expect(firefoxConsoleMessage("CORSMissingAllowOrigin2", missing, { ...ctx, status: null })).toMatch(
      /missing\)\. Status code: \(null\)\.$/,
    );
    const noValue = { ...mismatch, value: null };
    expect(firefoxConsoleMessage("CORSAllowOriginNotMatchingOrigin", noValue, ctx)).toContain(
      "does not match ‘’",
    );
  });

  it("Blink's word for each resource type", () => {
    const cause = causeFor(exchange({ response: { status: 200, headers: [] } }));
    for (const [resourceType, kind] of [
      ["fetch", "fetch"],
      ["xhr", "XMLHttpRequest"],
      ["font", "font"],
      ["image", "image"],
      ["script", "script"],
      ["stylesheet", "CSS stylesheet"],
      ["media", "media"],
    ] as const)
      expect(chromiumConsoleMessage(cause, { ...ctx, resourceType }), resourceType).toMatch(
        new RegExp(`^Access to ${kind} at '`),
      );
  });

  it("Firefox's reasons that carry the status, and the reasons no scenario reaches", () => {
    const cause = causeFor(exchange({ response: { status: 200, headers: [] } }));
    const at = { ...ctx, status: 502 };
    expect(firefoxConsoleMessage("CORSDidNotSucceed2", cause, at)).toMatch(
      /did not succeed\)\. Status code: 502\.$/,
    );
    expect(firefoxConsoleMessage("CORSPreflightDidNotSucceed3", cause, at)).toMatch(/\. Status code: 502\.$/);
    expect(firefoxConsoleMessage("CORSDisabled", cause, at)).toMatch(/\(Reason: CORS disabled\)\.$/);
    expect(firefoxDocs("CORSOriginHeaderNotAdded")?.title).toBe(
      "Reason: CORS header 'Origin' cannot be added",
    );
  });

  it("MDN's page title is the reason with its parameter left out", () => {
    expect(firefoxDocs("CORSAllowOriginNotMatchingOrigin")).toEqual({
      url: "https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin",
      title: "Reason: CORS header 'Access-Control-Allow-Origin' does not match …",
    });
    expect(firefoxDocs("CORSPreflightDidNotSucceed3")?.url).toMatch(/\/CORSPreflightDidNotSucceed$/);
  });
});
