import { describe, expect, it } from "vitest";
import { apiProfiles, diagnose, observedExchange } from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

/** The page's PUT worked (the server listed PUT and content-type); its DELETE is refused. */
const put = exchange({
  url: `${API}/api/items/1`,
  method: "PUT",
  preflight: {
    status: 204,
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
      "GET, POST, PUT",
      "Access-Control-Allow-Headers",
      "content-type, x-api-key",
    ),
  },
});
const remove = exchange({
  url: `${API}/api/items/1`,
  method: "DELETE",
  preflight: {
    status: 204,
    requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "DELETE"),
    headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "GET, POST, PUT"),
  },
  response: null,
  error: "net::ERR_FAILED",
});

describe("fixes from the page's whole policy", () => {
  it("profiles what the page asked of each API and what the server allowed", () => {
    const profile = apiProfiles([put, remove]).get(API);
    expect(profile?.origins).toEqual([PAGE]);
    expect(profile?.methods).toEqual(["PUT", "DELETE"]);
    expect(profile?.headers).toEqual(["content-type", "x-api-key"]);
    expect(profile?.server.methods).toEqual(["GET", "POST", "PUT"]);
    expect(profile?.server.headers).toEqual(["content-type", "x-api-key"]);
  });

  it("never narrows: the DELETE fix keeps PUT and its headers, and says what it adds", () => {
    const api = apiProfiles([put, remove]).get(API) ?? null;
    const narrow = diagnose(remove).causes[0]?.fixes.find((f) => f.stack === "express")?.snippet ?? "";
    const fix = diagnose(remove, { api }).causes[0]?.fixes.find((f) => f.stack === "express");
    const page = fix?.snippet ?? "";
    // One request in view: only DELETE (the PUT that worked would lose its headers).
    expect(narrow).not.toContain("x-api-key");
    // The change is to the option at fault alone, DELETE added to what `methods` lists.
    expect(fix?.change).toBe(
      'In `app.use(cors({…}))`, add "DELETE" to `methods`, keeping what it already lists (where `methods` is not set yet, add `methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"]`).',
    );
    expect(fix?.edits).toEqual([
      expect.objectContaining({ kind: "add-items", option: "methods", items: ['"DELETE"'] }),
    ]);
    // The snippet for a fresh set-up: cors' default methods cover PUT and DELETE (no list that
    // could drop one), and the PUT's headers are allowed.
    expect(page).not.toContain("methods:");
    expect(page).toContain("x-api-key");
    expect(page).toContain(
      // The preflight's Allow-Headers was exactly the list asked: read as answered back, and kept so.
      "// Keeps what already worked: origins http://localhost:5173; methods PUT; request headers answered back as asked (seen: content-type, x-api-key).",
    );
    expect(page).toContain("// Adds: methods DELETE.");
  });

  it("lists every origin that called the API, and keeps * only without credentials", () => {
    const other = exchange({ origin: "https://admin.example", credentials: "include" });
    const api = apiProfiles([put, other]).get(API) ?? null;
    const wildcard = exchange({
      credentials: "include",
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true"),
      },
    });
    const fix =
      diagnose(wildcard, { api }).causes[0]?.fixes.find((f) => f.stack === "fastapi")?.snippet ?? "";
    expect(fix).toContain(`allow_origins=["${PAGE}", "https://admin.example"]`);
    expect(fix).toContain("allow_credentials=True");
  });

  it("ignores a server list the browser could not parse", () => {
    const bad = exchange({
      method: "PUT",
      preflight: {
        status: 204,
        requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "PUT"),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT;GET"),
      },
    });
    expect(apiProfiles([bad]).get(API)?.server.methods).toEqual([]);
  });
});

describe("what the server already allowed, read only from real CORS answers", () => {
  const preflighted = (headers: string[], status: number | null = 204, asked = "x-api-key") =>
    exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
      preflight: {
        status,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "PUT",
          "Access-Control-Request-Headers",
          asked,
        ),
        headers: h("Access-Control-Allow-Origin", PAGE, ...headers),
      },
      // The actual response adds nothing: what is read is the preflight's.
      response: { status: 200, headers: [] },
    });
  const server = (...xs: ReturnType<typeof exchange>[]) => apiProfiles(xs).get(API)?.server;

  it("a response without CORS headers allows nothing", () => {
    expect(server(exchange({ response: { status: 200, headers: [] } }))).toEqual({
      origins: [],
      anyOrigin: false,
      credentials: false,
      methods: [],
      headers: [],
      exposeHeaders: [],
      methodsOnResponses: false,
      responseMethods: [],
      anyHeaders: false,
      anyMethods: false,
      configured: false,
    });
  });

  it("counts only 2xx answers: a 403, a 300 or a missing status is configured, not allowed", () => {
    for (const status of [403, 300, 199, null]) {
      const s = server(preflighted(["Access-Control-Allow-Methods", "PUT"], status));
      expect(s?.configured, String(status)).toBe(true);
      expect(s?.origins, String(status)).toEqual([]);
      expect(s?.methods, String(status)).toEqual([]);
    }
    expect(server(preflighted(["Access-Control-Allow-Methods", "PUT"], 299))?.methods).toEqual(["PUT"]);
  });

  it("reads *, the request's own origin, and credentials; not another origin", () => {
    const star = server(
      exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") } }),
    );
    expect(star).toMatchObject({ anyOrigin: true, origins: [], credentials: false });
    const other = server(
      exchange({
        response: { status: 200, headers: h("Access-Control-Allow-Origin", "https://other.example") },
      }),
    );
    expect(other).toMatchObject({ anyOrigin: false, origins: [], configured: true });
    const creds = server(
      exchange({
        response: {
          status: 200,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"),
        },
      }),
    );
    expect(creds).toMatchObject({ origins: [PAGE], credentials: true });
  });

  it("a preflight's methods are listed without OPTIONS and *; a response's go apart", () => {
    const s = server(preflighted(["Access-Control-Allow-Methods", "OPTIONS, PUT, *"]));
    expect(s?.methods).toEqual(["PUT"]);
    expect(s?.responseMethods).toEqual([]);
    const onResponse = server(
      exchange({
        response: {
          status: 200,
          headers: h(
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Methods",
            "GET, PATCH",
            "Access-Control-Expose-Headers",
            "X-Total",
          ),
        },
      }),
    );
    expect(onResponse).toMatchObject({
      methods: [],
      methodsOnResponses: true,
      responseMethods: ["GET", "PATCH"],
      exposeHeaders: ["X-Total"],
    });
  });

  it("a list with one item that is not a token counts for nothing", () => {
    expect(server(preflighted(["Access-Control-Allow-Methods", "PUT, GET;x"]))?.methods).toEqual([]);
  });

  it("any method: * without credentials, or all of GET, POST, PUT, PATCH and DELETE", () => {
    expect(server(preflighted(["Access-Control-Allow-Methods", "*"]))?.anyMethods).toBe(true);
    expect(
      server(preflighted(["Access-Control-Allow-Methods", "*", "Access-Control-Allow-Credentials", "true"]))
        ?.anyMethods,
    ).toBe(false);
    expect(
      server(preflighted(["Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE"]))?.anyMethods,
    ).toBe(true);
    expect(server(preflighted(["Access-Control-Allow-Methods", "GET, POST, PUT, PATCH"]))?.anyMethods).toBe(
      false,
    );
  });

  it("any header: * without credentials, or exactly the names the preflight asked for", () => {
    const allow = (value: string, more: string[] = [], asked = "x-api-key") =>
      server(
        preflighted(
          ["Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", value, ...more],
          204,
          asked,
        ),
      );
    expect(allow("*")).toMatchObject({ anyHeaders: true, headers: [] });
    expect(allow("*", ["Access-Control-Allow-Credentials", "true"])?.anyHeaders).toBe(false);
    expect(allow("X-Api-Key")).toMatchObject({ anyHeaders: true, headers: ["x-api-key"] });
    expect(allow("x-api-key, x-other")?.anyHeaders).toBe(false);
    expect(allow("x-other")?.anyHeaders).toBe(false);
  });

  it("keeps a name up to 512 characters and at most 64 values a list", () => {
    const long = `X${"a".repeat(511)}`;
    expect(server(preflighted(["Access-Control-Allow-Methods", `${long}, ${long}a`]))?.methods).toEqual([
      long,
    ]);
    const many = Array.from({ length: 70 }, (_, i) => `M${i}`);
    const s = server(preflighted(["Access-Control-Allow-Methods", many.join(", ")]));
    expect(s?.methods).toEqual(many.slice(0, 64));
  });
});

describe("what the page asked of the API", () => {
  const profile = (...xs: ReturnType<typeof exchange>[]) => apiProfiles(xs).get(API);

  it("lists only serialized origins, never null or an origin with a path", () => {
    expect(profile(exchange({ origin: "null" }))?.origins).toEqual([]);
    expect(profile(exchange({ origin: `${PAGE}/` }))?.origins).toEqual([]);
    expect(profile(exchange({ origin: "https://app.example" }))?.origins).toEqual(["https://app.example"]);
  });

  it("lists the methods that need listing: not GET, but get, PUT and a lower-case put as sent", () => {
    const methods = (m: string) => profile(exchange({ method: m }))?.methods;
    expect(methods("GET")).toEqual([]);
    expect(methods("POST")).toEqual([]);
    expect(methods("get")).toEqual(["get"]);
    expect(methods("PUT")).toEqual(["PUT"]);
  });

  it("credentials: mode include, a Cookie or Sec-Fetch-Storage-Access; none of them, no credentials", () => {
    const sent = (...extra: string[]) => h("Origin", PAGE, "Sec-Fetch-Mode", "cors", ...extra);
    expect(profile(exchange({ requestHeaders: sent() }))?.credentials).toBe(false);
    expect(profile(exchange({ credentials: "include" }))?.credentials).toBe(true);
    expect(profile(exchange({ requestHeaders: sent("Cookie", "a=1") }))?.credentials).toBe(true);
    expect(profile(exchange({ requestHeaders: sent("Sec-Fetch-Storage-Access", "none") }))?.credentials).toBe(
      true,
    );
  });

  it("a preflight that asked for no header, answered with no list, does not allow any header", () => {
    const x = exchange({
      method: "PUT",
      preflight: {
        status: 204,
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
      },
    });
    expect(profile(x)?.server.anyHeaders).toBe(false);
  });

  it("a list as long as the ask but missing one of its names does not allow any header", () => {
    const x = exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "X-A", "1", "X-B", "2"),
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "PUT",
          "Access-Control-Request-Headers",
          "x-a,x-b",
        ),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "PUT",
          "Access-Control-Allow-Headers",
          "x-a, x-c",
        ),
      },
    });
    expect(profile(x)?.server.anyHeaders).toBe(false);
  });

  it("skips an exchange whose URL has no origin", () => {
    expect([...apiProfiles([exchange({ url: "not a url" })]).keys()]).toEqual([]);
  });

  it("the server: a certain guess from any exchange wins over a likely one, else the first", () => {
    const said = (headers: string[]) =>
      exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE, ...headers) } });
    const nginx = said(["Server", "nginx"]);
    const caddy = said(["Server", "Caddy"]);
    const express = said(["X-Powered-By", "Express"]);
    const bare = said([]);
    expect(profile(nginx, express)?.guess).toMatchObject({ stack: "express", confidence: "certain" });
    expect(profile(express, nginx)?.guess).toMatchObject({ stack: "express", confidence: "certain" });
    expect(profile(nginx, caddy)?.guess).toMatchObject({ stack: "nginx", confidence: "likely" });
    expect(profile(bare, caddy)?.guess).toMatchObject({ stack: "caddy" });
    expect(profile(bare)?.guess).toBeNull();
    // The profile's guess is the server diagnose names for an exchange that shows none itself.
    expect(diagnose(bare, { api: profile(bare, nginx) ?? null }).server).toMatchObject({ stack: "nginx" });
  });
});

describe("the profile's edges", () => {
  const profile = (...xs: ReturnType<typeof exchange>[]) => apiProfiles(xs).get(API);

  it("an echoed Origin that is not a serialized origin is not an origin the server allows", () => {
    const slash = `${PAGE}/`;
    const x = exchange({
      origin: slash,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", slash) },
    });
    expect(profile(x)?.server.origins).toEqual([]);
  });

  it("a response with Allow-Origin but no Allow-Methods lists no methods on responses", () => {
    expect(profile(exchange())?.server.methodsOnResponses).toBe(false);
  });

  it("an exchange with no origin known adds none", () => {
    const x = observedExchange({
      id: "x",
      url: `${API}/a`,
      method: "GET",
      recordedBy: "chromium",
      requestHeaders: null,
    });
    expect(profile(x)?.origins).toEqual([]);
  });

  it("a header name no configuration can hold is not profiled", () => {
    const long = `x-${"a".repeat(600)}`;
    expect(profile(exchange({ requestHeaders: h("Origin", PAGE, long, "1", "X-Ok", "1") }))?.headers).toEqual(
      ["x-ok"],
    );
  });

  it("the first certain guess stays", () => {
    const said = (...headers: string[]) => exchange({ response: { status: 200, headers: h(...headers) } });
    expect(profile(said("X-Powered-By", "Express"), said("Server", "AmazonS3"))?.guess?.stack).toBe(
      "express",
    );
  });
});
