/**
 * A hand-written CORS middleware that passes the preflight on to an auth check (which refuses it:
 * a preflight carries no credentials), in the three dialects, and an app made in a class: the
 * printed patch, run as printed on the real express, koa and hono packages, answers the preflight
 * with the headers and still refuses the call without its token; `check` names the auth check.
 */
import { describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff } from "../../src/config";
import type { ConfigFile } from "../../src/config/types";
import { recordedFrom } from "./recorded";
import { serve } from "./serve-js";

const PAGE = "https://page.example.com";

const EXPRESS_CLASS = `const express = require("express");

function requireToken(req, res, next) {
  if (!(req.headers.authorization || "").startsWith("Bearer ")) {
    return res.status(401).json({ message: "no token" });
  }
  next();
}

class Server {
  constructor() {
    this.app = express();
    this.router = express.Router();
    this.config();
    this.routes();
  }

  config() {
    this.app.use((req, res, next) => {
      res.header("Access-Control-Allow-Origin", "${PAGE}");
      res.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
      next();
    });
  }

  routes() {
    this.router.use(requireToken);
    this.router.get("/items", (req, res) => res.json([{ id: 1 }]));
    this.app.use("/api", this.router);
  }
}

module.exports = new Server().app;
`;

const KOA = `const Koa = require("koa");

const app = new Koa();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", "${PAGE}");
  ctx.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
  await next();
});

app.use(async (ctx, next) => {
  if (!(ctx.get("Authorization") || "").startsWith("Bearer ")) {
    ctx.status = 401;
    ctx.body = { message: "no token" };
    return;
  }
  await next();
});

app.use(async (ctx) => {
  if (ctx.path === "/api/items") ctx.body = [{ id: 1 }];
});

module.exports = app;
`;

const HONO = `const { Hono } = require("hono");

const app = new Hono();

app.use("*", async (c, next) => {
  c.header("Access-Control-Allow-Origin", "${PAGE}");
  c.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
  await next();
});

app.use("/api/*", async (c, next) => {
  if (!(c.req.header("Authorization") || "").startsWith("Bearer ")) {
    return c.json({ message: "no token" }, 401);
  }
  await next();
});

app.get("/api/items", (c) => c.json([{ id: 1 }]));

module.exports = app;
`;

describe.each([
  [
    "express",
    EXPRESS_CLASS,
    'if (req.method === "OPTIONS") return res.sendStatus(204);',
    "this.router.use(requireToken);",
  ],
  ["koa", KOA, 'if (ctx.method === "OPTIONS") {', "app.use(async (ctx, next) => {\n  if (!"],
  ["hono", HONO, 'if (c.req.method === "OPTIONS") return c.body(null, 204);', 'app.use("/api/*"'],
] as const)(
  "%s: hand-set CORS headers, the preflight passed on to a token check",
  (dialect, text, line, root) => {
    const path = "server.js";
    const file: ConfigFile = { path, text };
    const spec = {
      url: "http://h/api/items",
      origin: PAGE,
      headers: [["Authorization", "Bearer t"]] as Array<[string, string]>,
    };

    it("the old app refuses the preflight (for real) and check names the token check's line", async () => {
      const s = await serve(text, dialect);
      try {
        const pre = await fetch(`${s.url}/api/items`, {
          method: "OPTIONS",
          headers: {
            Origin: PAGE,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
          },
        });
        expect(pre.status).toBe(401);
      } finally {
        s.close();
      }
      // The auth check's registration: its first line.
      const auth = text.slice(0, text.indexOf(root)).split("\n").length;
      const f = checkConfig([file]).findings.filter((x) => x.code === "preflight-to-auth");
      expect(f.map((x) => [x.severity, x.line])).toEqual([["error", auth]]);
    });

    it("the printed patch answers the preflight itself, and the call still needs its token", async () => {
      const r = fixConfig([file], recordedFrom([file], [spec]));
      expect(r.ok, fixDiff(r)).toBe(true);
      expect(fixDiff(r)).toContain(`+${" ".repeat(dialect === "express" ? 6 : 2)}${line}`);
      const after = r.files[0]?.after ?? "";
      const s = await serve(after, dialect);
      try {
        const pre = await fetch(`${s.url}/api/items`, {
          method: "OPTIONS",
          headers: {
            Origin: PAGE,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
          },
        });
        expect(pre.status).toBe(204);
        expect(pre.headers.get("access-control-allow-origin")).toBe(PAGE);
        expect(pre.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
        const anon = await fetch(`${s.url}/api/items`, { headers: { Origin: PAGE } });
        expect(anon.status).toBe(401);
        const ok = await fetch(`${s.url}/api/items`, {
          headers: { Origin: PAGE, Authorization: "Bearer t" },
        });
        expect(ok.status).toBe(200);
        expect(ok.headers.get("access-control-allow-origin")).toBe(PAGE);
      } finally {
        s.close();
      }
      // A second run on the patched file: nothing left to change.
      const again = fixConfig([{ path, text: after }], recordedFrom([{ path, text: after }], [spec]));
      expect(fixDiff(again)).toBe("");
      expect(
        checkConfig([{ path, text: after }]).findings.filter((x) => x.code === "preflight-to-auth"),
      ).toEqual([]);
    });
  },
);

describe("an Express app made in a class (TypeScript starter layout)", () => {
  const TS = `import express, { Application } from "express";
import cors from "cors";

export class App {
  public app: Application;

  constructor() {
    this.app = express();
    this.middlewares();
    this.routes();
  }

  private middlewares(): void {
    this.app.use(express.json());
    this.app.use(cors({ origin: "https://shop.example.com" }));
  }

  private routes(): void {
    this.app.get("/api/items", (req, res) => res.json([]));
  }
}

export default new App().app;
`;
  it("is read through its constructor and patched in the method that registers cors()", () => {
    const file = { path: "app.ts", text: TS };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok).toBe(true);
    expect(fixDiff(r)).toContain(
      `+    this.app.use(cors({ origin: ["https://shop.example.com", "${PAGE}"] }));`,
    );
  });

  it("with no CORS at all: cors() added on this.app right after it is made, at its indentation", () => {
    const text = TS.replace('import cors from "cors";\n', "").replace(
      '    this.app.use(cors({ origin: "https://shop.example.com" }));\n',
      "",
    );
    const file = { path: "app.ts", text };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`    this.app = express();\n    this.app.use(cors(`);
  });

  it("two classes that each make an app: neither is guessed", () => {
    const text = `${TS}\nexport class Other {\n  constructor() {\n    this.app = express();\n  }\n}\n`;
    const file = { path: "app.ts", text };
    expect(() => recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }])).toThrow(/unknown/);
  });
});

describe("an app with a route of its own for OPTIONS", () => {
  it("app.all(…) takes OPTIONS too: the hand-written middleware is not made to answer every preflight", () => {
    const text = EXPRESS_CLASS.replace(
      '    this.router.get("/items", (req, res) => res.json([{ id: 1 }]));',
      '    this.router.all("/items", (req, res) => res.json([{ id: 1 }]));',
    );
    expect(text).not.toBe(EXPRESS_CLASS);
    const file: ConfigFile = { path: "server.js", text };
    const spec = {
      url: "http://h/api/items",
      origin: PAGE,
      headers: [["Authorization", "Bearer t"]] as Array<[string, string]>,
    };
    const r = fixConfig([file], recordedFrom([file], [spec]));
    expect(fixDiff(r)).not.toContain('if (req.method === "OPTIONS")');
  });
});
