/**
 * An origin function `fix` cannot extend from inside (its own test, a lookup): wrapped so that the
 * page's origin is answered first and every other origin goes to the function unchanged. Run as
 * printed on the real express and cors packages: the page's origin allowed after, and every origin
 * the function allowed or refused before answered the same.
 */
import { describe, expect, it } from "vitest";
import { fixConfig, readConfig } from "../../src/config";
import { recordedFrom } from "./recorded";
import { allowOrigin } from "./run-express";

const ADMIN = "https://admin.test";
const OTHERS = ["https://app.example.com", "https://x.app.example.com", "https://evil.test"];

const appText = (decl: string, options: string) => `const express = require("express");
const cors = require("cors");

const app = express();
${decl}
app.use(cors(${options}));
app.get("/api/items", (req, res) => res.json([]));
module.exports = app;
`;

const CASES: Array<[string, string, string]> = [
  [
    "an inline callback with a RegExp test and an Error",
    "",
    `{ origin: (origin, cb) => { if (!origin || /\\.example\\.com$/.test(origin)) return cb(null, true); cb(new Error("Not allowed by CORS")); }, credentials: true }`,
  ],
  [
    "a function declared above, by name",
    `function checkOrigin(origin, callback) {\n  if (origin && origin.endsWith(".app.example.com")) callback(null, true);\n  else callback(null, false);\n}`,
    "{ origin: checkOrigin }",
  ],
  [
    "a method of the options object",
    "",
    `{ origin(origin, callback) { callback(null, origin === "https://app.example.com"); } }`,
  ],
  [
    "a shorthand property",
    `const origin = function (o, done) {\n  done(null, /^https:\\/\\/[a-z]+\\.app\\.example\\.com$/.test(o));\n};`,
    "{ origin }",
  ],
];

describe("Express: an origin function wrapped, not rewritten", () => {
  for (const [name, decl, options] of CASES)
    it(name, async () => {
      const before = appText(decl, options);
      const files = [{ path: "server.js", text: before }];
      const r = fixConfig(
        files,
        recordedFrom(files, [{ url: "http://localhost:3000/api/items", origin: ADMIN }]),
      );
      expect(r.ok).toBe(true);
      const after = r.files[0]?.after ?? "";
      expect(after).toContain(`["${ADMIN}"].includes(requestOrigin) ? callback(null, true)`);
      expect(await allowOrigin(after, undefined, ADMIN)).toBe(ADMIN);
      for (const origin of OTHERS)
        expect({ origin, answer: await allowOrigin(after, undefined, origin) }).toEqual({
          origin,
          answer: await allowOrigin(before, undefined, origin),
        });
    });
});

describe("Hono: an origin function wrapped", () => {
  it("answers the page's origin first and hands the others to the function with c", () => {
    const text = `import { Hono } from "hono";
import { cors } from "hono/cors";

const app = new Hono();
app.use("/api/*", cors({ origin: (origin) => (/\\.example\\.com$/.test(origin) ? origin : null) }));
app.get("/api/items", (c) => c.json([]));
export default app;
`;
    const files = [{ path: "src/index.ts", text }];
    const r = fixConfig(
      files,
      recordedFrom(files, [{ url: "http://localhost:3000/api/items", origin: ADMIN }]),
    );
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      `cors({ origin: (requestOrigin, c) => (["${ADMIN}"].includes(requestOrigin) ? requestOrigin : ((origin) => (/\\.example\\.com$/.test(origin) ? origin : null))(requestOrigin, c)) })`,
    );
  });
});

describe("Express: an origin function that hands the origin on to itself", () => {
  it("is unknown, not followed forever", () => {
    const text = appText(
      "function loop(origin, callback) {\n  return loop(origin, callback);\n}",
      "{ origin: loop }",
    );
    const a = readConfig([{ path: "server.js", text }]).answer({
      method: "GET",
      url: "http://localhost:3000/api/items",
      headers: [["Origin", ADMIN]],
    });
    expect(a.kind).toBe("unknown");
  });
});
