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
