/**
 * Shapes held-out set 14 found refused (test/fixes/HELDOUT14.md), each checked on the model (the
 * printed text is run on the real servers by the set's suites, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig(
    [
      { path: "app.py", text: "from aiohttp import web\n" },
      { path: "config.ru", text: "use Rack::Cors\n" },
    ],
    grammarBytes,
  );
});

describe("Express: an origin callback over a bare-host whitelist that logs, maxAge as arithmetic", () => {
  const text = `var express = require("express");
var cors = require("cors");
var app = express();
var whitelist = ["page.example.com"];
var corsOptions = {
  origin: function (origin, callback) {
    var listed = whitelist.indexOf(origin) !== -1;
    console.log("origin=" + origin);
    callback(!!listed ? null : "Bad Request", listed);
  },
  maxAge: 60 * 60 * 24 * 10,
};
app.use(cors(corsOptions));
app.get("/api/todos", function (req, res) {
  res.json([]);
});
app.listen(8080);
`;
  it("reads the callback and the number; fix adds the page's origin to the whitelist", () => {
    const file = { path: "server.js", text };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/todos", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(`var whitelist = ["page.example.com", "${PAGE}"];`);
  });
});

describe("Express: the origin read from a config object's property (an environment value's default)", () => {
  const text = `const express = require('express');
const cors = require('cors');
const config = { client: { url: process.env.APP_HOST || '${PAGE}/' } };
const app = express();
app.use(cors({ origin: config.client.url, credentials: true }));
app.get('/user/me', (req, res) => res.json({}));
app.listen(3030);
`;
  it("keeps the value and lists the page beside it, unless deployed it is * or empty", () => {
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/user/me", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `origin: ((o) => (!o || o === '*' ? o : [o, '${PAGE}']))(config.client.url)`,
    );
  });
});

describe("Koa: @koa/cors given an origin without its scheme", () => {
  const text = `const Koa = require('koa');
const cors = require('@koa/cors');
const config = { cors: { origin: 'page.example.com', credentials: true } };
const app = new Koa();
app.use(cors(config.cors));
app.use((ctx) => { ctx.body = { name: 'egg' }; });
app.listen(7001);
`;
  it("answers the page's origin with its own, every other origin as before", () => {
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/user", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `origin: (ctx) => (['page.example.com', '${PAGE}'].includes(ctx.get('Origin')) ? ctx.get('Origin') : 'page.example.com'),`,
    );
  });
});

describe("Hono: an app made by a chain of registrations (new Hono().get(…).post(…))", () => {
  const text = `import { Hono } from "hono";

const app = new Hono()
  .get("/", (c) => {
    c.header("Access-Control-Allow-Origin", "${PAGE}");
    return c.text("hi");
  })
  .post("/messages", async (c) => {
    c.header("Access-Control-Allow-Origin", "${PAGE}");
    return c.json({}, 201);
  });

export default app;
`;
  it("reads the chain's routes; fix registers cors() as a link before them", () => {
    const file = { path: "server.mjs", text };
    const evidence = recordedFrom(
      [file],
      [
        {
          url: "http://h/messages",
          method: "POST",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    expect(evidence[0]?.preflight?.status).toBe(404);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `const app = new Hono()\n  .use("*", cors({ origin: ["${PAGE}"] }))\n  .get("/", (c) => {`,
    );
  });
});

describe("Apache: Header add (onsuccess) over the proxied application's own Allow-Origin", () => {
  const text = `<VirtualHost *:80>
    ServerName wp.example.com
    Header add Access-Control-Allow-Origin "${PAGE}"
    ProxyPass /wp-json/ http://127.0.0.1:9090/wp-json/
</VirtualHost>
`;
  it("unsets the application's copy before httpd's own line of the same table, not after it", () => {
    const file = { path: "site.conf", text };
    const evidence = recordedFrom(
      [file],
      [{ url: "http://wp.example.com/wp-json/wp/v2/posts", origin: PAGE }],
    );
    const hop = evidence[0]?.hops.at(-1);
    if (!hop) throw new Error("no hop");
    hop.responseHeaders = [
      ["Access-Control-Allow-Origin", "*"],
      ["Access-Control-Allow-Origin", PAGE],
    ];
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `    Header unset Access-Control-Allow-Origin\n    Header add Access-Control-Allow-Origin "${PAGE}"\n`,
    );
  });
});

describe("aiohttp: an app with no CORS at all", () => {
  const text = `from aiohttp import web


async def stats(request):
    return web.json_response({})


app = web.Application()
app.router.add_get("/stats/", stats)
`;
  it("gets aiohttp-cors set up after its last route, every route added", () => {
    const file = { path: "app.py", text };
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/stats/", origin: PAGE, headers: [["Authorization", "Bearer t"]] }],
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace("from aiohttp import web\n", "from aiohttp import web\nimport aiohttp_cors\n") +
        `\n\ncors = aiohttp_cors.setup(app, defaults={\n    "${PAGE}": aiohttp_cors.ResourceOptions(allow_headers=["authorization"]),\n})\nfor route in list(app.router.routes()):\n    cors.add(route)\n`,
    );
  });
});

describe("check: an origin option without a scheme", () => {
  it("is named on its string (an Origin is always scheme://host[:port]); a full origin is not", async () => {
    const { checkConfig } = await import("../../src/config");
    const text = `const Koa = require('koa');
const cors = require('@koa/cors');
const app = new Koa();
app.use(cors({ origin: 'page.example.com', credentials: true }));
app.listen(7001);
`;
    const named = (t: string) =>
      checkConfig([{ path: "server.js", text: t }]).findings.map((f) => `${f.code}@${f.line}`);
    expect(named(text)).toContain("origin-no-scheme@4");
    expect(named(text.replace("'page.example.com'", `'${PAGE}'`))).not.toContain("origin-no-scheme@4");
  });
});

describe("check: no-cors for Flask, aiohttp and a FastAPI app whose routes come from an included router", () => {
  it("is named where the app is made, and not once the module sets CORS up", async () => {
    const { checkConfig } = await import("../../src/config");
    const codes = (path: string, text: string) =>
      checkConfig([{ path, text }]).findings.map((f) => `${f.code}@${f.line}`);
    const flask = `from flask import Blueprint, Flask, jsonify

api = Blueprint('api', __name__)


@api.route('/articles')
def articles():
    return jsonify([])


def create_app():
    app = Flask(__name__)
    app.register_blueprint(api)
    return app
`;
    expect(codes("app.py", flask)).toContain("no-cors@12");
    expect(codes("app.py", `${flask}\nfrom flask_cors import CORS\n`)).not.toContain("no-cors@12");
    const aiohttp = `from aiohttp import web


async def stats(request):
    return web.json_response({})


app = web.Application()
app.router.add_get("/stats/", stats)
`;
    expect(codes("app.py", aiohttp)).toContain("no-cors@8");
    const fastapi = `from fastapi import APIRouter, FastAPI

router = APIRouter()


@router.get("/items")
def items():
    return []


app = FastAPI()
app.include_router(router)
`;
    expect(codes("app.py", fastapi)).toContain("no-cors@11");
  });
});
