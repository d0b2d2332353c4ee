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
