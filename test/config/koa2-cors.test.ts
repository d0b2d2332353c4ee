/**
 * koa2-cors 2.0.6 read as the package runs (https://github.com/zadzbw/koa2-cors/blob/master/src/index.js):
 * its defaults differ from @koa/cors' (the request's origin, not `*`; seven methods), it reads only
 * `credentials: true` and leaves Allow-Credentials off where its origin is `*`, and its headers go
 * when a route throws. The printed patches are run on the real package by the Koa suite, in Chromium.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { allowOrigin, grammarBytes, modelAnswer, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

const app = (options: string, route = "ctx.body = [];") => `const Koa = require('koa');
const cors = require('koa2-cors');

const app = new Koa();
app.use(cors(${options}));
app.use((ctx) => {
  ${route}
});
app.listen(3000);
`;
const header = (r: ReturnType<typeof modelAnswer>, name: string, hop = -1) =>
  "exchange" in r
    ? ((hop === 0 ? r.exchange.preflight : r.exchange.hops.at(hop))?.responseHeaders ?? [])
        .filter(([n]) => n.toLowerCase() === name)
        .map(([, v]) => v)
    : null;

describe("koa2-cors: what it answers", () => {
  it("no origin option: the request's own origin, Vary: Origin", () => {
    const r = modelAnswer(app(""), "app.js", { url: "http://h/items" });
    expect(allowOrigin(r)).toEqual([PAGE]);
    expect(header(r, "vary")).toEqual(["Origin"]);
  });

  it("a preflight: 204, its seven default methods, the requested headers echoed", () => {
    const r = modelAnswer(app(""), "app.js", {
      url: "http://h/items",
      method: "PUT",
      headers: [["Content-Type", "application/json"]],
    });
    expect("exchange" in r && r.exchange.preflight?.status).toBe(204);
    expect(header(r, "access-control-allow-methods", 0)).toEqual(["GET,PUT,POST,PATCH,DELETE,HEAD,OPTIONS"]);
    expect(header(r, "access-control-allow-headers", 0)).toEqual(["content-type"]);
  });

  it("`*` with credentials: Allow-Origin `*` and no Allow-Credentials on the request itself", () => {
    const r = modelAnswer(app("{ origin: '*', credentials: true }"), "app.js", {
      url: "http://h/items",
      credentials: "include",
    });
    expect(allowOrigin(r)).toEqual(["*"]);
    expect(header(r, "access-control-allow-credentials")).toEqual([]);
  });

  it("an error a route throws drops its headers (no keepHeadersOnError)", () => {
    const r = modelAnswer(app("{ origin: 'https://page.example.com' }", "ctx.throw(401);"), "app.js", {
      url: "http://h/items",
    });
    expect("exchange" in r && r.exchange.hops.at(-1)?.status).toBe(401);
    expect(allowOrigin(r)).toEqual([]);
    // @koa/cors keeps them (keepHeadersOnError).
    const koa = app("{ origin: 'https://page.example.com' }", "ctx.throw(401);").replace(
      "koa2-cors",
      "@koa/cors",
    );
    expect(allowOrigin(modelAnswer(koa, "app.js", { url: "http://h/items" }))).toEqual([PAGE]);
  });

  it("an async origin function: not guessed, said why", () => {
    const r = modelAnswer(app("{ origin: async (ctx) => ctx.get('Origin') }"), "app.js", {
      url: "http://h/items",
    });
    expect("unknown" in r && JSON.stringify(r.unknown)).toContain("config.koa2cors.unknown.async-origin");
  });
});

describe("koa2-cors: fix", () => {
  it("another page than the one origin written: an origin function of ctx (sync, as koa2-cors calls it)", () => {
    const file = { path: "app.js", text: app("{ origin: 'http://localhost:8080' }") };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/items", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`(ctx) => (['http://localhost:8080', '${PAGE}'].includes(ctx.get('Origin'))`);
    expect(after).not.toMatch(/async/);
  });

  it.each([["{ origin: '*' }"], ["{ origin: '*', credentials: true }"]])(
    "%s and a credentialed page: the page gets its own origin with credentials, every other page `*` still",
    (options) => {
      const file = { path: "app.js", text: app(options) };
      const r = fixConfig(
        [file],
        recordedFrom([file], [{ url: "http://h/items", origin: PAGE, credentials: "include" }]),
      );
      expect(r.ok, fixDiff(r)).toBe(true);
      const after = r.files[0]?.after ?? "";
      expect(after).toContain(
        `origin: (ctx) => (['${PAGE}'].includes(ctx.get('Origin')) ? ctx.get('Origin') : '*')`,
      );
      expect(after).toContain("credentials: true");
      const other = modelAnswer(after, "app.js", {
        url: "http://h/items",
        origin: "https://other.example.com",
      });
      expect(allowOrigin(other)).toEqual(["*"]);
      const cred = modelAnswer(after, "app.js", { url: "http://h/items", credentials: "include" });
      expect(header(cred, "access-control-allow-credentials")).toEqual(["true"]);
    },
  );
});

describe("koa2-cors: check", () => {
  const found = (text: string) =>
    checkConfig([{ path: "app.js", text }]).findings.map((f) => `${f.code}@${f.line}`);

  it("a string where koa2-cors joins a list", () => {
    expect(found(app("{\n  allowHeaders: 'Content-Type, Authorization',\n}"))).toContain(
      "koa2cors-option-not-list@6",
    );
  });

  it("no origin with credentials: every page's origin sent back with credentials", () => {
    expect(found(app("{ credentials: true }"))).toContain("reflected-with-credentials@5");
  });

  it("`*` with credentials: the credentialed calls refused (not reflected, as @koa/cors would)", () => {
    const got = found(app("{ origin: '*', credentials: true }"));
    expect(got).toContain("wildcard-with-credentials@5");
    expect(got).not.toContain("reflected-with-credentials@5");
  });

  it("no no-cors warning", () => {
    expect(found(app("")).filter((f) => f.startsWith("no-cors"))).toEqual([]);
  });
});
