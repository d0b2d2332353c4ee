/** The words of a cause where they turn on the evidence: a method's case, `*` with credentials, an error named. */
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/engine";
import { exchange, h, PAGE } from "./build";

const preflighted = (method: string, answer: string[], credentialed = false, names = "") =>
  exchange({
    method,
    credentials: credentialed ? "include" : "omit",
    requestHeaders: h("Origin", PAGE, ...(names ? ["X-Api-Key", "k"] : [])),
    preflight: {
      status: 204,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        method,
        ...(names ? ["Access-Control-Request-Headers", names] : []),
      ),
      headers: h(...answer),
    },
    response: null,
    error: "net::ERR_FAILED",
  });
const messageOf = (x: Parameters<typeof diagnose>[0]) => diagnose(x).causes[0]?.message ?? "";

describe("a cause's words from the evidence", () => {
  it("a method allowed only in another case: compared byte for byte", () => {
    expect(
      messageOf(
        preflighted("PUT", ["Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "put"]),
      ),
    ).toBe(
      "The preflight allowed `put`, which does not include `PUT`. Methods are compared byte for byte: the page sent `PUT` exactly as written (fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT).",
    );
  });

  it("* for methods or headers does not count with credentials, and says so", () => {
    const creds = ["Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"];
    expect(messageOf(preflighted("PUT", [...creds, "Access-Control-Allow-Methods", "*"], true))).toBe(
      "The preflight allowed `*`, which does not include `PUT`. `*` does not count for a request with credentials.",
    );
    expect(
      messageOf(
        preflighted(
          "PUT",
          [...creds, "Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "*"],
          true,
          "x-api-key",
        ),
      ),
    ).toBe(
      "The request sends the `x-api-key` header, but the preflight's `Access-Control-Allow-Headers` is `*`, which does not list it. `*` does not count for a request with credentials.",
    );
    expect(
      messageOf(preflighted("PUT", [...creds, "Access-Control-Allow-Methods", "GET"], true)),
    ).not.toContain("does not count for a request with credentials");
  });

  it("a Local Network Access denial names the page, the target and the browser's error", () => {
    expect(
      messageOf(exchange({ response: null, error: "net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS" })),
    ).toBe(
      "Chrome blocked the request from http://localhost:5173 to 127.0.0.1:8000 on the local network because Local Network Access permission was not granted (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS). No response header fixes it.",
    );
  });
});

describe("what a failing status says, beside a missing Allow-Origin", () => {
  const answered = (status: number, ...headers: string[]) =>
    messageOf(exchange({ response: { status, headers: h(...headers) }, error: "net::ERR_FAILED" }));
  const preflightAnswered = (status: number, ...headers: string[]) =>
    messageOf(
      exchange({
        method: "PUT",
        preflight: { status, headers: h(...headers) },
        response: null,
        error: "net::ERR_FAILED",
      }),
    );

  it("401 with WWW-Authenticate: authentication answered first; a preflight never carries credentials", () => {
    expect(answered(401, "WWW-Authenticate", "Bearer")).toContain(
      " The 401 came with `WWW-Authenticate`: authentication answered before CORS.",
    );
    expect(preflightAnswered(401, "WWW-Authenticate", "Bearer")).toContain(
      " The 401 came with `WWW-Authenticate`: authentication answered before CORS; browsers never send cookies or Authorization with a preflight.",
    );
  });

  it("403 without a challenge: something answered before any CORS header", () => {
    expect(answered(403)).toContain(
      " Something answered 403 before any CORS header was added (an authentication or CSRF check, a firewall, or the CORS library refusing the request); the response's body says which.",
    );
  });

  it("404 and 405: no route; a preflight's Allow names what the route answers", () => {
    expect(answered(404)).toContain(
      " The 404 means the server has no route for this URL or method, and that answer carries no CORS headers.",
    );
    expect(preflightAnswered(405, "Allow", "GET, POST")).toContain(
      " The 405 means no route answers OPTIONS at this URL (`Allow: GET, POST`: the route answers only those).",
    );
  });

  it("400 is the server's answer to the request, 500 its own error; below 400 nothing", () => {
    expect(answered(400)).toContain(
      " The 400 is the server's own answer to the request (a validation, body-parser or routing error); its error path adds no CORS headers.",
    );
    expect(answered(500)).toContain(
      " The 500 is the server's own error; its error path adds no CORS headers.",
    );
    expect(answered(399)).not.toContain(" The 399");
  });
});
