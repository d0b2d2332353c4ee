/**
 * A fix is an edit to what the user has: the option at fault changed, everything else kept,
 * including what the page did not happen to send during the recording.
 */
import { describe, expect, it } from "vitest";
import { apiProfiles, diagnose, type Fix, type ObservedExchange } from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

function fixOf(x: ObservedExchange, stack: string, all: ObservedExchange[] = [x]): Fix | undefined {
  const api = apiProfiles(all).get(API) ?? null;
  return diagnose(x, { api }).causes[0]?.fixes.find((f) => f.stack === stack);
}

/** A preflighted PUT whose answer reflects exactly the headers asked for, as the mirroring defaults do. */
const mirrored = exchange({
  url: `${API}/api/items/1`,
  method: "PUT",
  preflight: {
    status: 200,
    requestHeaders: h(
      "Origin",
      PAGE,
      "Access-Control-Request-Method",
      "PUT",
      "Access-Control-Request-Headers",
      "content-type,x-api-key",
    ),
    headers: h(
      "Access-Control-Allow-Origin",
      PAGE,
      "Access-Control-Allow-Methods",
      "GET, HEAD, POST, PUT",
      "Access-Control-Allow-Headers",
      "content-type,x-api-key",
    ),
  },
});

/** The DELETE the same server refuses: its methods list lacks it. */
const refusedDelete = exchange({
  url: `${API}/api/items/1`,
  method: "DELETE",
  preflight: {
    status: 200,
    requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "DELETE"),
    headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "GET, HEAD, POST, PUT"),
  },
  response: null,
  error: "net::ERR_FAILED",
});

describe("fixes never narrow what the server allowed", () => {
  it("keeps mirrored request headers mirrored (flask-cors, cors, Starlette, rack-cors, nginx) instead of pinning the ones seen", () => {
    const all = [mirrored, refusedDelete];
    const flask = fixOf(refusedDelete, "flask-cors", all);
    expect(flask?.change).toContain('add "DELETE" to `methods`');
    expect(flask?.edits).toEqual([expect.objectContaining({ kind: "add-items", option: "methods" })]);
    // flask-cors' own defaults (allow_headers "*", every method) are kept by leaving them out.
    expect(flask?.snippet).not.toContain("allow_headers");
    expect(flask?.snippet).not.toContain("methods=");
    expect(fixOf(refusedDelete, "fastapi", all)?.snippet).toContain('allow_headers=["*"]');
    expect(fixOf(refusedDelete, "rails", all)?.snippet).toContain("headers: :any");
    expect(fixOf(refusedDelete, "express", all)?.snippet).not.toContain("allowedHeaders");
    expect(fixOf(refusedDelete, "nginx", all)?.snippet).toContain(
      "add_header Access-Control-Allow-Headers $http_access_control_request_headers always;",
    );
  });

  it("keeps every method where the server allowed all (Starlette's `*`)", () => {
    const all = exchange({
      url: `${API}/api/items`,
      method: "POST",
      requestHeaders: h("Origin", PAGE, "Content-Type", "application/json", "X-Trace", "1"),
      preflight: {
        status: 200,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "POST",
          "Access-Control-Request-Headers",
          "content-type,x-trace",
        ),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT",
          "Access-Control-Allow-Headers",
          "content-type, x-trace",
        ),
      },
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "http://localhost:9999") },
    });
    const fastapi = fixOf(all, "fastapi");
    expect(fastapi?.snippet).toContain('allow_methods=["*"]');
    expect(fastapi?.snippet).toContain('allow_headers=["*"]');
    // A wrong answer's origin is not an origin the server allowed: never kept in the fix.
    expect(fastapi?.snippet).not.toContain("localhost:9999");
    expect(fastapi?.snippet).toContain(`allow_origins=["${PAGE}"]`);
  });

  it("never allows an Access-Control-* response header as a request header", () => {
    const sent = exchange({
      method: "GET",
      requestHeaders: h("Origin", PAGE, "Access-Control-Allow-Origin", "*"),
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "GET",
          "Access-Control-Request-Headers",
          "access-control-allow-origin,x-api-key",
        ),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Headers", "content-type"),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    for (const stack of ["express", "nginx", "fastapi", "flask-cors", "generic-headers"]) {
      const fix = fixOf(sent, stack);
      expect(`${fix?.change}\n${fix?.snippet}`.toLowerCase(), stack).not.toContain(
        "access-control-allow-origin,",
      );
      expect(fix?.snippet.toLowerCase() ?? "", stack).not.toMatch(
        /allow-?headers[^\n]*access-control-allow-origin/,
      );
      expect(fix?.change ?? "", stack).toContain("x-api-key");
    }
    // Left out, cors' allowedHeaders answers every header asked for: the change never tells an app
    // without it to write one (which would narrow it to the listed names).
    const express = fixOf(sent, "express");
    expect(express?.edits).toEqual([
      { kind: "add-items", option: "allowedHeaders", items: ['"x-api-key"'], whenAbsent: null },
    ]);
    expect(express?.change).toContain(
      "where `allowedHeaders` is not set, it already allows every header asked for",
    );
  });

  it("turns `*` with credentials into the exact origins and credentials in the existing set-up", () => {
    const star = exchange({
      credentials: "include",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });
    const express = fixOf(star, "express");
    expect(express?.edits).toEqual([
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`],
        // `cors({ credentials: true })` answers `*` with no `origin` written (expressjs/cors#119).
        whenAbsent: `origin: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
    ]);
    expect(express?.change).toContain("replace `*` in `origin`");
    expect(express?.change).toContain(
      `where \`origin\` is not set, \`*\` is the default: add \`origin: ["${PAGE}"]\``,
    );
    expect(fixOf(star, "flask-cors")?.change).toContain("set `supports_credentials` to `True`");
    // A response header holds one origin: `*` is replaced, never given a second value.
    const nginx = fixOf(star, "nginx");
    expect(nginx?.change).toContain(`replace \`*\` in \`Access-Control-Allow-Origin\` with ${PAGE}`);
    expect(nginx?.change).toContain("set `Access-Control-Allow-Credentials` to `true`");
  });

  it("never says no response carried a CORS header when the preflight answered an Allow-Origin (no API profile)", () => {
    const put = exchange({
      url: `${API}/api/items/1`,
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
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
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
      },
    });
    const fix = diagnose(put, { api: null }).causes[0]?.fixes.find((f) => f.stack === "express");
    expect(fix?.change).not.toMatch(/^No response from this server carried a CORS header/);
    expect(fix?.change).toContain("x-api-key");
  });

  it("says to add the whole set-up, with its import, where no response carried a CORS header", () => {
    const bare = exchange({ response: { status: 200, headers: h("Content-Type", "application/json") } });
    const express = fixOf(bare, "express");
    expect(express?.change).toMatch(/^No response from this server carried a CORS header/);
    expect(express?.imports).toEqual([
      { form: "esm", code: 'import cors from "cors";' },
      { form: "cjs", code: 'const cors = require("cors");' },
    ]);
    expect(express?.snippet).not.toContain("require(");
  });
});

describe("the server's own mistake, from the evidence", () => {
  it("recognises Express's automatic OPTIONS answer: cors() did not run before the route", () => {
    const x = exchange({
      method: "PUT",
      preflight: {
        status: 200,
        requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "PUT"),
        headers: h("X-Powered-By", "Express", "Allow", "GET,HEAD,PUT", "Content-Type", "text/html"),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const cause = diagnose(x).causes[0];
    expect(cause?.message).toContain("Express answered the preflight itself (`Allow: GET,HEAD,PUT`");
    expect(cause?.message).toContain("`cors()` runs after the route that answered");
    const fix = cause?.fixes.find((f) => f.stack === "express");
    expect(fix?.edits).toEqual([{ kind: "move", statement: "cors(", after: "const app = express()" }]);
  });

  it("blames authentication only with WWW-Authenticate, and speaks of preflights only for one", () => {
    const simple = (headers: string[]) =>
      diagnose(exchange({ response: { status: 403, headers: h(...headers) } })).causes[0]?.message ?? "";
    const plain = simple(["Content-Type", "application/json"]);
    expect(plain).toContain("Something answered 403 before any CORS header was added");
    expect(plain).not.toContain("authentication answered");
    expect(plain).not.toContain("preflight");
    expect(simple(["WWW-Authenticate", "Bearer"])).toContain(
      "The 403 came with `WWW-Authenticate`: authentication answered before CORS.",
    );
  });

  it("says nothing of the server's own error where Starlette's rejection is recognised", () => {
    const x = exchange({
      method: "POST",
      requestHeaders: h("Origin", PAGE, "Content-Type", "application/json"),
      preflight: {
        status: 400,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "POST",
          "Access-Control-Request-Headers",
          "content-type",
        ),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET",
          "Access-Control-Max-Age",
          "600",
          "Access-Control-Allow-Headers",
          "content-type",
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const message = diagnose(x).causes[0]?.message ?? "";
    expect(message).toContain("POST is not in allow_methods");
    expect(message).not.toContain("server's own");
  });
});

describe("every layer the response shows", () => {
  it("puts the proxy's fix first for a duplicate Access-Control-Allow-Origin behind nginx, and names both layers", () => {
    const x = exchange({
      response: {
        status: 200,
        headers: h(
          "Server",
          "nginx/1.22.1",
          "X-Powered-By",
          "Express",
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Origin",
          PAGE,
        ),
      },
    });
    const cause = diagnose(x).causes[0];
    expect(cause?.code).toBe("multiple-allow-origin");
    expect(cause?.message).toContain("Two layers answered: nginx (its `Server` header) in front of express");
    expect(cause?.fixes[0]?.stack).toBe("nginx");
    expect(cause?.fixes[0]?.snippet).toContain("proxy_hide_header Access-Control-Allow-Origin;");
  });
});
