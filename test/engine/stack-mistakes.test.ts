/**
 * The server's own mistake named from its evidence, and a fix that does what its words say, for
 * three real reports: flask-cors#145 (a string `allow_headers` is one regular expression),
 * cyu/rack-cors#129 (a method outside `methods:` gets a bare 200) and caddyserver/caddy#1568
 * (basicauth refuses the preflight before `handle` runs). The responses are as the real servers
 * answered them (Debian's flask-cors 3.0.10, rack-cors 1.1.1 under puma, Caddy 2.6).
 */
import { describe, expect, it } from "vitest";
import { apiProfiles, diagnose, type ObservedExchange } from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

function diagnosed(x: ObservedExchange, all: ObservedExchange[] = [x], lang: "en" | "ko" = "en") {
  const api = apiProfiles(all).get(API) ?? null;
  return diagnose(x, { api, lang }).causes[0];
}

const WERKZEUG = "Werkzeug/2.2.2 Python/3.11.2";

/** flask-cors with `allow_headers='Origin, Content-Type, Accept, Authorization, X-Request-With'`. */
function flaskPreflight(allowHeaders: string | null) {
  return exchange({
    url: `${API}/api/items/1`,
    method: "PUT",
    requestHeaders: h("Origin", PAGE, "Content-Type", "application/json", "Authorization", "Bearer t"),
    preflight: {
      status: 200,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        "PUT",
        "Access-Control-Request-Headers",
        "authorization,content-type",
      ),
      headers: h(
        "Server",
        WERKZEUG,
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Credentials",
        "true",
        "Access-Control-Allow-Methods",
        "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT",
        ...(allowHeaders === null ? [] : ["Access-Control-Allow-Headers", allowHeaders]),
        "Vary",
        "Origin",
      ),
    },
    response: null,
    error: "net::ERR_FAILED",
  });
}

describe("flask-cors: a string allow_headers is one regular expression (flask-cors#145)", () => {
  it("says so where flask-cors answered without Access-Control-Allow-Headers though names were asked", () => {
    const cause = diagnosed(flaskPreflight(null));
    expect(cause?.code).toBe("header-not-allowed");
    expect(cause?.message).toContain("one regular expression to flask-cors");
    expect(cause?.message).toContain("allow_headers");
    expect(diagnosed(flaskPreflight(null), undefined, "ko")?.message).toContain("정규 표현식 하나");
  });

  it("says nothing of it where flask-cors listed some of the names (allow_headers is a list)", () => {
    const cause = diagnosed(flaskPreflight("content-type"));
    expect(cause?.code).toBe("header-not-allowed");
    expect(cause?.message).not.toContain("regular expression");
  });

  it("the change turns a string into a list of its names before adding, and the edit says so", () => {
    const fix = diagnosed(flaskPreflight(null))?.fixes.find((f) => f.stack === "flask-cors");
    expect(fix?.change).toContain("one regular expression");
    expect(fix?.change).toContain("make it a list of the string's names");
    expect(fix?.edits).toEqual([
      expect.objectContaining({ kind: "add-items", option: "allow_headers", listFromString: true }),
    ]);
    // Other stacks' comma-joined strings are lists already: their edits stay plain.
    const express = diagnosed(flaskPreflight(null))?.fixes.find((f) => f.stack === "express");
    expect(express?.edits?.[0]).not.toHaveProperty("listFromString");
  });
});

/** rack-cors 1.1.1 with `methods: :all`: simple answers list `ALL`, every preflight gets a bare 200. */
const rackSimple = exchange({
  url: `${API}/api/items`,
  response: {
    status: 200,
    headers: h(
      "Access-Control-Allow-Origin",
      "*",
      "Access-Control-Allow-Methods",
      "ALL",
      "Access-Control-Expose-Headers",
      "",
      "Access-Control-Max-Age",
      "7200",
      "Vary",
      "Origin",
    ),
  },
});
function rackDelete(preflightHeaders: Array<[string, string]> = []) {
  return exchange({
    url: `${API}/api/items/1`,
    method: "DELETE",
    preflight: { status: 200, headers: preflightHeaders },
    response: null,
    error: "net::ERR_FAILED",
  });
}

describe("rack-cors: a method not in `methods:` gets a bare 200 preflight (cyu/rack-cors#129)", () => {
  it("names the method missing from the methods the API's other answers list, and `:all`", () => {
    const x = rackDelete();
    const cause = diagnosed(x, [rackSimple, x]);
    expect(cause?.code).toBe("missing-allow-origin");
    expect(cause?.message).toContain("without `DELETE`");
    expect(cause?.message).toContain("not in its `methods:`");
    expect(cause?.message).toContain("`methods: :any` allows every method");
    expect(diagnosed(x, [rackSimple, x], "ko")?.message).toContain("`methods:`에 없는 메서드");
  });

  it("says nothing of it without the API's other answers, or where the preflight carried a CORS header", () => {
    expect(diagnosed(rackDelete())?.message).not.toContain("methods:");
    const varied = rackDelete([["Vary", "Origin"]]);
    expect(diagnosed(varied, [rackSimple, varied])?.message).not.toContain("methods:");
    // Express's automatic OPTIONS answer (the route exists, no CORS ran for it) says `Allow`.
    const express = rackDelete([["Allow", "GET,HEAD,PUT"]]);
    expect(diagnosed(express, [rackSimple, express])?.message).not.toContain("methods:");
    const listed = exchange({
      url: `${API}/api/items`,
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "GET, DELETE"),
      },
    });
    const x = rackDelete();
    expect(diagnosed(x, [listed, x])?.message).not.toContain("methods:");
  });
});

describe("Caddy: basicauth refuses the preflight before handle runs (caddyserver/caddy#1568)", () => {
  const x = exchange({
    url: `${API}/api/items`,
    requestHeaders: h("Origin", PAGE, "Authorization", "Basic dXNlcjpwYXNz"),
    preflight: {
      status: 401,
      headers: h(
        "Server",
        "Caddy",
        "Access-Control-Allow-Origin",
        PAGE,
        "Www-Authenticate",
        'Basic realm="restricted"',
      ),
    },
    response: null,
    error: "net::ERR_FAILED",
  });

  it("tells to give basicauth a matcher that skips OPTIONS, and sets Allow-Origin where errors keep it", () => {
    const cause = diagnosed(x);
    expect(cause?.code).toBe("preflight-status-not-ok");
    const fix = cause?.fixes.find((f) => f.stack === "caddy");
    expect(fix?.snippet).toContain("#   basicauth @cors_authed {");
    expect(fix?.snippet).toContain("#       not method OPTIONS");
    // Not deferred: basicauth's 401 is an error, which deferred header changes never reach.
    expect(fix?.snippet).toMatch(/^header Access-Control-Allow-Origin "http:\/\/localhost:5173"$/m);
  });

  it("says nothing of basicauth where the 401 carried no WWW-Authenticate (a `respond 401`)", () => {
    const plain = exchange({
      url: `${API}/api/items`,
      requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
      preflight: { status: 401, headers: h("Server", "Caddy", "Access-Control-Allow-Origin", PAGE) },
      response: null,
      error: "net::ERR_FAILED",
    });
    const fix = diagnosed(plain)?.fixes.find((f) => f.stack === "caddy");
    expect(fix?.snippet).toContain("handle @cors_preflight {");
    expect(fix?.snippet).not.toContain("basicauth @cors_authed");
  });
});

describe("Spring and ASP.NET (written from their documentation, not run here) never narrow", () => {
  /** A PUT whose preflight answer mirrored the headers asked for; GET and POST need no preflight. */
  const put = exchange({
    url: `${API}/api/items/1`,
    method: "PUT",
    requestHeaders: h("Origin", PAGE, "Content-Type", "application/json"),
    preflight: {
      status: 200,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        "PUT",
        "Access-Control-Request-Headers",
        "content-type,x-trace",
      ),
      headers: h(
        "Access-Control-Allow-Origin",
        "http://other.example",
        "Access-Control-Allow-Methods",
        "PUT",
        "Access-Control-Allow-Headers",
        "content-type,x-trace",
      ),
    },
    response: null,
    error: "net::ERR_FAILED",
  });

  it("Spring keeps GET, HEAD and POST in allowedMethods (checked on actual requests) and the default of every header", () => {
    const fix = diagnosed(put)?.fixes.find((f) => f.stack === "spring");
    expect(fix?.snippet).toContain('.allowedMethods("GET", "HEAD", "POST", "PUT")');
    expect(fix?.snippet).not.toContain(".allowedHeaders(");
    expect(fix?.verified ?? null).toBeNull();
  });

  it("ASP.NET keeps a mirrored header list mirrored (AllowAnyHeader)", () => {
    const fix = diagnosed(put)?.fixes.find((f) => f.stack === "aspnet");
    expect(fix?.snippet).toContain(".AllowAnyHeader()");
    expect(fix?.snippet).not.toContain(".WithHeaders(");
    expect(fix?.verified ?? null).toBeNull();
  });
});
