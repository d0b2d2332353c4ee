/**
 * aiohttp-cors and gorilla/handlers: their rejections recognised, and their fixes an edit of the
 * set-up the user has (never narrower) or a set-up that is paste-safe.
 */
import { describe, expect, it } from "vitest";
import { apiProfiles, diagnose, type Fix, type ObservedExchange } from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

const asks = (method: string, headers = "") =>
  h(
    "Origin",
    PAGE,
    "Access-Control-Request-Method",
    method,
    ...(headers ? ["Access-Control-Request-Headers", headers] : []),
  );

const AIOHTTP = "Python/3.11 aiohttp/3.8.4";

/** aiohttp-cors 0.7.0 refusing a header, as the real server answered (curl). */
function aiohttpRefused(method: string, headers: string): ObservedExchange {
  return exchange({
    url: `${API}/api/items/1`,
    method,
    preflight: {
      status: 403,
      requestHeaders: asks(method, headers),
      headers: h("Content-Type", "text/plain; charset=utf-8", "Content-Length", "65", "Server", AIOHTTP),
    },
    response: null,
    error: "net::ERR_FAILED",
  });
}

/** An allowed aiohttp-cors preflight: it echoes the one method and the headers asked for. */
const aiohttpAllowed = exchange({
  url: `${API}/api/items`,
  method: "POST",
  preflight: {
    status: 200,
    requestHeaders: asks("POST", "content-type"),
    headers: h(
      "Access-Control-Allow-Origin",
      PAGE,
      "Access-Control-Allow-Methods",
      "POST",
      "Access-Control-Allow-Headers",
      "CONTENT-TYPE",
      "Server",
      AIOHTTP,
    ),
  },
  response: { status: 201, headers: h("Access-Control-Allow-Origin", PAGE, "Server", AIOHTTP) },
});

/** gorilla/handlers 1.5.1's bare refusal: a status, Date and Content-Length: 0. */
function gorillaRefused(method: string, headers: string, status: 403 | 405): ObservedExchange {
  return exchange({
    url: `${API}/api/items/1`,
    method,
    preflight: {
      status,
      requestHeaders: asks(method, headers),
      headers: h("Date", "Fri, 04 Dec 2026 23:00:00 GMT", "Content-Length", "0"),
    },
    response: null,
    error: "net::ERR_FAILED",
  });
}

/** A simple GET gorilla/handlers allowed: the set-up exists. */
const gorillaAllowed = exchange({
  url: `${API}/api/items`,
  response: {
    status: 200,
    headers: h("Access-Control-Allow-Origin", PAGE, "Content-Type", "application/json"),
  },
});

function fixOf(x: ObservedExchange, stack: string, all: ObservedExchange[] = [x]): Fix | undefined {
  const api = apiProfiles(all).get(API) ?? null;
  return diagnose(x, { api }).causes[0]?.fixes.find((f) => f.stack === stack);
}

describe("aiohttp-cors", () => {
  it("is told from Server: … aiohttp/…, and its 403 named as its own refusal, not authentication", () => {
    const x = aiohttpRefused("PUT", "content-type,x-api-key");
    const d = diagnose(x, { api: apiProfiles([aiohttpAllowed, x]).get(API) ?? null });
    expect(d.server).toMatchObject({ stack: "aiohttp-cors", confidence: "certain" });
    expect(d.causes[0]?.message).toContain("aiohttp-cors rejected the preflight");
    expect(d.causes[0]?.message).toContain("(content-type, x-api-key) is not in allow_headers");
    expect(d.causes[0]?.message).not.toMatch(/authentication|CSRF/);
    expect(d.causes[0]?.fixes[0]?.stack).toBe("aiohttp-cors");
    expect(detectServer403(aiohttpAllowed)).toBe("aiohttp-cors");
  });

  it("an authentication layer's 403 (WWW-Authenticate) is not read as aiohttp-cors's", () => {
    const x = exchange({
      method: "PUT",
      preflight: {
        status: 403,
        requestHeaders: asks("PUT", "x-api-key"),
        headers: h(
          "Content-Type",
          "text/plain; charset=utf-8",
          "Content-Length",
          "40",
          "WWW-Authenticate",
          "Bearer",
          "Server",
          AIOHTTP,
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(diagnose(x).causes[0]?.message).not.toContain("aiohttp-cors rejected");
  });

  it("adds the refused header to allow_headers of the ResourceOptions; an absent option is written, not mirrored", () => {
    const x = aiohttpRefused("PUT", "content-type,x-api-key");
    const fix = fixOf(x, "aiohttp-cors", [aiohttpAllowed, x]);
    // This preflight's own refused names are added (its 403 allowed none of them).
    expect(fix?.change).toContain('add "content-type", "x-api-key" to `allow_headers`');
    expect(fix?.change).toContain("`aiohttp_cors.ResourceOptions(…)`");
    expect(fix?.edits).toContainEqual({
      kind: "add-items",
      option: "allow_headers",
      items: ['"content-type"', '"x-api-key"'],
      whenAbsent: 'allow_headers=["content-type", "x-api-key"]',
    });
    // Left out, allow_methods allows only the routes' own methods: an absent one is written with PUT.
    expect(fix?.edits).toContainEqual({
      kind: "add-items",
      option: "allow_methods",
      items: ['"PUT"'],
      whenAbsent: 'allow_methods=["PUT"]',
    });
  });

  it("adds a refused method to allow_methods", () => {
    const x = aiohttpRefused("DELETE", "");
    const fix = fixOf(x, "aiohttp-cors", [aiohttpAllowed, x]);
    expect(diagnose(x).causes[0]?.message).toContain("the method (DELETE) is not in allow_methods");
    expect(fix?.edits).toContainEqual(
      expect.objectContaining({ kind: "add-items", option: "allow_methods", items: ['"DELETE"'] }),
    );
  });

  it("a preflight answered by an auth middleware: the change inserts a middleware above aiohttp_cors.setup, the set-up untouched", () => {
    const x = exchange({
      url: `${API}/api/items/1`,
      method: "PUT",
      preflight: {
        status: 401,
        requestHeaders: asks("PUT", "content-type,x-api-key"),
        headers: h("Content-Type", "application/json; charset=utf-8", "Server", AIOHTTP),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const fix = fixOf(x, "aiohttp-cors", [aiohttpAllowed, x]);
    expect(fix?.change).toContain("just above your `aiohttp_cors.setup(…)` call");
    expect(fix?.edits).toEqual([expect.objectContaining({ kind: "insert", before: "aiohttp_cors.setup(" })]);
    const edit = fix?.edits?.[0];
    expect(edit && "code" in edit ? edit.code : "").toContain(
      "app.middlewares.insert(0, cors_preflight_first)",
    );
    expect(fix?.imports).toContainEqual({ form: null, code: "from aiohttp import web" });
  });

  it("a snippet that is paste-safe: imports apart, resources with an OPTIONS route left alone", () => {
    const x = aiohttpRefused("PUT", "content-type,x-api-key");
    const fix = fixOf(x, "aiohttp-cors", [aiohttpAllowed, x]);
    expect(fix?.imports).toEqual([{ form: null, code: "import aiohttp_cors" }]);
    expect(fix?.snippet).not.toMatch(/^\s*(import|from) /m);
    expect(fix?.snippet).toContain(`"${PAGE}": aiohttp_cors.ResourceOptions(`);
    expect(fix?.snippet).toContain('if not any(route.method == "OPTIONS" for route in resource):');
    // aiohttp-cors answers exactly the headers asked for, which reads as mirroring: kept as "*".
    expect(fix?.snippet).toContain('allow_headers="*"');
    expect(fix?.snippet).toContain('allow_methods=["GET", "HEAD", "POST", "PUT"]');
  });
});

function detectServer403(x: ObservedExchange): string | undefined {
  return diagnose(x).server?.stack;
}

describe("gorilla/handlers", () => {
  it("names its bare 405 as AllowedMethods refusing the method", () => {
    const x = gorillaRefused("DELETE", "", 405);
    const d = diagnose(x);
    expect(d.server).toMatchObject({ stack: "gorilla-handlers", confidence: "certain" });
    expect(d.causes[0]?.message).toContain("DELETE is not in AllowedMethods");
    expect(d.causes[0]?.fixes[0]?.stack).toBe("gorilla-handlers");
    const fix = fixOf(x, "gorilla-handlers", [gorillaAllowed, x]);
    expect(fix?.edits).toContainEqual(
      expect.objectContaining({
        kind: "add-items",
        option: "AllowedMethods",
        items: ['"DELETE"'],
        // AllowedMethods replaces GET, HEAD, POST: an absent option keeps them.
        whenAbsent: 'handlers.AllowedMethods([]string{"GET", "HEAD", "POST", "DELETE"})',
      }),
    );
  });

  it("names its bare 403 as AllowedHeaders refusing a header; AllowedHeaders appends, so an absent one names only the new", () => {
    const x = gorillaRefused("PUT", "content-type,x-api-key", 403);
    expect(diagnose(x).causes[0]?.message).toContain("is not in AllowedHeaders");
    const fix = fixOf(x, "gorilla-handlers", [gorillaAllowed, x]);
    expect(fix?.edits).toContainEqual(
      expect.objectContaining({
        kind: "add-items",
        option: "AllowedHeaders",
        whenAbsent: 'handlers.AllowedHeaders([]string{"content-type", "x-api-key"})',
      }),
    );
  });

  it("replaces * in AllowedOrigins for credentials; the snippet is one expression that wraps the router", () => {
    const me = exchange({
      url: `${API}/api/me`,
      credentials: "include",
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true"),
      },
      error: "net::ERR_FAILED",
    });
    const fix = fixOf(me, "gorilla-handlers");
    expect(fix?.edits).toContainEqual({
      kind: "replace-item",
      option: "AllowedOrigins",
      item: '"*"',
      by: [JSON.stringify(PAGE)],
      whenAbsent: `handlers.AllowedOrigins([]string{${JSON.stringify(PAGE)}})`,
    });
    expect(fix?.imports).toEqual([{ form: null, code: 'import "github.com/gorilla/handlers"' }]);
    const code = (fix?.snippet ?? "").split("\n").filter((l) => !l.startsWith("//"));
    expect(code[0]).toBe("handlers.CORS(");
    expect(code.at(-1)).toBe(")");
    expect(fix?.snippet).toContain(`handlers.AllowedOrigins([]string{"${PAGE}"})`);
    expect(fix?.snippet).toContain("handlers.AllowCredentials()");
    // gorilla/handlers caps MaxAge at 600 s.
    expect(fix?.snippet).toContain("handlers.MaxAge(600)");
  });
});

describe("PHP header()", () => {
  const PHP = "PHP/8.2.36";
  const allowed = exchange({
    url: `${API}/api/items`,
    response: {
      status: 200,
      headers: h("X-Powered-By", PHP, "Access-Control-Allow-Origin", PAGE, "Vary", "Origin"),
    },
  });
  const refused = exchange({
    url: `${API}/api/items/1`,
    method: "PUT",
    preflight: {
      status: 204,
      requestHeaders: asks("PUT", "content-type,x-api-key"),
      headers: h(
        "X-Powered-By",
        PHP,
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "GET, POST, PUT, PATCH, DELETE",
        "Access-Control-Allow-Headers",
        "Content-Type, X-Trace-Id",
      ),
    },
    response: null,
    error: "net::ERR_FAILED",
  });

  it("is told from X-Powered-By: PHP/…, and its fix extends the header() line at fault", () => {
    const d = diagnose(refused, { api: apiProfiles([allowed, refused]).get(API) ?? null });
    expect(d.server).toMatchObject({ stack: "php", confidence: "likely" });
    const fix = d.causes[0]?.fixes[0];
    expect(fix?.stack).toBe("php");
    expect(fix?.change).toContain("add x-api-key to `Access-Control-Allow-Headers`");
    expect(fix?.edits).toEqual([
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ]);
  });

  it("a snippet that declares nothing (pasted twice, header() replaces each header) and answers preflights before auth", () => {
    const fix = fixOf(refused, "php", [allowed, refused]);
    const code = (fix?.snippet ?? "").split("\n").filter((l) => !l.startsWith("//"));
    expect(code.join("\n")).not.toMatch(/\bfunction\b|\bclass\b|<\?php|\?>/);
    expect(code).toContain("    header('Access-Control-Allow-Origin: ' . $cors_origin);");
    expect(code).toContain("    http_response_code(204);");
    expect(fix?.snippet).toContain(`in_array($cors_origin, ['${PAGE}'], true)`);
    expect(fix?.imports).toEqual([]);
  });
});

describe("Laravel config/cors.php (written from source, not run by the fix suite)", () => {
  const refused = exchange({
    url: `${API}/api/items/1`,
    method: "DELETE",
    preflight: {
      status: 204,
      requestHeaders: asks("DELETE"),
      headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "GET, POST, PUT"),
    },
    response: null,
    error: "net::ERR_FAILED",
  });
  const allowed = exchange({
    url: `${API}/api/items`,
    response: {
      status: 200,
      headers: h("Access-Control-Allow-Origin", PAGE, "Set-Cookie", "laravel_session=abc; path=/; httponly"),
    },
  });

  it("is told from its session cookie; the change adds the method to allowed_methods in PHP's syntax", () => {
    expect(diagnose(allowed).server).toMatchObject({ stack: "laravel", confidence: "likely" });
    const fix = fixOf(refused, "laravel", [allowed, refused]);
    expect(fix?.change).toContain("In config/cors.php, add 'DELETE' to `allowed_methods`");
    // A key left out is [] in fruitcake/php-cors: written with the new item alone, never narrower.
    expect(fix?.edits).toContainEqual({
      kind: "add-items",
      option: "allowed_methods",
      items: ["'DELETE'"],
      whenAbsent: "'allowed_methods' => ['DELETE'],",
    });
    expect(fix?.verified).toBeNull();
    expect(fix?.where).toContain("has not run it");
  });

  it("the snippet is the whole file, valid PHP arrays with the page's origins and methods", () => {
    const fix = fixOf(refused, "laravel", [allowed, refused]);
    const text = fix?.snippet ?? "";
    expect(text.startsWith("<?php\n")).toBe(true);
    expect(text).toContain(`'allowed_origins' => ['${PAGE}'],`);
    expect(text).toContain("'allowed_methods' => ['GET', 'HEAD', 'POST', 'DELETE', 'PUT'],");
    expect(text.trimEnd().endsWith("];")).toBe(true);
  });
});
