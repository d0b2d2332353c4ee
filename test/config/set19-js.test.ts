/**
 * JavaScript shapes held-out set 19 found unfixed (test/fixes/HELDOUT19.md, "Result"), each checked on
 * the model and, where the package is installed, on the real express and koa (the printed text is run
 * on the real servers, in Chromium, by the set's suite).
 */
import { describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff } from "../../src/config";
import { judge, type RequestSpec } from "../../src/config/whatif";
import type { ObservedExchange } from "../../src/engine";
import { observe, type PageCall } from "../fixes/config-real";
import { modelAnswer, recordedFrom } from "./recorded";
import { serve } from "./serve-js";

const PAGE = "https://page.example.com";

/** The calls as the page makes them, sent to the real app (preflight first where one is needed). */
async function recorded(text: string, dialect: string, calls: PageCall[]): Promise<ObservedExchange[]> {
  const s = await serve(text, dialect);
  try {
    const out: ObservedExchange[] = [];
    for (const c of calls) out.push({ ...(await observe(s.url, c)).exchange, recordedBy: "chromium" });
    return out;
  } finally {
    s.close();
  }
}

describe("Express: a router's .all(guard) made by a method of the file's own object (expressjs/express#2549)", () => {
  const text = `const express = require('express');

const Team = {
  // the session middleware: the signed-in user from the session cookie
  session() {
    return (req, res, next) => {
      if (req.get('cookie')) req.user = { name: 'ada', role: 'admin' };
      next();
    };
  },
  adminOnly: () => (req, res, next) => {
    if (!req.user || req.user.role !== 'admin') return res.sendStatus(403);
    next();
  },
};

const orders = express.Router();
orders
  .route('/')
  .all(Team.adminOnly())
  .get((req, res) => res.json([]))
  .post((req, res) => res.status(201).json({ id: 1 }));

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '${PAGE}');
  res.header('Access-Control-Allow-Credentials', 'true');
  res.header('Access-Control-Allow-Headers', 'Content-Type');
  next();
});
app.use(Team.session());
app.use('/orders', orders);

module.exports = app;
`;
  const file = { path: "app.js", text };
  const json: Array<[string, string]> = [["Content-Type", "application/json"]];
  const calls: PageCall[] = [
    { method: "GET", path: "/orders", origin: PAGE, credentials: true },
    { method: "POST", path: "/orders", origin: PAGE, credentials: true, headers: json },
  ];
  const guardLine = text.split("\n").findIndex((l) => l.includes(".all(Team.adminOnly())")) + 1;

  it("check names the .all(…) guard: it runs for the preflight, which carries no cookie", () => {
    const f = checkConfig([file]).findings.filter((x) => x.code === "preflight-to-auth");
    expect(f.map((x) => [x.severity, x.line])).toEqual([["error", guardLine]]);
  });

  it("without a record, what the guard answers a preflight is not guessed", () => {
    const r = modelAnswer(text, "app.js", {
      url: "http://h/orders",
      method: "POST",
      origin: PAGE,
      credentials: "include",
      headers: json,
    });
    expect("unknown" in r).toBe(true);
  });

  it("fix makes the hand-written middleware answer the preflight; the guard still refuses a call without the session", async () => {
    const evidence = await recorded(text, "express", calls);
    expect(evidence[1]?.preflight?.status).toBe(403);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain("+  if (req.method === 'OPTIONS') return res.sendStatus(204);");
    const after = r.files[0]?.after ?? "";
    const s = await serve(after, "express");
    try {
      const pre = await fetch(`${s.url}/orders`, {
        method: "OPTIONS",
        headers: {
          Origin: PAGE,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type",
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe(PAGE);
      const post = (cookie?: string) =>
        fetch(`${s.url}/orders`, {
          method: "POST",
          headers: {
            Origin: PAGE,
            "Content-Type": "application/json",
            ...(cookie ? { Cookie: cookie } : {}),
          },
          body: "{}",
        });
      expect((await post("sid=1")).status).toBe(201);
      expect((await post()).status).toBe(403);
    } finally {
      s.close();
    }
  });

  it("an .all(…) route that answers OPTIONS itself still keeps the middleware from answering every preflight", async () => {
    // The route's own handler (no next()): the app's answer to an OPTIONS, which fix does not bypass.
    const own = text.replace(
      "  .all(Team.adminOnly())\n",
      "  .all(Team.adminOnly(), (req, res) => res.json({ allow: 'GET, POST' }))\n",
    );
    expect(own).not.toBe(text);
    const evidence = await recorded(own, "express", calls);
    const r = fixConfig([{ path: "app.js", text: own }], evidence);
    expect(fixDiff(r)).not.toContain("if (req.method === 'OPTIONS')");
  });
});

describe("Fastify: an auth hook that keeps its user on request.raw (fdaciuk/conduit-api#12)", () => {
  const text = `import fastify from 'fastify'

const app = fastify()

const auth = async (req, reply) => {
  const token = readToken(req.headers.authorization)
  if (!token) return reply.code(401).send({ error: 'Unauthorized' })
  req.raw.auth = { id: token }
}

function readToken(header = '') {
  return header.replace(/^Token /, '')
}

app.post('/api/articles', { preValidation: auth }, async (req, reply) => reply.code(201).send({ id: 1 }))
app.get('/api/articles', async () => ({ articles: [] }))

await app.listen({ port: 3333 })
`;
  const file = { path: "server.mjs", text };
  const specs = [
    { url: "http://h/api/articles", origin: PAGE },
    {
      url: "http://h/api/articles",
      method: "POST",
      origin: PAGE,
      headers: [
        ["Content-Type", "application/json"],
        ["Authorization", "Token t1"],
      ] as Array<[string, string]>,
    },
  ];

  it("fix adds @fastify/cors and the authorised POST is read as answered after it (the hook writes no answer on request.raw)", () => {
    const r = fixConfig([file], recordedFrom([file], specs));
    expect(r.rows.filter((x) => x.source === "evidence").map((x) => x.before.verdict)).toEqual([
      "blocked",
      "blocked",
    ]);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.rows.filter((x) => x.source === "evidence").map((x) => x.after.verdict)).toEqual([
      "allowed",
      "allowed",
    ]);
    expect(fixDiff(r)).toContain("app.register(cors");
  });

  it("reply.raw is still an answer written past the reply's headers: not taken as opaque", () => {
    const raw = text.replace("req.raw.auth = { id: token }", "reply.raw.setHeader('X-User', token)");
    expect(raw).not.toBe(text);
    const patched = `import cors from '@fastify/cors'\n${raw.replace("const app = fastify()\n", `const app = fastify()\napp.register(cors, { origin: '${PAGE}' })\n`)}`;
    const r = modelAnswer(patched, "server.mjs", specs[1] as (typeof specs)[1]);
    // The preflight passes; the POST's answer is not known (its reason kept for the what-if).
    expect("exchange" in r && r.exchange.hops).toEqual([]);
    expect("actualUnknown" in r && r.actualUnknown?.key).toMatch(/^config\./);
  });
});

describe("the what-if: a preflight that passes, an actual request the configuration cannot answer", () => {
  it("says the configuration's reason, not that no response was observed", () => {
    const why = { key: "config.express.unknown.code" as const, params: { line: 7 } };
    const spec: RequestSpec = {
      id: "x",
      url: "http://h/api/items",
      method: "PUT",
      origin: PAGE,
      headers: [],
      credentials: "omit",
      source: "evidence",
    };
    const j = judge(spec, (req) =>
      req.method === "OPTIONS"
        ? {
            kind: "known",
            status: 204,
            headers: [
              ["Access-Control-Allow-Origin", PAGE],
              ["Access-Control-Allow-Methods", "PUT"],
            ],
            fromUpstream: false,
            assumed: [],
          }
        : { kind: "unknown", why },
    );
    expect(j.verdict).toBe("unknown");
    expect(j.unknown).toEqual(why);
  });
});

describe("Koa: a hand-written JSON body reader before the routes (evert0n/koa-cors#17)", () => {
  const text = `const Koa = require('koa');
const Router = require('@koa/router');

function cors(settings = {}) {
  return async function koaCors(ctx, next) {
    ctx.set('Access-Control-Allow-Origin', settings.origin || '*');
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET,POST');
      ctx.set('Access-Control-Allow-Headers', ctx.get('Access-Control-Request-Headers'));
      ctx.status = 204;
      return;
    }
    await next();
  };
}

async function readJson(ctx, next) {
  const chunks = [];
  for await (const chunk of ctx.req) {
    chunks.push(chunk);
  }
  ctx.request.body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
  await next();
}

const router = new Router();
router.get('/api/health', (ctx) => {
  ctx.body = { ok: true };
});
router.post('/api/users', (ctx) => {
  if (!ctx.request.body.email) ctx.throw(422, 'email is required');
  ctx.status = 201;
  ctx.body = { email: ctx.request.body.email };
});

const app = new Koa();
app.use(cors({ origin: '${PAGE}' }));
app.use(readJson);
app.use(router.routes());
app.use(router.allowedMethods());

module.exports = app;
`;
  const file = { path: "app.js", text };
  const calls: PageCall[] = [
    { method: "GET", path: "/api/health", origin: PAGE },
    { method: "POST", path: "/api/users", origin: PAGE, headers: [["Content-Type", "application/json"]] },
  ];

  it("the reader's loop over ctx.req and its ctx.request.body pass the request on: the GET is read", () => {
    const r = modelAnswer(text, "app.js", { url: "http://h/api/health", origin: PAGE });
    expect("exchange" in r && r.exchange.hops[0]?.responseHeaders).toContainEqual([
      "Access-Control-Allow-Origin",
      PAGE,
    ]);
  });

  it("a loop over ctx.req that does more than gather (it answers) stays unknown", () => {
    const answers = text.replace(
      "    chunks.push(chunk);\n",
      "    chunks.push(chunk);\n    ctx.status = 413;\n",
    );
    expect(answers).not.toBe(text);
    const r = modelAnswer(answers, "app.js", { url: "http://h/api/health", origin: PAGE });
    expect("unknown" in r).toBe(true);
  });

  it("fix keeps the CORS headers on the route's thrown 422; the real koa answers it with Allow-Origin", async () => {
    const evidence = await recorded(text, "koa", calls);
    expect(evidence[1]?.hops[0]?.status).toBe(422);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain("+    } catch (err) {");
    const after = r.files[0]?.after ?? "";
    const s = await serve(after, "koa");
    try {
      const res = await fetch(`${s.url}/api/users`, {
        method: "POST",
        headers: { Origin: PAGE, "Content-Type": "application/json" },
        body: "{}",
      });
      expect(res.status).toBe(422);
      expect(res.headers.get("access-control-allow-origin")).toBe(PAGE);
    } finally {
      s.close();
    }
  });
});
