import { describe, expect, it } from "vitest";
import { detectServer, diagnose } from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

const asks = (method: string, headers = "") =>
  h(
    "Origin",
    PAGE,
    "Access-Control-Request-Method",
    method,
    ...(headers ? ["Access-Control-Request-Headers", headers] : []),
  );

describe("the server told from the evidence", () => {
  it("reads Server and X-Powered-By, the app's own header first", () => {
    const behindNginx = exchange({
      response: {
        status: 200,
        headers: h("Server", "nginx/1.22.1", "X-Powered-By", "Express", "Access-Control-Allow-Origin", PAGE),
      },
    });
    expect(detectServer(behindNginx)).toMatchObject({ stack: "express", confidence: "certain" });
    const caddy = exchange({ response: { status: 200, headers: h("Server", "Caddy") } });
    expect(detectServer(caddy)).toMatchObject({
      stack: "caddy",
      confidence: "likely",
      basis: "Server: Caddy",
    });
    expect(detectServer(exchange())).toBeNull();
  });

  it("Apache httpd is `Apache` or `Apache/…`, not Tomcat's `Apache-Coyote/1.1`", () => {
    const server = (value: string) =>
      detectServer(exchange({ response: { status: 200, headers: h("Server", value) } }));
    expect(server("Apache/2.4.57 (Debian)")?.stack).toBe("apache");
    expect(server("Apache")?.stack).toBe("apache");
    expect(server("Apache-Coyote/1.1")).toBeNull();
  });

  it("recognises Starlette's 400: the CORS layer refused the method, not a server error", () => {
    const x = exchange({
      url: `${API}/api/items/1`,
      method: "DELETE",
      preflight: {
        status: 400,
        requestHeaders: asks("DELETE"),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET, POST, PUT",
          "Access-Control-Max-Age",
          "600",
          "content-type",
          "text/plain; charset=utf-8",
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const d = diagnose(x);
    expect(d.server).toMatchObject({ stack: "fastapi", confidence: "certain" });
    expect(d.causes[0]?.code).toBe("preflight-status-not-ok");
    expect(d.causes[0]?.message).toContain("Starlette's CORSMiddleware rejected the preflight");
    expect(d.causes[0]?.message).toContain("DELETE is not in allow_methods");
    // Its fix comes first and aims at the methods, not at "error responses".
    expect(d.causes[0]?.fixes[0]?.stack).toBe("fastapi");
    expect(d.causes[0]?.fixes[0]?.snippet).toContain("Allow DELETE");
  });

  it("recognises rs/cors' bare preflight answer", () => {
    const x = exchange({
      method: "PUT",
      preflight: {
        status: 200,
        requestHeaders: asks("PUT", "x-api-key"),
        headers: h(
          "Vary",
          "Origin",
          "Vary",
          "Access-Control-Request-Method",
          "Vary",
          "Access-Control-Request-Headers",
          "Content-Length",
          "0",
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const d = diagnose(x);
    expect(d.server).toMatchObject({ stack: "go-rs-cors", confidence: "certain" });
    expect(d.causes[0]?.code).toBe("missing-allow-origin");
    expect(d.causes[0]?.message).toContain("rs/cors rejected the preflight");
  });

  it("tells the seed's hand-written middleware from django-cors-headers", () => {
    const methods = "DELETE, GET, OPTIONS, PATCH, POST, PUT";
    const preflight = {
      status: 200,
      requestHeaders: asks("PUT"),
      headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", methods),
    };
    const library = exchange({ method: "PUT", preflight });
    const seed = exchange({
      method: "PUT",
      preflight,
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", methods),
      },
    });
    expect(detectServer(library)?.stack).toBe("django-cors-headers");
    expect(detectServer(seed)?.stack).toBe("django");
  });
});

describe("which server, from each signature", () => {
  const answered = (...headers: string[]) => exchange({ response: { status: 200, headers: h(...headers) } });

  it.each([
    ["nginx/1.25.3", "nginx"],
    ["Apache/2.4.57 (Debian)", "apache"],
    ["Caddy", "caddy"],
    ["uvicorn", "fastapi"],
    ["hypercorn-h11", "fastapi"],
    ["Werkzeug/3.0.1 Python/3.12.1", "flask-cors"],
    ["WSGIServer/0.2 CPython/3.12.1", "django-cors-headers"],
    ["WEBrick/1.8.1 (Ruby/3.2.2/2023-03-30)", "rails"],
    ["Puma 6", "rails"],
    ["Kestrel", "aspnet"],
    ["Python/3.11 aiohttp/3.8.4", "aiohttp-cors"],
  ])("Server: %s is %s, likely", (server, stack) => {
    expect(detectServer(answered("Server", server))).toEqual({
      stack,
      confidence: "likely",
      basis: `Server: ${server}`,
    });
  });

  it("reads a Server name only at the start, as a whole word", () => {
    for (const server of ["my-nginx", "nginxish", "gunicorn", "Apaches"]) {
      expect(detectServer(answered("Server", server)), server).toBeNull();
    }
  });

  it("S3, Express, Laravel's session cookie, PHP and Django's defaults", () => {
    expect(detectServer(answered("Server", "AmazonS3"))).toEqual({
      stack: "s3",
      confidence: "certain",
      basis: "Server: AmazonS3",
    });
    expect(detectServer(answered("X-Powered-By", "Express", "Server", "AmazonS3"))?.stack).toBe("s3");
    expect(detectServer(answered("X-Powered-By", "Express"))).toEqual({
      stack: "express",
      confidence: "certain",
      basis: "X-Powered-By: Express",
    });
    expect(
      detectServer(answered("Set-Cookie", "laravel_session=abc; path=/", "X-Powered-By", "PHP/8.2.1")),
    ).toEqual({
      stack: "laravel",
      confidence: "likely",
      basis: "Set-Cookie: laravel_session=…",
    });
    expect(detectServer(answered("Set-Cookie", "session=abc", "X-Powered-By", "PHP/8.2.1"))).toEqual({
      stack: "php",
      confidence: "likely",
      basis: "X-Powered-By: PHP/8.2.1",
    });
    expect(detectServer(answered("X-Powered-By", "ASP.NET"))).toBeNull();
    const django = [
      "X-Frame-Options",
      "DENY",
      "X-Content-Type-Options",
      "nosniff",
      "Referrer-Policy",
      "same-origin",
    ];
    expect(detectServer(answered(...django))).toMatchObject({
      stack: "django-cors-headers",
      confidence: "likely",
      basis: "Django's default security headers (X-Frame-Options: DENY, Referrer-Policy: same-origin)",
    });
    expect(detectServer(answered(...django.slice(0, 4), "Referrer-Policy", "no-referrer"))).toBeNull();
  });

  it("a gorilla/handlers bare 405 or 403, and not when Vary or another header is there", () => {
    const bare = (status: number, ...headers: string[]) =>
      exchange({
        method: "PUT",
        preflight: {
          status,
          requestHeaders: asks("PUT"),
          headers: h("Date", "x", "Content-Length", "0", ...headers),
        },
        response: null,
        error: "net::ERR_FAILED",
      });
    expect(detectServer(bare(405))).toMatchObject({
      stack: "gorilla-handlers",
      confidence: "certain",
      basis:
        "a bare 405 preflight answer (only Date and Content-Length: 0), as gorilla/handlers' CORS sends when it says no",
    });
    expect(detectServer(bare(403))?.stack).toBe("gorilla-handlers");
    expect(detectServer(bare(404))).toBeNull();
    expect(detectServer(bare(405, "Vary", "Origin"))).toBeNull();
    expect(detectServer(bare(405, "Content-Type", "text/plain"))).toBeNull();
    const d = diagnose(bare(405));
    expect(d.causes[0]?.message).toContain(
      "gorilla/handlers' CORS rejected the preflight with a bare 405: PUT is not in AllowedMethods",
    );
    const headers = diagnose(
      exchange({
        method: "PUT",
        requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
        preflight: {
          status: 403,
          requestHeaders: asks("PUT", "x-api-key"),
          headers: h("Content-Length", "0"),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    );
    expect(headers.causes[0]?.message).toContain(
      "gorilla/handlers' CORS rejected the preflight with a bare 403: a requested header (x-api-key) is not in AllowedHeaders",
    );
  });

  it("rs/cors with another header beside its Vary is likely, not certain, and its refusal names the method", () => {
    const vary = ["Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"];
    const rs = (status: number, method: string, ...more: string[]) =>
      exchange({
        method,
        preflight: { status, requestHeaders: asks(method), headers: h(...vary, ...more) },
        response: null,
        error: "net::ERR_FAILED",
      });
    expect(detectServer(rs(204, "PUT", "Server", "x"))).toMatchObject({
      stack: "go-rs-cors",
      confidence: "likely",
    });
    expect(detectServer(rs(204, "PUT"))?.basis).toBe(
      "a 204 preflight answer with Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers and nothing else (rs/cors saying no)",
    );
    expect(detectServer(rs(403, "PUT"))).toBeNull();
    expect(diagnose(rs(204, "PUT")).causes[0]?.message).toContain(
      "rs/cors rejected the preflight: it answered 204 with only Vary and no CORS header, as it does when the origin, the method (PUT) or a header is not in its Allowed* options (AllowedMethods defaults to GET, POST, HEAD only).",
    );
    expect(diagnose(rs(200, "POST")).causes[0]?.message).toContain("is not in its Allowed* options.");
  });

  it("Starlette's 400 names the origin, the method or the headers it refused", () => {
    const starlette = (allow: string[], method = "PUT", asked = "") =>
      diagnose(
        exchange({
          method,
          requestHeaders: h("Origin", PAGE, ...(asked ? ["X-Api-Key", "k"] : [])),
          preflight: {
            status: 400,
            requestHeaders: asks(method, asked),
            headers: h("Access-Control-Max-Age", "600", ...allow),
          },
          response: null,
          error: "net::ERR_FAILED",
        }),
      ).causes[0]?.message;
    expect(starlette(["Access-Control-Allow-Methods", "GET"])).toContain(
      `Starlette's CORSMiddleware rejected the preflight (400 "Disallowed CORS origin"): ${PAGE} is not in allow_origins.`,
    );
    const withOrigin = ["Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "GET, PUT"];
    expect(starlette(withOrigin, "PUT", "x-api-key")).toContain(
      `Starlette's CORSMiddleware rejected the preflight (400 "Disallowed CORS headers"): x-api-key not in allow_headers.`,
    );
    expect(
      starlette(["Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "*"], "PATCH"),
    ).not.toContain("Disallowed CORS method");
    expect(
      starlette(
        [
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET, PUT",
          "Access-Control-Allow-Headers",
          "X-Api-Key",
        ],
        "PUT",
        "x-api-key",
      ),
    ).not.toContain("Starlette");
  });

  it("Express's own answer to OPTIONS: cors() did not run for that path", () => {
    const x = exchange({
      method: "PUT",
      preflight: {
        status: 200,
        requestHeaders: asks("PUT"),
        headers: h("X-Powered-By", "Express", "Allow", "GET,HEAD,PUT"),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const d = diagnose(x);
    expect(d.server).toMatchObject({ stack: "express", confidence: "certain" });
    expect(d.causes[0]?.message).toContain(
      "Express answered the preflight itself (`Allow: GET,HEAD,PUT` and no CORS header), as it does when no middleware ended the OPTIONS request",
    );
    const withCors = exchange({
      method: "PUT",
      preflight: {
        status: 204,
        requestHeaders: asks("PUT"),
        headers: h(
          "X-Powered-By",
          "Express",
          "Allow",
          "GET",
          "Access-Control-Allow-Origin",
          "http://other.test",
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(diagnose(withCors).causes[0]?.message).not.toContain("Express answered the preflight itself");
    const refused = { ...x, preflight: x.preflight && { ...x.preflight, status: 404 } };
    expect(diagnose(refused).causes[0]?.message).not.toContain("Express answered the preflight itself");
  });
});

describe("which server, the signatures' edges", () => {
  const preflighted = (status: number, ...headers: string[]) =>
    exchange({
      method: "PUT",
      preflight: { status, requestHeaders: asks("PUT"), headers: h(...headers) },
      response: null,
      error: "net::ERR_FAILED",
    });

  it("reads X-Powered-By, S3's Server and Laravel's cookie only at their start", () => {
    const said = (...headers: string[]) =>
      detectServer(exchange({ response: { status: 200, headers: h(...headers) } }));
    expect(said("X-Powered-By", "NotExpress")).toBeNull();
    expect(said("X-Powered-By", "Zend PHP/8.2")).toBeNull();
    expect(said("Server", "MinIO AmazonS3-compatible")).toBeNull();
    expect(said("Set-Cookie", "old_laravel_session=1")).toBeNull();
  });

  it("reads the Server value trimmed", () => {
    const x = exchange({ response: { status: 200, headers: h("Server", "  nginx/1.25.3 ") } });
    expect(detectServer(x)?.basis).toBe("Server: nginx/1.25.3");
  });

  it("an ordinary preflight answer varying on Origin is no rs/cors; Starlette needs the 400 and both headers", () => {
    expect(detectServer(preflighted(204, "Access-Control-Allow-Origin", PAGE, "Vary", "Origin"))).toBeNull();
    expect(detectServer(preflighted(400, "Access-Control-Allow-Methods", "GET"))).toBeNull();
    expect(detectServer(preflighted(400, "Access-Control-Max-Age", "600"))).toBeNull();
    expect(
      detectServer(preflighted(204, "Access-Control-Allow-Methods", "GET", "Access-Control-Max-Age", "600")),
    ).toBeNull();
  });

  it("aiohttp-cors' 403: aiohttp's, text/plain, at least 31 bytes, no CORS header, no authentication", () => {
    const aiohttp = (status: number, length: string, ...more: string[]) =>
      detectServer(
        preflighted(
          status,
          "Server",
          "Python/3.12 aiohttp/3.9.1",
          "Content-Type",
          "text/plain; charset=utf-8",
          "Content-Length",
          length,
          ...more,
        ),
      );
    expect(aiohttp(403, "31")).toMatchObject({
      stack: "aiohttp-cors",
      confidence: "certain",
      basis:
        "a 403 text/plain preflight answer without CORS headers from Python/3.12 aiohttp/3.9.1 (aiohttp-cors saying no)",
    });
    for (const [status, length, ...more] of [
      [403, "30"],
      [401, "40"],
      [403, "40", "Access-Control-Allow-Origin", PAGE],
      [403, "40", "WWW-Authenticate", "Basic"],
    ] as const)
      expect(aiohttp(status, length, ...more)?.confidence, `${status} ${length} ${more.join(" ")}`).toBe(
        "likely",
      );
    const json = preflighted(
      403,
      "Server",
      "aiohttp/3.9.1",
      "Content-Type",
      "application/json",
      "Content-Length",
      "40",
    );
    expect(detectServer(json)?.confidence).toBe("likely");
    const other = preflighted(
      403,
      "Server",
      "gunicorn",
      "Content-Type",
      "text/plain",
      "Content-Length",
      "40",
    );
    expect(detectServer(other)).toBeNull();
  });

  it("aiohttp-cors' refusal of a request without custom headers: the method, and a fix for the methods", () => {
    const cause = diagnose(
      preflighted(
        403,
        "Server",
        "Python/3.12 aiohttp/3.9.1",
        "Content-Type",
        "text/plain",
        "Content-Length",
        "40",
      ),
    ).causes[0];
    expect(cause?.message).toContain(
      "is not a key of its `defaults`, the method (PUT) is not in allow_methods (or not a route passed to cors.add).",
    );
    expect(cause?.message).not.toContain("a requested header");
    expect(cause?.fixes[0]?.stack).toBe("aiohttp-cors");
    expect(cause?.fixes[0]?.snippet.split("\n")[0]).toBe("# Allow PUT exactly as the page sends them.");
  });

  it("django-cors-headers' methods on the preflight only, or everywhere as the page's other answers showed", () => {
    const methods = "DELETE, GET, OPTIONS, PATCH, POST, PUT";
    const x = exchange({
      method: "PUT",
      preflight: {
        status: 200,
        requestHeaders: asks("PUT"),
        headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", methods),
      },
    });
    expect(detectServer(x)).toMatchObject({
      stack: "django-cors-headers",
      basis: `Access-Control-Allow-Methods: ${methods} on the preflight (django-cors-headers' default)`,
    });
    expect(detectServer(x, { server: { methodsOnResponses: true } })).toMatchObject({
      stack: "django",
      confidence: "likely",
      basis: `Access-Control-Allow-Methods: ${methods} on every response, not only the preflight (a hand-written middleware)`,
    });
  });
});

describe("a proxy in front of the app", () => {
  const twice = (...headers: string[]) =>
    diagnose(
      exchange({
        response: {
          status: 200,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Origin", PAGE, ...headers),
        },
        error: "net::ERR_FAILED",
      }),
    ).causes[0];

  it("a doubled Allow-Origin is fixed first in the proxy the Server header names, else in the app", () => {
    for (const [server, stack] of [
      ["nginx/1.25.3", "nginx"],
      ["Apache/2.4.57", "apache"],
      ["Caddy", "caddy"],
    ] as const) {
      const cause = twice("Server", server, "X-Powered-By", "Express");
      expect(cause?.code).toBe("multiple-allow-origin");
      expect(cause?.fixes[0]?.stack, server).toBe(stack);
    }
    expect(twice("X-Powered-By", "Express")?.fixes[0]?.stack).toBe("express");
    expect(twice("Server", "my-nginx", "X-Powered-By", "Express")?.fixes[0]?.stack).toBe("express");
  });

  it("another cause keeps the app's fix first", () => {
    const cause = diagnose(
      exchange({
        response: { status: 200, headers: h("Server", "nginx", "X-Powered-By", "Express") },
        error: "net::ERR_FAILED",
      }),
    ).causes[0];
    expect(cause?.fixes[0]?.stack).toBe("express");
  });
});
