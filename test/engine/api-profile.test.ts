import { describe, expect, it } from "vitest";
import { apiProfiles, diagnose } from "../../src/engine";
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
      "// Keeps what already worked: origins http://localhost:5173; methods PUT; headers content-type, x-api-key.",
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
