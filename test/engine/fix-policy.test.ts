/**
 * The policy a cause's fixes ask the server for, read in the plainest fix (the raw response
 * headers, any server): which origin, whether credentials, which methods and headers, and the
 * summary line above it. The other stacks render the same policy (fix-snippets*.test.ts).
 */
import { describe, expect, it } from "vitest";
import { apiProfiles, diagnose, type Fix, type ObservedExchange } from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

function headersFix(
  x: ObservedExchange,
  withProfile = false,
): { code: string | undefined; fix: Fix | undefined } {
  const api = withProfile ? (apiProfiles([x]).get(API) ?? null) : null;
  const cause = diagnose(x, { api }).causes[0];
  return { code: cause?.code, fix: cause?.fixes.find((f) => f.stack === "generic-headers") };
}
const lines = (fix: Fix | undefined) => (fix?.snippet ?? "").split("\n");
const blocked = (spec: Parameters<typeof exchange>[0]) =>
  exchange({ response: { status: 200, headers: [] }, error: "net::ERR_FAILED", ...spec });

describe("the origin a fix allows", () => {
  it("an opaque origin without credentials: *, and no Vary", () => {
    const { code, fix } = headersFix(blocked({ origin: "null" }));
    expect(code).toBe("missing-allow-origin");
    expect(lines(fix)[0]).toBe("# Allow * on every response.");
    expect(lines(fix)).toContain("Access-Control-Allow-Origin: *");
    expect(lines(fix)).not.toContain("Vary: Origin");
    expect(lines(fix)).not.toContain("Access-Control-Allow-Credentials: true");
  });

  it("an opaque origin with credentials: null itself, with Allow-Credentials", () => {
    const { fix } = headersFix(blocked({ origin: "null", credentials: "include" }));
    expect(lines(fix)[0]).toBe("# Allow null on every response.");
    expect(lines(fix)).toContain("Access-Control-Allow-Origin: null");
    expect(lines(fix)).toContain("Access-Control-Allow-Credentials: true");
  });

  it("an Origin that is not a serialized origin is never written into a fix", () => {
    const { fix } = headersFix(blocked({ origin: `${PAGE}/path` }));
    expect(fix?.snippet).not.toContain(`${PAGE}/path`);
    expect(lines(fix)).toContain("Access-Control-Allow-Origin: *");
  });

  it("credentials with *: the exact origin, Allow-Credentials added, and what the fix adds", () => {
    const { code, fix } = headersFix(
      blocked({
        credentials: "include",
        response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
      }),
      true,
    );
    expect(code).toBe("wildcard-origin-with-credentials");
    expect(lines(fix).slice(0, 2)).toEqual([
      `# Credentialed requests need the exact origin (${PAGE}) and Access-Control-Allow-Credentials: true, never *.`,
      `# Adds: origins ${PAGE}; credentials.`,
    ]);
    expect(fix?.change).toBe(
      `In the API's responses, replace \`*\` in \`Access-Control-Allow-Origin\` with ${PAGE}: a request with credentials never matches \`*\`. Other origins that used \`*\` need to be listed too. In the API's responses, set \`Access-Control-Allow-Credentials\` to \`true\`.`,
    );
  });

  it("a mismatch: the request's origin, varying on Origin", () => {
    const { fix } = headersFix(
      blocked({ response: { status: 200, headers: h("Access-Control-Allow-Origin", "http://other.test") } }),
    );
    expect(lines(fix)[0]).toBe(`# Allow ${PAGE} on every response.`);
    expect(lines(fix)).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(lines(fix)).toContain("Vary: Origin");
    expect(lines(fix)).toContain("Access-Control-Max-Age: 7200");
  });
});

describe("the methods and headers a fix allows", () => {
  it("a lower-case method exactly as sent; never an Access-Control-* request header", () => {
    const { code, fix } = headersFix(
      exchange({
        method: "patch",
        requestHeaders: h("Origin", PAGE, "X-A", "1", "Access-Control-Allow-Origin", "*"),
        preflight: {
          status: 204,
          requestHeaders: h(
            "Origin",
            PAGE,
            "Access-Control-Request-Method",
            "patch",
            "Access-Control-Request-Headers",
            "access-control-allow-origin,x-a",
          ),
          headers: h("Access-Control-Allow-Origin", PAGE),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    );
    expect(code).toBe("method-not-allowed");
    expect(lines(fix)[0]).toBe("# Allow patch exactly as the page sends them.");
    expect(lines(fix)).toContain("Access-Control-Allow-Methods: patch");
    expect(lines(fix)).toContain("Access-Control-Allow-Headers: x-a");
  });

  it("keeps what the server already allowed and names it, adding only what was refused", () => {
    const x = exchange({
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
      response: null,
      error: "net::ERR_FAILED",
    });
    const { code, fix } = headersFix(x, true);
    expect(code).toBe("header-not-allowed");
    expect(lines(fix).slice(0, 3)).toEqual([
      "# Allow the request headers x-api-key.",
      `# Keeps what already worked: origins ${PAGE}; methods PUT.`,
      "# Adds: headers x-api-key.",
    ]);
    expect(fix?.change).toBe(
      "In the API's responses, add x-api-key to `Access-Control-Allow-Headers`, keeping what it already lists.",
    );
    expect(fix?.edits).toEqual([
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ]);
  });
});

describe("the policy widened by the page's other requests to the API", () => {
  const failing = exchange({
    url: `${API}/api/b`,
    response: { status: 200, headers: [] },
    error: "net::ERR_FAILED",
  });
  const fixWith = (...siblings: ObservedExchange[]) => {
    const api = apiProfiles([...siblings, failing]).get(API) ?? null;
    const cause = diagnose(failing, { api }).causes[0];
    return lines(cause?.fixes.find((f) => f.stack === "generic-headers"));
  };
  const answered = (headers: string[], spec: Parameters<typeof exchange>[0] = {}) =>
    exchange({ url: `${API}/api/a`, response: { status: 200, headers: h(...headers) }, ...spec });

  it("another request sent with credentials: the fix allows credentials", () => {
    const sibling = answered(
      ["Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"],
      {
        credentials: "include",
      },
    );
    expect(fixWith(sibling)).toContain("Access-Control-Allow-Credentials: true");
  });

  it("the server already allowed credentials: the fix keeps them", () => {
    const sibling = answered(
      ["Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"],
      {
        credentials: "omit",
      },
    );
    expect(fixWith(sibling)).toContain("Access-Control-Allow-Credentials: true");
    expect(fixWith(answered(["Access-Control-Allow-Origin", PAGE], { credentials: "omit" }))).not.toContain(
      "Access-Control-Allow-Credentials: true",
    );
  });

  it("the server answered * without credentials: the fix keeps *", () => {
    const sibling = answered(["Access-Control-Allow-Origin", "*"], { credentials: "omit" });
    expect(fixWith(sibling)).toContain("Access-Control-Allow-Origin: *");
    const withCreds = answered(["Access-Control-Allow-Origin", "*"], { credentials: "include" });
    expect(fixWith(withCreds)).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
  });

  it("keeps the exposed headers, * only without credentials (it means the name * with them)", () => {
    const exposing = (credentials: "omit" | "include") =>
      answered(
        [
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Credentials",
          "true",
          "Access-Control-Expose-Headers",
          "*, X-Total",
        ],
        { credentials },
      );
    expect(fixWith(exposing("include"))).toContain("Access-Control-Expose-Headers: X-Total");
    const omit = answered(
      ["Access-Control-Allow-Origin", PAGE, "Access-Control-Expose-Headers", "*, X-Total"],
      {
        credentials: "omit",
      },
    );
    expect(fixWith(omit)).toContain("Access-Control-Expose-Headers: *, X-Total");
  });

  it("every origin that called the API is allowed, never *", () => {
    const admin = answered(["Access-Control-Allow-Origin", "https://admin.example"], {
      origin: "https://admin.example",
      credentials: "include",
    });
    expect(fixWith(admin)).toContain(
      `Access-Control-Allow-Origin: <the request's Origin, when it is one of: ${PAGE}, https://admin.example>`,
    );
  });
});

describe("what a fix never writes", () => {
  it("a header name no configuration can hold, a method that is no token, and an exposed list nobody had", () => {
    const long = `x-${"a".repeat(600)}`;
    const cause = diagnose(
      exchange({
        method: "PUT",
        requestHeaders: h("Origin", PAGE, "X-Api-Key", "k", long, "1"),
        preflight: {
          status: 204,
          requestHeaders: h(
            "Origin",
            PAGE,
            "Access-Control-Request-Method",
            "PUT",
            "Access-Control-Request-Headers",
            `x-api-key,${long}`,
          ),
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    ).causes[0];
    expect(cause?.code).toBe("header-not-allowed");
    const generic = lines(cause?.fixes.find((f) => f.stack === "generic-headers"));
    expect(generic).toContain("Access-Control-Allow-Headers: x-api-key");
    expect(generic.some((l) => l.startsWith("Access-Control-Expose-Headers"))).toBe(false);
    // Without a profile saying the server allowed any header, the names are listed.
    expect(cause?.fixes.find((f) => f.stack === "express")?.snippet).toContain(
      'allowedHeaders: ["x-api-key"],',
    );

    const odd = diagnose(
      exchange({
        method: "PU T",
        preflight: {
          status: 204,
          requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "PU T"),
          headers: h("Access-Control-Allow-Origin", PAGE),
        },
        response: null,
        error: "net::ERR_FAILED",
      }),
    ).causes[0];
    expect(odd?.code).toBe("method-not-allowed");
    expect(odd?.fixes.find((f) => f.stack === "generic-headers")?.snippet).not.toContain("PU T");
  });

  it("no CORS header on any response: the change is the whole set-up", () => {
    const { fix } = headersFix(blocked({}));
    expect(fix?.change).toBe(
      "No response from this server carried a CORS header: add the set-up below where it says, and its import if your file does not have it yet.",
    );
  });
});

describe("the change to the server's set-up: only what it lacks", () => {
  const asks = (m: string, names = "") =>
    h(
      "Origin",
      PAGE,
      "Access-Control-Request-Method",
      m,
      ...(names ? ["Access-Control-Request-Headers", names] : []),
    );
  const preflighted = (method: string, names: string, answer: string[], sent: string[] = []) =>
    exchange({
      url: `${API}/b`,
      method,
      requestHeaders: h("Origin", PAGE, ...sent),
      preflight: { status: 204, requestHeaders: asks(method, names), headers: h(...answer) },
      response: null,
      error: "net::ERR_FAILED",
    });
  const change = (target: ObservedExchange, siblings: ObservedExchange[]) => {
    const api = apiProfiles([...siblings, target]).get(API) ?? null;
    const fix = diagnose(target, { api }).causes[0]?.fixes.find((f) => f.stack === "generic-headers");
    return { change: fix?.change, edits: fix?.edits, lines: lines(fix) };
  };
  const allowed = (spec: Parameters<typeof exchange>[0]) =>
    exchange({
      url: `${API}/a`,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE) },
      ...spec,
    });

  it("a server that answers * keeps it: only the refused header is added", () => {
    const star = exchange({
      url: `${API}/a`,
      credentials: "omit",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });
    const target = preflighted(
      "PUT",
      "x-api-key",
      ["Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "PUT"],
      ["X-Api-Key", "k"],
    );
    const c = change(target, [star]);
    expect(c.edits).toEqual([
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ]);
    expect(c.lines.slice(1, 3)).toEqual([
      "# Keeps what already worked: origins *; methods PUT.",
      "# Adds: headers x-api-key.",
    ]);
  });

  it("a server that allows any header asked: only what this preflight refused, not the page's other names", () => {
    const any = exchange({
      url: `${API}/a`,
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "X-A", "1"),
      preflight: {
        status: 204,
        requestHeaders: asks("PUT", "x-a"),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "PUT",
          "Access-Control-Allow-Headers",
          "x-a",
        ),
      },
    });
    const other = allowed({ requestHeaders: h("Origin", PAGE, "X-Z", "1") });
    const target = preflighted(
      "PUT",
      "x-b",
      [
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "PUT",
        "Access-Control-Allow-Headers",
        "x-c",
      ],
      ["X-B", "1"],
    );
    expect(change(target, [any, other]).edits).toEqual([
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-b"] },
    ]);
  });

  it("a server that allows every method: only the method this preflight refused", () => {
    const all = exchange({
      url: `${API}/a`,
      method: "PUT",
      preflight: {
        status: 204,
        requestHeaders: asks("PUT"),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET, POST, PUT, PATCH, DELETE",
        ),
      },
    });
    const other = allowed({ method: "PROPFIND" });
    const target = preflighted("PURGE", "", [
      "Access-Control-Allow-Origin",
      PAGE,
      "Access-Control-Allow-Methods",
      "GET",
    ]);
    expect(change(target, [all, other]).edits).toEqual([
      { kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] },
    ]);
  });

  it("Starlette refusing POST: POST is added though the page needs no listing for it", () => {
    const target = exchange({
      url: `${API}/b`,
      method: "POST",
      requestHeaders: h("Origin", PAGE, "Content-Type", "application/json"),
      preflight: {
        status: 400,
        requestHeaders: asks("POST", "content-type"),
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
    expect(change(target, []).edits).toEqual([
      { kind: "add-items", option: "Access-Control-Allow-Methods", items: ["POST"] },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type"] },
    ]);
  });

  it("credentials the server already allows: * replaced by the origin, Allow-Credentials kept, not re-added", () => {
    const ok = allowed({
      credentials: "include",
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"),
      },
    });
    const target = exchange({
      url: `${API}/b`,
      credentials: "include",
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true"),
      },
      error: "net::ERR_FAILED",
    });
    const c = change(target, [ok]);
    expect(c.edits).toEqual([
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [PAGE] },
    ]);
    expect(c.lines.slice(1, 3)).toEqual([
      "# Keeps what already worked: credentials.",
      `# Adds: origins ${PAGE}.`,
    ]);
  });

  it("a set-up that allows another origin: this origin is added to its list", () => {
    const admin = exchange({
      url: `${API}/a`,
      origin: "https://admin.example",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "https://admin.example") },
    });
    const target = blocked({
      url: `${API}/b`,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "https://admin.example") },
    });
    // The raw headers name one origin a response; a library's option is a list to add to.
    const api = apiProfiles([admin, target]).get(API) ?? null;
    const express = diagnose(target, { api }).causes[0]?.fixes.find((f) => f.stack === "express");
    expect(express?.edits).toEqual([
      { kind: "add-items", option: "origin", items: [`"${PAGE}"`], whenAbsent: `origin: ["${PAGE}"]` },
    ]);
  });

  it("nothing kept: no Keeps line, only what the fix adds", () => {
    const c = change(blocked({ url: `${API}/b` }), []);
    expect(c.lines.slice(0, 3)).toEqual([
      `# Allow ${PAGE} on every response.`,
      `# Adds: origins ${PAGE}.`,
      "# Preflight (OPTIONS) response: status 204, before any authentication",
    ]);
  });
});

describe("the summary line above a fix", () => {
  const summaryOf = (x: ObservedExchange, siblings: ObservedExchange[] = []) => {
    const api = siblings.length > 0 ? (apiProfiles([...siblings, x]).get(API) ?? null) : null;
    return lines(diagnose(x, { api }).causes[0]?.fixes.find((f) => f.stack === "generic-headers"))[0];
  };
  const admin = exchange({
    url: `${API}/a`,
    origin: "https://admin.example",
    response: { status: 200, headers: [] },
    error: "net::ERR_FAILED",
  });

  it("names every origin, for the origin and the credentials causes", () => {
    expect(summaryOf(blocked({}), [admin])).toBe(`# Allow ${PAGE}, https://admin.example on every response.`);
    // Another route of the API answered with CORS headers: this route's set-up did not run.
    const served = exchange({
      url: `${API}/a`,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE) },
    });
    expect(summaryOf(blocked({}), [served])).toBe(
      "# Make the CORS set-up run for every route: register the CORS middleware before the routes (or give the route that answered the same headers).",
    );
    const star = blocked({
      credentials: "include",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });
    expect(summaryOf(star, [admin])).toBe(
      `# Credentialed requests need the exact origin (${PAGE}, https://admin.example) and Access-Control-Allow-Credentials: true, never *.`,
    );
  });

  it("a method that cannot be listed: the method, unnamed", () => {
    const odd = exchange({
      method: "PU T",
      preflight: {
        status: 204,
        requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", "PU T"),
        headers: h("Access-Control-Allow-Origin", PAGE),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(summaryOf(odd)).toBe("# Allow the method exactly as the page sends them.");
  });

  it("only Access-Control-* request headers refused: nothing to allow, stop sending them", () => {
    const x = exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "Access-Control-Allow-Origin", "*"),
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "PUT",
          "Access-Control-Request-Headers",
          "access-control-allow-origin",
        ),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(summaryOf(x)).toBe(
      "# Nothing to allow on the server: the page sends headers no server should be asked to allow (Access-Control-* are response headers); it must stop sending them.",
    );
  });
});

describe("the order of the fixes", () => {
  const missing = (...headers: string[]) =>
    diagnose(blocked({ response: { status: 200, headers: h(...headers) } })).causes[0]?.fixes.map(
      (f) => f.stack,
    ) ?? [];

  it("no server told: the raw headers first, then every stack in the catalogue's order", () => {
    const order = missing();
    expect(order.slice(0, 3)).toEqual(["generic-headers", "express", "fastify"]);
  });

  it("a server told: its fix first, the others in the catalogue's order", () => {
    const order = missing();
    expect(missing("Server", "nginx/1.25.3")).toEqual(["nginx", ...order.filter((s) => s !== "nginx")]);
  });

  it("a cause no server set-up fixes has the page-side fix only", () => {
    const fixes = diagnose(
      exchange({ mode: "no-cors", redirectMode: "manual", response: { status: 200, headers: [] } }),
    ).causes[0]?.fixes;
    expect(fixes?.map((f) => f.title)).toEqual(["Follow redirects"]);
  });
});

describe("what differs between the allowed origin and the request's", () => {
  const mismatch = (allowed: string) =>
    diagnose(blocked({ response: { status: 200, headers: h("Access-Control-Allow-Origin", allowed) } }))
      .causes[0]?.message ?? "";

  it("a path or trailing slash, a port, a host", () => {
    expect(mismatch(`${PAGE}/`)).toContain("the allowed value has a path or trailing slash");
    expect(mismatch(`${PAGE}/app`)).toContain("the allowed value has a path or trailing slash");
    expect(mismatch("http://localhost:3000")).toContain("the port differs");
    expect(mismatch("http://example.test:5173")).toContain("the host differs");
    expect(mismatch(`x${PAGE}/`)).not.toContain("trailing slash");
  });
});
