/**
 * What a user reads for each cause and finding, one representative exchange each: the title, the
 * evidence the message must quote (the header, the value, the status, the origin), and what the fix
 * changes (the headline of the header fix, the options the Express fix edits, the page-side
 * alternative). A changed explanation fails the row of the code it changed, not only the golden
 * snapshot in test/cli/golden.
 */
import { describe, expect, it } from "vitest";
import {
  type BrowserName,
  CAUSE_CODES,
  type Cause,
  type CauseCode,
  type Diagnosis,
  diagnose,
  FINDING_CODES,
  type FindingCode,
  type ObservedExchange,
  originReflection,
  type Severity,
  type Stage,
} from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

const COOKIE = h("Origin", PAGE, "Cookie", "sessionid=abc", "Sec-Fetch-Mode", "cors");
const PUT_HEADERS = h("Origin", PAGE, "Content-Type", "application/json", "X-Api-Key", "k1");
const PUT_PREFLIGHT = h(
  "Origin",
  PAGE,
  "Access-Control-Request-Method",
  "PUT",
  "Access-Control-Request-Headers",
  "content-type,x-api-key",
);

/** A blocked GET whose response carried `headers`. */
const blockedGet = (headers: ReturnType<typeof h>, status = 200, requestHeaders?: ReturnType<typeof h>) =>
  exchange({
    ...(requestHeaders ? { requestHeaders } : {}),
    response: { status, headers },
    error: "net::ERR_FAILED",
  });

/** A PUT with a JSON body and an API key, whose preflight was answered `status` with `headers`. */
const preflighted = (headers: ReturnType<typeof h>, status = 204, method = "PUT") =>
  exchange({
    method,
    requestHeaders: PUT_HEADERS,
    preflight: {
      status,
      headers,
      requestHeaders:
        method === "PUT"
          ? PUT_PREFLIGHT
          : h(
              "Origin",
              PAGE,
              "Access-Control-Request-Method",
              method,
              "Access-Control-Request-Headers",
              "content-type,x-api-key",
            ),
    },
    response: null,
    error: "net::ERR_FAILED",
  });

interface CauseCase {
  code: CauseCode;
  x: ObservedExchange;
  browser?: BrowserName;
  stage: Stage;
  title: string;
  /** What the message must say: the evidence a reader checks against their own server. */
  quotes: string[];
  /** The header fix's headline (its opening comment): what it changes. null: no header fixes it. */
  fix: string | null;
  /** The options the Express fix edits in a set-up the server already has (absent: none seen). */
  expressEdits?: string[];
  /** The page-side alternative's title, listed after the server fixes; null: none. */
  client: string | null;
}

const ORIGIN_FIX = `Allow ${PAGE} on every response.`;
const CREDENTIALS_FIX = `Credentialed requests need the exact origin (${PAGE}) and Access-Control-Allow-Credentials: true, never *.`;

const CAUSE_CASES: CauseCase[] = [
  {
    code: "disallowed-by-mode",
    x: exchange({ mode: "same-origin", response: null, error: "net::ERR_FAILED" }),
    stage: "request",
    title: "Request mode forbids other origins",
    quotes: ["mode `same-origin`", "127.0.0.1:8000", "before sending anything"],
    fix: null,
    client: "Use CORS mode",
  },
  {
    code: "scheme-not-supported",
    x: exchange({
      url: "file:///home/me/data.json",
      origin: "null",
      requestHeaders: h("Origin", "null"),
      response: null,
      error: "net::ERR_FAILED",
    }),
    stage: "request",
    title: "Not an HTTP(S) URL",
    quotes: ["`file:///home/me/data.json`", "only to http and https URLs", "opaque origin null"],
    fix: null,
    client: "Serve the page over HTTP",
  },
  {
    code: "no-cors-redirect-mode",
    x: exchange({
      mode: "no-cors",
      redirectMode: "manual",
      requestHeaders: h("Sec-Fetch-Mode", "no-cors"),
      response: null,
      error: "net::ERR_FAILED",
    }),
    stage: "request",
    title: "no-cors needs redirect: follow",
    quotes: ["mode `no-cors`", '`redirect: "follow"`'],
    fix: null,
    client: "Follow redirects",
  },
  {
    code: "missing-allow-origin",
    x: blockedGet(h("Content-Type", "application/json")),
    stage: "response",
    title: "No Access-Control-Allow-Origin header",
    quotes: [
      "The response from 127.0.0.1:8000 (status 200)",
      "has no `Access-Control-Allow-Origin` header",
      `hid the response from the page at ${PAGE}`,
      `\`Access-Control-Allow-Origin: ${PAGE}\``,
    ],
    fix: ORIGIN_FIX,
    client: null,
  },
  {
    code: "multiple-allow-origin",
    x: blockedGet(h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Origin", "*")),
    stage: "response",
    title: "Access-Control-Allow-Origin has several values",
    quotes: [
      `\`Access-Control-Allow-Origin: ${PAGE}, *\``,
      "in 2 separate header lines",
      `exactly one origin: \`${PAGE}\``,
    ],
    fix: `Send Access-Control-Allow-Origin once, with the one origin ${PAGE}: remove one of the two sources (the proxy's or the app's).`,
    client: null,
  },
  {
    code: "invalid-allow-origin",
    x: blockedGet(h("Access-Control-Allow-Origin", "localhost")),
    stage: "response",
    title: "Access-Control-Allow-Origin is not an origin",
    quotes: [
      "`Access-Control-Allow-Origin: localhost`",
      "not a valid origin",
      `the exact origin \`${PAGE}\``,
    ],
    fix: ORIGIN_FIX,
    client: null,
  },
  {
    code: "allow-origin-mismatch",
    x: blockedGet(h("Access-Control-Allow-Origin", "http://localhost:3000", "Vary", "Origin")),
    stage: "response",
    title: "Allowed origin does not match",
    quotes: ["allows `http://localhost:3000`", `the request came from \`${PAGE}\``, "the port differs"],
    fix: `Allow ${PAGE} on every response.`,
    client: null,
  },
  {
    code: "wildcard-origin-with-credentials",
    x: blockedGet(h("Access-Control-Allow-Origin", "*"), 200, COOKIE),
    stage: "response",
    title: "Wildcard origin with credentials",
    quotes: [
      "answered `Access-Control-Allow-Origin: *`",
      "sent with credentials (the Cookie header)",
      `the exact origin \`${PAGE}\``,
      "`Access-Control-Allow-Credentials: true`",
    ],
    // The fix is the credentials pair, never "allow this origin": `*` already allowed it.
    fix: CREDENTIALS_FIX,
    expressEdits: ["replace-item origin", "set credentials"],
    client: "Or, if this request needs no cookies",
  },
  {
    code: "allow-credentials-not-true",
    x: blockedGet(h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin"), 200, COOKIE),
    stage: "response",
    title: "Access-Control-Allow-Credentials is not true",
    quotes: [
      `allowed \`${PAGE}\``,
      "(the Cookie header)",
      "`Access-Control-Allow-Credentials` is missing",
      "exactly `true`",
    ],
    fix: CREDENTIALS_FIX,
    expressEdits: ["set credentials"],
    client: null,
  },
  {
    code: "preflight-status-not-ok",
    x: preflighted(h("Access-Control-Allow-Origin", PAGE), 404),
    stage: "preflight",
    title: "Preflight answered 404",
    quotes: [
      `The preflight (OPTIONS ${API}/api/data) for this PUT request`,
      "status 404",
      "needs a 2xx status",
    ],
    fix: "Answer OPTIONS preflights with 204 on this route.",
    client: null,
  },
  {
    code: "preflight-redirected",
    x: preflighted(h("Location", "/api/data/"), 301),
    stage: "preflight",
    title: "Preflight was redirected",
    quotes: [
      "with a 301 redirect to `/api/data/`",
      "never follow redirects on a preflight",
      "trailing-slash redirect",
    ],
    fix: "Answer the preflight at the URL the page calls, without redirecting.",
    client: "Or call the final URL directly",
  },
  {
    code: "invalid-allow-methods",
    x: preflighted(
      h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "PUT;GET",
        "Access-Control-Allow-Headers",
        "content-type, x-api-key",
      ),
    ),
    stage: "preflight",
    title: "Access-Control-Allow-Methods cannot be parsed",
    quotes: [
      "`Access-Control-Allow-Methods: PUT;GET`",
      "contains `PUT;GET`",
      "not a method token",
      "`PUT, GET, POST`",
    ],
    fix: "Allow PUT exactly as the page sends them.",
    client: null,
  },
  {
    code: "invalid-allow-headers",
    x: preflighted(
      h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "PUT",
        "Access-Control-Allow-Headers",
        "content-type x-api-key",
      ),
    ),
    stage: "preflight",
    title: "Access-Control-Allow-Headers cannot be parsed",
    quotes: ["`Access-Control-Allow-Headers: content-type x-api-key`", "not a header name"],
    fix: "Allow the request headers content-type, x-api-key.",
    client: null,
  },
  {
    code: "method-not-allowed",
    x: preflighted(
      h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "GET, POST",
        "Access-Control-Allow-Headers",
        "content-type, x-api-key",
      ),
    ),
    stage: "preflight",
    title: "Method PUT not allowed by the preflight",
    quotes: ["allowed `GET, POST`", "does not include `PUT`"],
    fix: "Allow PUT exactly as the page sends them.",
    client: null,
  },
  {
    code: "header-not-allowed",
    x: preflighted(
      h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "PUT",
        "Access-Control-Allow-Headers",
        "content-type, authorization",
        // Varies on Origin: a CORS set-up answered, so the fix edits it.
        "Vary",
        "Origin",
      ),
    ),
    stage: "preflight",
    title: "Request header x-api-key not allowed",
    quotes: [
      "sends the `x-api-key` header",
      "`Access-Control-Allow-Headers` is `content-type, authorization`",
    ],
    fix: "Allow the request headers content-type, x-api-key.",
    expressEdits: ["add-items allowedHeaders", "add-items methods"],
    client: null,
  },
  {
    code: "redirect-contains-credentials",
    x: exchange({
      redirects: [
        {
          status: 302,
          to: "http://user:pw@127.0.0.1:8001/x",
          headers: h("Access-Control-Allow-Origin", PAGE),
        },
      ],
      response: null,
      error: "net::ERR_FAILED",
    }),
    stage: "redirect",
    title: "Redirect to a URL with user:password",
    quotes: ["redirected to `http://user:pw@127.0.0.1:8001/x`", "user name and password"],
    fix: null,
    client: "Remove the credentials from the redirect",
  },
  {
    code: "local-network-insecure",
    x: exchange({
      url: "http://192.168.1.10/api",
      origin: "http://app.example",
      requestHeaders: h("Origin", "http://app.example"),
      response: null,
      error: "net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS",
    }),
    stage: "request",
    title: "Insecure page reaching the local network",
    quotes: [
      "The page at http://app.example is not a secure context",
      "asked 192.168.1.10",
      "serve the page over HTTPS",
    ],
    fix: null,
    client: "Serve the page from a secure context",
  },
  {
    code: "local-network-invalid",
    x: exchange({
      url: "http://192.168.1.10/api",
      requestHeaders: h("Origin", PAGE),
      response: null,
      error: "net::ERR_INCONSISTENT_IP_ADDRESS_SPACE",
    }),
    stage: "request",
    title: "Local network address space mismatch",
    quotes: [
      "The request to 192.168.1.10",
      "(net::ERR_INCONSISTENT_IP_ADDRESS_SPACE)",
      "No response header fixes it",
    ],
    fix: null,
    client: "Match the declared address space",
  },
  {
    code: "local-network-permission-denied",
    x: exchange({
      url: "http://192.168.1.10/api",
      origin: "https://app.example",
      requestHeaders: h("Origin", "https://app.example"),
      response: null,
      error: "net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS",
    }),
    stage: "request",
    title: "Local network access not permitted",
    quotes: [
      "from https://app.example to 192.168.1.10",
      "permission was not granted",
      "No response header fixes it",
    ],
    fix: null,
    client: "Grant Local Network Access",
  },
  {
    code: "network-error",
    x: exchange({ response: { status: null }, error: "net::ERR_CONNECTION_REFUSED" }),
    stage: "response",
    title: "No response (network error)",
    quotes: ["The request to 127.0.0.1:8000", "(net::ERR_CONNECTION_REFUSED)", "no header is at fault"],
    fix: null,
    client: "Check that the server answers at all",
  },
];

/** The generic header fix's opening comment without its `# `: what the fix changes, in a sentence. */
function fixHeadline(cause: Cause): string | null {
  const fix = cause.fixes.find((f) => f.stack === "generic-headers");
  return fix ? (fix.snippet.split("\n")[0] ?? "").replace(/^# /, "") : null;
}

function expressEdits(cause: Cause): string[] | undefined {
  return cause.fixes
    .find((f) => f.stack === "express")
    ?.edits?.map((e) => `${e.kind} ${"option" in e ? e.option : ""}`.trim());
}

function only(d: Diagnosis): Cause {
  expect(d.verdict).toBe("blocked");
  expect(d.causes).toHaveLength(1);
  return d.causes[0] as Cause;
}

describe("each cause, as a user reads it", () => {
  it("has a row for every cause code", () => {
    expect(CAUSE_CASES.map((c) => c.code).sort()).toEqual([...CAUSE_CODES].sort());
  });

  it.each(CAUSE_CASES.map((c) => [c.code, c] as const))("%s", (_code, c) => {
    const cause = only(diagnose(c.x, { browser: c.browser ?? "chromium" }));
    expect(cause.code).toBe(c.code);
    expect(cause.stage).toBe(c.stage);
    expect(cause.title).toBe(c.title);
    for (const quote of c.quotes) expect(cause.message).toContain(quote);
    expect(fixHeadline(cause)).toBe(c.fix);
    // A header-fixable cause has a fix for every server stack, the page-side one after them.
    const stacks = cause.fixes.map((f) => f.stack);
    if (c.fix === null) expect(stacks.filter((s) => s !== "client")).toEqual([]);
    else expect(stacks.length).toBeGreaterThan(10);
    if (c.expressEdits) expect(expressEdits(cause)).toEqual(c.expressEdits);
    const client = cause.fixes.find((f) => f.stack === "client");
    expect(client?.title ?? null).toBe(c.client);
    if (client) expect(stacks.at(-1)).toBe("client");
  });
});

describe("the page-side fixes of the Local Network Access causes, in the reader's language", () => {
  it.each(CAUSE_CASES.filter((c) => c.code.startsWith("local-network")).map((c) => [c.code, c] as const))(
    "%s",
    (_code, c) => {
      const client = (lang: "en" | "ko") =>
        diagnose(c.x, { lang }).causes[0]?.fixes.find((f) => f.stack === "client") ?? null;
      expect(client("en")?.title).toBe(c.client);
      const ko = client("ko");
      // Hangul in the title and the text: no English left in a Korean reader's fix.
      expect(ko?.title).toMatch(/[\uac00-\ud7a3]/);
      expect(ko?.snippet).toMatch(/[\uac00-\ud7a3]/);
    },
  );
});

describe("what the fix changes follows the evidence", () => {
  it.each([
    [401, "Answer OPTIONS preflights before authentication: preflights never carry credentials."],
    [403, "Answer OPTIONS preflights before authentication: preflights never carry credentials."],
    [404, "Answer OPTIONS preflights with 204 on this route."],
    [405, "Answer OPTIONS preflights with 204 on this route."],
    [500, `Add the CORS headers to error responses (4xx/5xx) too, for ${PAGE}.`],
    [400, `Add the CORS headers to error responses (4xx/5xx) too, for ${PAGE}.`],
    [204, ORIGIN_FIX],
  ] as const)("a preflight answered %i without Access-Control-Allow-Origin", (status, fix) => {
    const cause = only(diagnose(preflighted(h("Content-Type", "text/plain"), status)));
    expect(cause.code).toBe("missing-allow-origin");
    expect(cause.stage).toBe("preflight");
    expect(cause.title).toBe("Preflight has no Access-Control-Allow-Origin");
    expect(cause.message).toContain("so the browser never sent the PUT request");
    expect(fixHeadline(cause)).toBe(fix);
  });

  it.each([
    [401, "Answer OPTIONS preflights before authentication: preflights never carry credentials."],
    [403, "Answer OPTIONS preflights before authentication: preflights never carry credentials."],
    [405, "Answer OPTIONS preflights with 204 on this route."],
    [500, `Add the CORS headers to error responses (4xx/5xx) too, for ${PAGE}.`],
    // A 3xx without Location is no redirect (https://fetch.spec.whatwg.org/#concept-http-fetch): a status that is not ok.
    [302, "Answer OPTIONS preflights with 204 on this route."],
    [304, "Answer OPTIONS preflights with 204 on this route."],
  ] as const)("a preflight that allowed the origin but answered %i", (status, fix) => {
    const cause = only(diagnose(preflighted(h("Access-Control-Allow-Origin", PAGE), status)));
    expect(cause.code).toBe("preflight-status-not-ok");
    expect(cause.title).toBe(`Preflight answered ${status}`);
    expect(cause.message).toContain(`answered with status ${status}`);
    expect(fixHeadline(cause)).toBe(fix);
  });

  it.each([
    [500, `Add the CORS headers to error responses (4xx/5xx) too, for ${PAGE}.`],
    [400, `Add the CORS headers to error responses (4xx/5xx) too, for ${PAGE}.`],
    [399, ORIGIN_FIX],
    [200, ORIGIN_FIX],
  ] as const)("a response answered %i without Access-Control-Allow-Origin", (status, fix) => {
    const cause = only(diagnose(blockedGet(h("Content-Type", "text/html"), status)));
    expect(cause.message).toContain(`(status ${status}) has no \`Access-Control-Allow-Origin\``);
    expect(fixHeadline(cause)).toBe(fix);
  });

  it("an origin made null by a redirect is fixed by avoiding the redirect, not by allowing the page's origin", () => {
    const cause = only(
      diagnose(
        exchange({
          redirects: [
            {
              status: 302,
              to: "http://127.0.0.1:8001/final",
              headers: h("Access-Control-Allow-Origin", PAGE),
            },
          ],
          response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") },
          error: "net::ERR_FAILED",
        }),
      ),
    );
    expect(cause.code).toBe("allow-origin-mismatch");
    expect(cause.message).toContain("the request came from `null`");
    expect(cause.message).toContain("sent as `Origin: null`");
    expect(fixHeadline(cause)).toBe(
      'After a cross-origin redirect the origin is "null": avoid the redirect, or allow *.',
    );
  });

  it("a lower-case method is allowed as sent, or sent in upper case", () => {
    const cause = only(
      diagnose(
        preflighted(
          h(
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Methods",
            "GET, PATCH",
            "Access-Control-Allow-Headers",
            "content-type, x-api-key",
          ),
          204,
          "patch",
        ),
      ),
    );
    expect(cause.title).toBe("Method patch not allowed by the preflight");
    expect(cause.message).toContain("Methods are compared byte for byte");
    expect(fixHeadline(cause)).toBe("Allow patch exactly as the page sends them.");
    const client = cause.fixes.at(-1);
    expect(client?.title).toBe("Or send the method in upper case");
    expect(client?.snippet).toContain('method: "PATCH"');
  });
});

describe("how an allowed origin differs from the page's", () => {
  it.each([
    [`${PAGE}/`, "the allowed value has a path or trailing slash"],
    ["http://LOCALHOST:5173", "they differ only in letter case"],
    ["https://localhost:5173", "the scheme differs (https vs http)"],
    // `localhost:5173` parses as a URL whose scheme is "localhost": it has none.
    ["localhost:5173", "the allowed value has no scheme"],
    ["http://localhost:3000", "the port differs"],
    ["http://example.test:5173", "the host differs"],
    ["null", "`null` only matches opaque origins"],
  ])("Access-Control-Allow-Origin: %s", (allowed, difference) => {
    const cause = only(diagnose(blockedGet(h("Access-Control-Allow-Origin", allowed))));
    expect(cause.code).toBe("allow-origin-mismatch");
    expect(cause.message).toContain(`allows \`${allowed}\``);
    expect(cause.message).toContain(difference);
    expect(fixHeadline(cause)).toBe(ORIGIN_FIX);
  });
});

interface FindingCase {
  code: FindingCode;
  /** The diagnosis the finding comes with (or the finding itself, for one made over several exchanges). */
  x: ObservedExchange | (() => { severity: Severity; title: string; message: string });
  browser?: BrowserName;
  severity: Severity;
  title: string;
  quotes: string[];
}

const FINDING_CASES: FindingCase[] = [
  {
    code: "status-masked",
    x: blockedGet(h("Content-Type", "text/html"), 502),
    severity: "error",
    title: "The server answered 502: the CORS error hides it",
    quotes: [
      "The response from 127.0.0.1:8000 was a 502",
      "fix the 502 itself",
      "check the server log for this GET",
    ],
  },
  {
    code: "referrer-policy-not-cause",
    x: blockedGet(h("Content-Type", "text/html")),
    severity: "info",
    title: "Referrer-Policy is not the cause",
    quotes: ["only changes the `Referer` header", "never changes `Origin`"],
  },
  {
    code: "referrer-stripped",
    x: exchange({
      method: "POST",
      requestHeaders: h("Origin", PAGE, "Content-Type", "text/plain"),
      response: { status: 403, headers: h("Content-Type", "text/html") },
      error: "net::ERR_FAILED",
    }),
    severity: "warning",
    title: "Sent without Referer: a referer or CSRF check may have refused it",
    quotes: ["The request to 127.0.0.1:8000 carried no `Referer` header", "the server answered 403"],
  },
  {
    code: "origin-null",
    x: exchange({
      origin: "null",
      requestHeaders: h("Origin", "null"),
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    }),
    severity: "warning",
    title: "Origin: null",
    quotes: ["sent with `Origin: null`", "the page's origin is opaque"],
  },
  {
    code: "opaque-response",
    x: exchange({
      mode: "no-cors",
      requestHeaders: h("Sec-Fetch-Mode", "no-cors"),
      response: { status: 200 },
    }),
    severity: "warning",
    title: "no-cors: the page cannot read this response",
    quotes: ['This request to 127.0.0.1:8000 was made with `mode: "no-cors"`', "an opaque response"],
  },
  {
    code: "not-cors",
    x: exchange({ response: null, error: "net::ERR_BLOCKED_BY_CLIENT" }),
    severity: "info",
    title: "Blocked, but not by CORS",
    quotes: [
      "failed with `net::ERR_BLOCKED_BY_CLIENT`",
      "an extension (an ad or content blocker) cancelled it",
    ],
  },
  {
    code: "authorization-wildcard",
    x: exchange({
      requestHeaders: h("Origin", PAGE, "Authorization", "Bearer t"),
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "GET",
          "Access-Control-Request-Headers",
          "authorization",
        ),
        headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Headers", "*"),
      },
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    }),
    severity: "warning",
    title: "Authorization is allowed only by *",
    quotes: ["`Access-Control-Allow-Headers: *`", "does not cover `Authorization`"],
  },
  {
    code: "vary-origin-missing",
    x: exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE) } }),
    severity: "warning",
    title: "Vary: Origin is missing",
    quotes: [`the specific origin \`${PAGE}\``, "no `Vary: Origin`", "Add `Vary: Origin`"],
  },
  {
    code: "preflight-cached",
    x: exchange({
      method: "PUT",
      requestHeaders: PUT_HEADERS,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") },
    }),
    severity: "info",
    title: "Served from the preflight cache",
    quotes: ["This PUT request to 127.0.0.1:8000 needs a preflight", "at most 7200 in Chromium"],
  },
  {
    code: "preflight-avoidable",
    x: preflighted(
      h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "PUT",
        "Access-Control-Allow-Headers",
        "content-type, x-api-key",
        "Vary",
        "Origin",
      ),
    ),
    severity: "info",
    title: "Why this request was preflighted",
    quotes: [
      "the method `PUT` (only GET, HEAD and POST are simple)",
      "`Content-Type: application/json`",
      "the custom header `x-api-key`",
      "Without them",
    ],
  },
  {
    code: "max-age-capped",
    x: exchange({
      method: "PUT",
      requestHeaders: PUT_HEADERS,
      preflight: {
        status: 204,
        requestHeaders: PUT_PREFLIGHT,
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "PUT",
          "Access-Control-Allow-Headers",
          "content-type, x-api-key",
          "Access-Control-Max-Age",
          "86400",
        ),
      },
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") },
    }),
    severity: "info",
    title: "Access-Control-Max-Age is capped",
    quotes: ["`Access-Control-Max-Age: 86400`", "caches the preflight for 7200 s", "Every 120 minutes"],
  },
  {
    code: "header-not-exposed",
    x: exchange({
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "*", "X-Request-Id", "r-1", "ETag", '"v1"'),
      },
    }),
    severity: "info",
    title: "2 response headers are hidden from scripts",
    quotes: ["`Access-Control-Expose-Headers` is absent", "x-request-id", "etag"],
  },
  {
    code: "response-header-in-request",
    x: exchange({
      requestHeaders: h("Origin", PAGE, "Access-Control-Allow-Origin", "*"),
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "GET",
          "Access-Control-Request-Headers",
          "access-control-allow-origin",
        ),
        headers: h("Access-Control-Allow-Origin", "*"),
      },
      response: null,
      error: "net::ERR_FAILED",
    }),
    severity: "error",
    title: "Response headers sent from the page",
    quotes: ["`access-control-allow-origin` as request header.", "only the server can grant access"],
  },
  {
    code: "null-origin-allowed",
    x: exchange({
      origin: "null",
      requestHeaders: h("Origin", "null", "Cookie", "a=1"),
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "null", "Access-Control-Allow-Credentials", "true"),
      },
    }),
    severity: "warning",
    title: "The API trusts Origin: null with credentials",
    quotes: [
      "127.0.0.1:8000 answers `Access-Control-Allow-Origin: null`",
      "`Access-Control-Allow-Credentials: true`",
    ],
  },
  {
    code: "insecure-origin-allowed",
    x: exchange({
      url: "https://api.example/data",
      origin: "http://app.example",
      requestHeaders: h("Origin", "http://app.example"),
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "http://app.example", "Vary", "Origin"),
      },
    }),
    severity: "warning",
    title: "An https API trusts an http origin",
    quotes: ["api.example is served over https but allows `http://app.example`"],
  },
  {
    code: "origin-reflected-with-credentials",
    x: () => {
      const echo = (id: string, origin: string) => ({
        id,
        url: `${API}/api/me`,
        origin,
        responseHeaders: h("Access-Control-Allow-Origin", origin, "Access-Control-Allow-Credentials", "true"),
      });
      const found = originReflection([echo("a", PAGE), echo("b", "https://evil.example")]);
      expect(found.get("a")).toBe(found.get("b"));
      const f = found.get("a");
      if (!f) throw new Error("no finding");
      return f;
    },
    severity: "warning",
    title: "The server echoes any origin with credentials",
    quotes: [
      `${API} answered \`${PAGE}\` and \`https://evil.example\``,
      "`Access-Control-Allow-Credentials: true`",
    ],
  },
  {
    code: "browser-difference",
    x: blockedGet(h("Access-Control-Allow-Origin", `${PAGE}, http://other.test`)),
    severity: "info",
    title: "Firefox words this differently",
    quotes: ["Chromium reports MultipleAllowOriginValues", "(CORSAllowOriginNotMatchingOrigin)"],
  },
];

describe("each finding, as a user reads it", () => {
  it("has a row for every finding code", () => {
    expect(FINDING_CASES.map((c) => c.code).sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each(FINDING_CASES.map((c) => [c.code, c] as const))("%s", (_code, c) => {
    let found: { severity: Severity; title: string; message: string };
    if (typeof c.x === "function") found = c.x();
    else {
      const all = diagnose(c.x, { browser: c.browser ?? "chromium" }).findings.filter(
        (f) => f.code === c.code,
      );
      expect(all).toHaveLength(1);
      found = all[0] as (typeof all)[number];
    }
    expect(found.severity).toBe(c.severity);
    expect(found.title).toBe(c.title);
    for (const quote of c.quotes) expect(found.message).toContain(quote);
  });
});

describe("vary-origin-missing: only where a shared cache could mix origins up", () => {
  const echoed = (...more: string[]) =>
    diagnose(
      exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, ...more) } }),
    )
      .findings.map((f) => f.code)
      .includes("vary-origin-missing");

  it("an echoed origin without Vary, or with a Vary that leaves Origin out", () => {
    expect(echoed()).toBe(true);
    expect(echoed("Vary", "Accept-Encoding")).toBe(true);
    expect(echoed("Vary", "Origins")).toBe(true);
  });

  it("Vary: Origin, in any case and any position of the list", () => {
    expect(echoed("Vary", "Origin")).toBe(false);
    expect(echoed("Vary", "accept-encoding, ORIGIN")).toBe(false);
    expect(echoed("Vary", "Accept-Encoding", "Vary", "origin")).toBe(false);
  });

  it("Vary: * (no cache reuses the answer for any other request)", () => {
    expect(echoed("Vary", "*")).toBe(false);
    expect(echoed("Vary", "Accept-Encoding, *")).toBe(false);
  });

  it("a value every origin gets alike (*, null, another origin) needs no Vary", () => {
    const allowing = (value: string) =>
      diagnose(exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", value) } }))
        .findings.map((f) => f.code)
        .includes("vary-origin-missing");
    expect(allowing("*")).toBe(false);
    expect(allowing("http://localhost:3000")).toBe(false);
  });
});

describe("the finding's words follow the evidence", () => {
  const findingOf = (code: FindingCode, x: ObservedExchange, browser: BrowserName = "chromium") =>
    diagnose(x, { browser }).findings.find((f) => f.code === code) ?? null;

  it.each([
    ["net::ERR_BLOCKED_BY_CLIENT", "an extension (an ad or content blocker) cancelled it"],
    [
      "net::ERR_BLOCKED_BY_ORB",
      "Opaque Response Blocking refused a no-cors response whose type looked like data",
    ],
    ["net::ERR_BLOCKED_BY_CSP", "the page's Content-Security-Policy (connect-src) forbids it"],
    ["net::ERR_BLOCKED_BY_RESPONSE", "a Cross-Origin-Resource-Policy or embedder policy forbids it"],
    ["NS_ERROR_DOM_CORP_FAILED", "a Cross-Origin-Resource-Policy or embedder policy forbids it"],
    ["NS_ERROR_TRACKING_URI", "tracking protection blocked it"],
    ["NS_ERROR_FINGERPRINTING_URI", "tracking protection blocked it"],
    ["net::ERR_BLOCKED_BY_ADMINISTRATOR", "a browser policy blocked it"],
  ])("not-cors names what blocked %s", (error, why) => {
    const f = findingOf(
      "not-cors",
      exchange({ response: null, error }),
      error.startsWith("NS_") ? "firefox" : "chromium",
    );
    expect(f?.message).toContain(`failed with \`${error}\`: ${why}. No CORS header changes that.`);
  });

  it.each([
    ["fetch", true],
    ["xmlhttprequest", true],
    ["xhr", true],
    ["other", true],
    ["script", false],
    ["image", false],
  ] as const)(
    "opaque-response for a no-cors %s: %s (an image or a script needs no readable body)",
    (type, said) => {
      const x = exchange({
        mode: "no-cors",
        resourceType: type,
        requestHeaders: h("Sec-Fetch-Mode", "no-cors"),
        response: { status: 200 },
      });
      expect(findingOf("opaque-response", x) !== null).toBe(said);
    },
  );

  it("opaque-response with no origin seen says so rather than inventing one", () => {
    const x = exchange({
      mode: "no-cors",
      origin: "",
      requestHeaders: h("Sec-Fetch-Mode", "no-cors"),
      response: { status: 200 },
    });
    expect(findingOf("opaque-response", x)?.message).toContain(
      "`Access-Control-Allow-Origin: <your origin>`",
    );
  });

  it("browser-difference: the other browser stops at another check first, and both are named", () => {
    // Chromium parses Allow-Headers before it checks the method; Firefox checks the method first.
    const x = preflighted(
      h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "GET",
        "Access-Control-Allow-Headers",
        "content-type x-api-key",
      ),
    );
    const inChromium = findingOf("browser-difference", x, "chromium");
    expect(inChromium?.title).toBe("Firefox names a different first failure");
    expect(inChromium?.message).toBe(
      'Chromium stops at "Access-Control-Allow-Headers cannot be parsed" (InvalidAllowHeadersPreflightResponse); Firefox checks in another order and reports "Method PUT not allowed by the preflight" (CORSMethodNotFound) first. Both must be fixed.',
    );
    const inFirefox = findingOf("browser-difference", x, "firefox");
    expect(inFirefox?.title).toBe("Chromium names a different first failure");
    expect(inFirefox?.message).toContain(
      'Firefox stops at "Method PUT not allowed by the preflight" (CORSMethodNotFound)',
    );
  });
});

describe("a cause's words follow the evidence", () => {
  /** A PUT with an API key (and the session cookie, when `cookie`) whose preflight allowed the origin. */
  const put = (allow: string[], cookie = false) =>
    exchange({
      method: "PUT",
      requestHeaders: cookie
        ? h("Origin", PAGE, "Cookie", "a=1", "X-Api-Key", "k1")
        : h("Origin", PAGE, "X-Api-Key", "k1"),
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "PUT",
          "Access-Control-Request-Headers",
          "x-api-key",
        ),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          ...(cookie ? ["Access-Control-Allow-Credentials", "true"] : []),
          ...allow,
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
  const STAR = "`*` does not count for a request with credentials.";

  it("header-not-allowed says when Allow-Headers was missing", () => {
    const cause = only(diagnose(put(["Access-Control-Allow-Methods", "PUT"])));
    expect(cause.code).toBe("header-not-allowed");
    expect(cause.message).toBe(
      "The request sends the `x-api-key` header, but the preflight's `Access-Control-Allow-Headers` is missing, which does not list it.",
    );
  });

  it.each([["*"], ["content-type, *"]])(
    "header-not-allowed: Allow-Headers %s does not count with credentials",
    (allowed) => {
      const cause = only(
        diagnose(put(["Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", allowed], true)),
      );
      expect(cause.code).toBe("header-not-allowed");
      expect(cause.message).toContain(`is \`${allowed}\`, which does not list it. ${STAR}`);
    },
  );

  it("header-not-allowed names no `*` where none was sent", () => {
    const cause = only(
      diagnose(
        put(["Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "content-type"], true),
      ),
    );
    expect(cause.message).not.toContain("`*`");
  });

  it("method-not-allowed says when Allow-Methods was missing", () => {
    const cause = only(diagnose(put(["Access-Control-Allow-Headers", "x-api-key"])));
    expect(cause.code).toBe("method-not-allowed");
    expect(cause.message).toBe(
      "The preflight allowed no extra method (no Access-Control-Allow-Methods), which does not include `PUT`.",
    );
  });

  it("method-not-allowed: Allow-Methods * does not count with credentials", () => {
    const cause = only(
      diagnose(put(["Access-Control-Allow-Methods", "*", "Access-Control-Allow-Headers", "x-api-key"], true)),
    );
    expect(cause.code).toBe("method-not-allowed");
    expect(cause.message).toBe(`The preflight allowed \`*\`, which does not include \`PUT\`. ${STAR}`);
  });

  it("allow-credentials-not-true quotes a value that is not exactly true", () => {
    const cause = only(
      diagnose(
        blockedGet(
          h(
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Credentials",
            "TRUE",
            "Vary",
            "Origin",
          ),
          200,
          COOKIE,
        ),
      ),
    );
    expect(cause.code).toBe("allow-credentials-not-true");
    expect(cause.message).toContain(
      "`Access-Control-Allow-Credentials` is `TRUE`; it must be exactly `true`.",
    );
  });

  it("preflight-redirected: a redirect elsewhere than a trailing slash is told to call the final URL", () => {
    const cause = only(diagnose(preflighted(h("Location", "https://api.example/v2/data"), 307)));
    expect(cause.code).toBe("preflight-redirected");
    expect(cause.message).toContain("with a 307 redirect to `https://api.example/v2/data`");
    expect(cause.message).toContain(
      "Browsers never follow redirects on a preflight. Call the final URL directly.",
    );
    expect(cause.message).not.toContain("trailing-slash");
    expect(cause.fixes.at(-1)?.snippet).toBe('fetch("https://api.example/v2/data");');
  });
});

describe("more of what the findings say", () => {
  const findingOf = (code: FindingCode, x: ObservedExchange) =>
    diagnose(x).findings.find((f) => f.code === code) ?? null;
  /** A GET with `extra` request headers whose preflight allowed any header. */
  const preflightedGet = (...extra: string[]) =>
    exchange({
      requestHeaders: h("Origin", PAGE, ...extra),
      preflight: {
        status: 204,
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Headers", "*"),
      },
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") },
    });

  it.each([
    [["Accept", "a".repeat(200)], "the `accept` value is longer than 128 bytes. Without it"],
    [
      ["Content-Language", "en(x)"],
      "the `content-language` value contains characters such as ( ) : < > ? @ [ ] { }",
    ],
    [["Range", "bytes=0-1,5-6"], "`Range: bytes=0-1,5-6` is not a single bytes=start-end range"],
  ])("preflight-avoidable names the safelisted header whose value forced it: %j", (header, says) => {
    expect(findingOf("preflight-avoidable", preflightedGet(...header))?.message).toContain(says);
  });

  it("status-masked carries the cause's server fixes, not S3's nor the page-side one", () => {
    const x = blockedGet(h("Content-Type", "text/html"), 502);
    const masked = findingOf("status-masked", x);
    const cause = diagnose(x).causes[0];
    const stacks = masked?.fixes?.map((f) => f.stack) ?? [];
    expect(stacks[0]).toBe("generic-headers");
    expect(stacks).not.toContain("s3");
    expect(stacks).not.toContain("client");
    expect(stacks).toEqual(cause?.fixes.map((f) => f.stack).filter((s) => s !== "s3" && s !== "client"));
  });

  it("header-not-exposed: Expose-Headers * exposes everything, but not to a request with credentials", () => {
    const response = (cookie: boolean) =>
      exchange({
        requestHeaders: cookie ? h("Origin", PAGE, "Cookie", "a=1") : h("Origin", PAGE),
        response: {
          status: 200,
          headers: h(
            "Access-Control-Allow-Origin",
            PAGE,
            ...(cookie ? ["Access-Control-Allow-Credentials", "true"] : []),
            "Vary",
            "Origin",
            "X-Request-Id",
            "1",
            "Access-Control-Expose-Headers",
            "*",
          ),
        },
      });
    expect(findingOf("header-not-exposed", response(false))).toBeNull();
    const hidden = findingOf("header-not-exposed", response(true));
    expect(hidden?.title).toBe("A response header is hidden from scripts");
    expect(hidden?.message).toContain("cannot read `x-request-id`: `Access-Control-Expose-Headers` is `*`");
  });
});

describe("findings that depend on the browser or on credentials", () => {
  const codesOf = (x: ObservedExchange, browser: BrowserName = "chromium") =>
    diagnose(x, { browser }).findings.map((f) => f.code);
  const maxAge = (value: string) =>
    exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE),
      preflight: {
        status: 204,
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "PUT",
          "Access-Control-Max-Age",
          value,
        ),
      },
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, "Vary", "Origin") },
    });
  const capped = (value: string, browser: BrowserName) =>
    diagnose(maxAge(value), { browser }).findings.find((f) => f.code === "max-age-capped")?.message ?? null;

  it("max-age-capped: each browser's own cap (Chromium 7200 s, Firefox 86400 s)", () => {
    expect(capped("86400", "firefox")).toBeNull();
    expect(capped("7200", "chromium")).toBeNull();
    expect(capped("100000", "firefox")).toBe(
      "`Access-Control-Max-Age: 100000` asks for more than Firefox allows: it caches the preflight for 86400 s (Chromium: up to 7200 s). Every 1440 minutes the preflight is sent again.",
    );
    expect(capped("100000", "chromium")).toBe(
      "`Access-Control-Max-Age: 100000` asks for more than Chromium allows: it caches the preflight for 7200 s (Firefox: up to 86400 s). Every 120 minutes the preflight is sent again.",
    );
  });

  it("max-age-capped: a value that is not a number, as each browser treats it", () => {
    expect(capped("abc", "chromium")).toBe(
      "`Access-Control-Max-Age: abc` is not a number of seconds; Chromium falls back to 5 s.",
    );
    expect(capped("abc", "firefox")).toBe(
      "`Access-Control-Max-Age: abc` is not a number of seconds; Firefox does not cache the preflight at all.",
    );
  });

  it("browser-difference: a redirected preflight without Access-Control-Allow-Origin is worded otherwise by Firefox", () => {
    const x = exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
      preflight: { status: 301, headers: h("Location", "/api/data/") },
      response: null,
      error: "net::ERR_FAILED",
    });
    const f = diagnose(x).findings.find((f) => f.code === "browser-difference");
    expect(f?.title).toBe("Firefox words this differently");
    expect(f?.message).toBe(
      "Chromium reports PreflightDisallowedRedirect; Firefox checks the redirect's Access-Control-Allow-Origin first and reports CORSMissingAllowOrigin2 with the redirect's status.",
    );
  });

  it("null-origin-allowed only with credentials; origin-null in any case", () => {
    const nullOrigin = exchange({
      origin: "null",
      requestHeaders: h("Origin", "null"),
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "null") },
    });
    expect(codesOf(nullOrigin)).toContain("origin-null");
    expect(codesOf(nullOrigin)).not.toContain("null-origin-allowed");
  });

  it("insecure-origin-allowed only where an https API allows an http origin", () => {
    const api = (allowed: string, origin = allowed) =>
      exchange({
        url: "https://api.example/data",
        origin,
        requestHeaders: h("Origin", origin),
        response: { status: 200, headers: h("Access-Control-Allow-Origin", allowed, "Vary", "Origin") },
      });
    expect(codesOf(api("http://app.example"))).toContain("insecure-origin-allowed");
    expect(codesOf(api("https://app.example"))).not.toContain("insecure-origin-allowed");
    expect(codesOf(api("*", "http://app.example"))).not.toContain("insecure-origin-allowed");
  });
});

// A page that sends `Access-Control-Allow-Origin` as a request header (a response header): the fix
// never allows it (the finding says to stop sending it), and the headline named an empty list
// ("Allow the request headers .").
describe("a page that sends a response header as a request header", () => {
  it("gets a headline that says there is nothing to allow on the server, never an empty list", () => {
    const d = diagnose(
      exchange({
        method: "PUT",
        requestHeaders: h("Origin", PAGE, "Access-Control-Allow-Origin", "*"),
        preflight: {
          status: 204,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
          requestHeaders: h(
            "Origin",
            PAGE,
            "Access-Control-Request-Method",
            "PUT",
            "Access-Control-Request-Headers",
            "access-control-allow-origin",
          ),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    );
    const cause = d.causes[0] as Cause;
    expect(cause.code).toBe("header-not-allowed");
    const headline = fixHeadline(cause) ?? "";
    expect(headline).not.toMatch(/headers \./);
    expect(headline).toContain("Nothing to allow on the server");
    expect(d.findings.map((f) => f.code)).toContain("response-header-in-request");
  });
});
