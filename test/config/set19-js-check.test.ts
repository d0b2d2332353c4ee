import { describe, expect, it } from "vitest";
import { checkConfig } from "../../src/config";
import { misspelledCorsHeader } from "../../src/config/header-names";

describe("a CORS header's name misspelled", () => {
  it.each([
    ["Accept-Control-Allow-Origin", "Access-Control-Allow-Origin"],
    ["Access-Control-Allow-Orgin", "Access-Control-Allow-Origin"],
    ["access-control-allow-header", "Access-Control-Allow-Headers"],
    ["Access-Controll-Max-Age", "Access-Control-Max-Age"],
    ["Access-Control-Allow-Origin", null],
    ["access-control-expose-headers", null],
    ["Access-Control-Request-Headers", null],
    ["Content-Type", null],
    ["X-Allowed", null],
  ])("%s → %s", (name, meant) => {
    expect(misspelledCorsHeader(name)).toBe(meant);
  });

  it("check names each misspelled header an Express middleware sets (set 19's express#2670)", () => {
    const text = `const express = require('express');
const app = express();
app.all('/{*splat}', (req, res, next) => {
  res.header('Accept-Control-Allow-Origin', '*');
  res.header('Accept-Control-Allow-Methods', 'GET,POST');
  res.setHeader('Content-Type', 'application/json');
  next();
});
app.get('/api/jobs', (req, res) => res.json([]));
`;
    const found = checkConfig([{ path: "server.js", text }]).findings.filter(
      (f) => f.code === "cors-header-misspelled",
    );
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [4, "error"],
      [5, "error"],
    ]);
  });
});

describe("Allow-Credentials set to the boolean true beside Allow-Origin * (set 19's pelias/api#971)", () => {
  it("is the wildcard-with-credentials error: res.header writes String(true)", () => {
    const text = `const express = require('express');
function middleware(req, res, next) {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Credentials', true);
  next();
}
const app = express();
app.use(middleware);
app.get('/v1/search', (req, res) => res.json([]));
`;
    const found = checkConfig([{ path: "app.js", text }]).findings.filter(
      (f) => f.code === "wildcard-with-credentials",
    );
    expect(found.map((f) => f.line)).toEqual([3]);
  });
});

describe("Koa: a hand-written CORS middleware whose headers a thrown error clears (set 19's evert0n/koa-cors#17)", () => {
  it("names the header line, the middleware that sets it and the throw", () => {
    const text = `const Koa = require('koa');
function cors() {
  return async function koaCors(ctx, next) {
    ctx.set('Access-Control-Allow-Origin', ctx.get('Origin') || '*');
    await next();
  };
}
const app = new Koa();
app.use(cors());
app.use(async (ctx) => {
  ctx.throw(400, 'email required');
});
`;
    const found = checkConfig([{ path: "app.js", text }]).findings.find(
      (f) => f.code === "koa-hand-headers-lost-on-throw",
    );
    expect([found?.line, ...(found?.also ?? []).map((a) => a.line).sort((a, b) => a - b)]).toEqual([
      4, 3, 11,
    ]);
  });
});
