import { describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, detectFormat, fixConfig, readConfig } from "../../src/config";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const BASE = "http://localhost:3000";
const file = (text: string, path = "index.ts"): ConfigFile => ({ path, text });

const HONO = (body: string) => `import { Hono } from "hono";
import { cors } from "hono/cors";

const app = new Hono();
${body}
app.get("/api/items", (c) => c.json([]));
app.put("/api/items/:id", (c) => c.json({ ok: true }));
export default app;
`;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  const a = readConfig([file(text)]).answer({
    method: "GET",
    headers: [["Origin", APP]],
    ...req,
    url: `${BASE}${req.url}`,
  });
  if (a.kind !== "known") throw new Error(`unknown: ${JSON.stringify(a.why)}`);
  return a;
}
const get = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
const preflight = (method: string, origin = APP): HeaderList => [
  ["Origin", origin],
  ["Access-Control-Request-Method", method],
];

function fix(
  text: string,
  calls: Array<{
    url: string;
    method?: string;
    origin?: string;
    headers?: HeaderList;
    credentials?: "include" | "omit";
  }>,
) {
  const ev = recordedFrom(
    [file(text)],
    calls.map((c) => ({
      ...c,
      url: `${BASE}${c.url}`,
      recorded: { preflight: null, actual: { status: 200, headers: [] } },
    })),
  );
  const r = fixConfig([file(text)], ev);
  return { r, after: r.files[0]?.after ?? text };
}

describe("Hono (hono/cors)", () => {
  it("is told apart from Express", () => {
    expect(detectFormat(file(HONO("")))).toEqual({ format: "hono" });
  });

  it("answers as hono/cors: a string origin only to that origin, 204 with the default methods, Vary", () => {
    const text = HONO(`app.use("/api/*", cors({ origin: "${APP}" }));`);
    const p = ask(text, { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT") });
    expect(p.status).toBe(204);
    expect(get(p.headers, "access-control-allow-origin")).toEqual([APP]);
    expect(get(p.headers, "access-control-allow-methods")).toEqual(["GET,HEAD,PUT,POST,DELETE,PATCH,QUERY"]);
    expect(get(p.headers, "vary")).toEqual(["Origin"]);
    const other = ask(text, {
      url: "/api/items",
      headers: [["Origin", ADMIN]],
      upstream: { status: 200, headers: [] },
    });
    expect(get(other.headers, "access-control-allow-origin")).toEqual([]);
    // "/api/*" reaches /api too; no OPTIONS route: 404 without cors.
    expect(get(ask(text, { url: "/api" }).headers, "access-control-allow-origin")).toEqual([APP]);
    expect(ask(HONO(""), { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT") }).status).toBe(
      404,
    );
  });

  it('widens app.use("/api", cors()) to "/api/*"; the origin function\'s allowlist grows', () => {
    const { r, after } = fix(HONO('app.use("/api", cors());'), [{ url: "/api/items" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain('app.use("/api/*", cors());');
    const list = HONO(`const allowed = ["${APP}"];
app.use("*", cors({ origin: (o) => (allowed.includes(o) ? o : null) }));`);
    const f = fix(list, [{ url: "/api/items", origin: ADMIN }]);
    expect(f.r.ok).toBe(true);
    expect(f.after).toContain(`const allowed = ["${APP}", "${ADMIN}"];`);
  });

  it("check: * with credentials, bearer auth ahead of cors", () => {
    const text = HONO(`app.use("/api/*", bearerAuth({ token: "t" }));
app.use("/api/*", cors({ credentials: true }));`).replace(
      'import { cors } from "hono/cors";',
      'import { cors } from "hono/cors";\nimport { bearerAuth } from "hono/bearer-auth";',
    );
    const codes = checkConfig([file(text)]).findings.map((f) => [f.code, f.line]);
    expect(codes).toContainEqual(["wildcard-with-credentials", 7]);
    expect(codes).toContainEqual(["cors-after-auth", 7]);
    expect(ask(text, { url: "/api/items/1", method: "OPTIONS", headers: preflight("PUT") }).status).toBe(401);
  });
});

describe("Hono: held-out set 2 (#23): cors() built inside a middleware", () => {
  it("thrown away it never runs (flagged with its line); returned run on (c, next) it is the cors use", () => {
    const text = HONO(`app.use("*", async (c, next) => {
  cors({ origin: "${APP}", credentials: true });
  await next();
});`);
    expect(checkConfig([file(text)]).findings.map((f) => [f.code, f.line])).toEqual([["cors-never-run", 6]]);
    expect(get(ask(text, { url: "/api/items" }).headers, "access-control-allow-origin")).toEqual([]);
    const { r, after } = fix(text, [{ url: "/api/items" }]);
    expect(r.ok).toBe(true);
    // The run middleware calls next itself: the wrapper's `await next();` goes (two calls throw in
    // Hono), no statement is left unreachable.
    expect(after).toContain(
      `app.use("*", async (c, next) => {\n  return cors({ origin: "${APP}", credentials: true })(c, next);\n});`,
    );
    expect(after).not.toContain("await next()");
    expect(get(ask(after, { url: "/api/items" }).headers, "access-control-allow-origin")).toEqual([APP]);
    expect(checkConfig([file(after)]).findings).toEqual([]);
  });
});

describe("Hono: createMiddleware(fn) is fn (held-out set 4)", () => {
  it("runs the function, so a policy chosen per request is not read as no CORS at all", () => {
    const text = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";

const forSession = cors({ origin: "${APP}", credentials: true });
const chooser = createMiddleware(async (c, next) => {
  if (c.req.header("x-key")) return cors({ origin: "*" })(c, next);
  return forSession(c, next);
});
const app = new Hono();
app.use("*", chooser);
app.get("/api/me", (c) => c.json({}));
`;
    const a = readConfig([file(text)]).answer({
      method: "GET",
      url: `${BASE}/api/me`,
      headers: [["Origin", APP]],
    });
    // Before: taken for a pass-through, "known" with no CORS header (blocked, where the app allows).
    expect(a.kind).toBe("unknown");
  });
});

describe('the JS model\'s `new RegExp("…")` and `new Set([…])` (held-out set 4)', () => {
  it("reads both as the values they build", () => {
    const set = readConfig([
      file(
        HONO(`const allowed = new Set(["${APP}"]);
app.use("/api/*", cors({ origin: (origin) => (allowed.has(origin) ? origin : null) }));`),
      ),
    ]).answer({ method: "GET", url: `${BASE}/api/items`, headers: [["Origin", APP]] });
    expect(set.kind === "known" && set.headers).toContainEqual(["Access-Control-Allow-Origin", APP]);
    const re = readConfig([
      file(
        HONO(
          `app.use("/api/*", cors({ origin: (origin) => (new RegExp("^https://app\\\\.example\\\\.com$").test(origin) ? origin : null) }));`,
        ),
      ),
    ]).answer({ method: "GET", url: `${BASE}/api/items`, headers: [["Origin", APP]] });
    expect(re.kind === "known" && re.headers).toContainEqual(["Access-Control-Allow-Origin", APP]);
  });
});
