/**
 * JavaScript shapes held-out set 20 found unfixed (test/fixes/config-heldout20-{express,koa}.ts): a
 * same-file factory that computes its headers before returning the middleware, a same-file function
 * that makes and returns an Express router mounted where it is called, and a Koa app and router made
 * in a class. Each checked on the model and on the real express and koa (the printed text run as
 * printed, serve-js.ts).
 */
import { describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff } from "../../src/config";
import { modelAnswer, recordedFrom } from "./recorded";
import { serve } from "./serve-js";

const PAGE = "https://page.example.com";
const TOKEN: [string, string] = ["Authorization", "Bearer t1"];

const lineOf = (text: string, s: string) => text.split("\n").findIndex((l) => l.includes(s)) + 1;

/** A preflight sent to the real server, and its answer's status and Allow-Headers. */
async function preflight(url: string, method: string, headers: string) {
  const r = await fetch(url, {
    method: "OPTIONS",
    headers: {
      Origin: PAGE,
      "Access-Control-Request-Method": method,
      "Access-Control-Request-Headers": headers,
    },
  });
  return { status: r.status, allow: r.headers.get("access-control-allow-headers") ?? "" };
}

describe("Express: a factory that computes its lists before returning the middleware (oddnetworks/oddworks#137)", () => {
  const text = `'use strict';
const express = require('express');

function responseCors(options) {
	options = options || {};

	const methods = (options.methods || ['get', 'put', 'post', 'delete', 'options'])
		.map(method => {
			return method.toUpperCase();
		})
		.join(',');

	let headers = options.headers || [
		'Origin',
		'X-Requested-With',
		'Autorization',
		'Content-Type'
	];

	headers = headers.join(', ');

	const maxAge = (options.maxAge || 600).toString();

	return (req, res, next) => {
		res.set('Access-Control-Allow-Origin', '*');
		res.set('Access-Control-Allow-Methods', methods);
		res.set('Access-Control-Allow-Headers', headers);
		res.set('Access-Control-Max-Age', maxAge);
		next();
	};
}

function requestOptions() {
	return (req, res, next) => {
		if (req.method === 'OPTIONS') return res.sendStatus(200);
		next();
	};
}

const app = express();
app.use(responseCors());
app.use(requestOptions());
app.get('/videos/:id', (req, res) => res.json({ id: req.params.id }));

module.exports = app;
`;
  const file = { path: "server.js", text };
  const call = { url: "http://h/videos/1", origin: PAGE, headers: [TOKEN] };

  it("the middleware's values are read as the factory computed them: the preflight's lists", () => {
    const r = modelAnswer(text, "server.js", call);
    expect("exchange" in r && r.exchange.preflight?.responseHeaders).toEqual(
      expect.arrayContaining([
        ["Access-Control-Allow-Methods", "GET,PUT,POST,DELETE,OPTIONS"],
        ["Access-Control-Allow-Headers", "Origin, X-Requested-With, Autorization, Content-Type"],
        ["Access-Control-Max-Age", "600"],
      ]),
    );
  });

  it("a factory whose middleware changes one of its names (a counter) is not read as fixed values", () => {
    const counted = text
      .replace(
        "\tconst maxAge = (options.maxAge || 600).toString();",
        "\tlet maxAge = (options.maxAge || 600).toString();",
      )
      .replace(
        "\t\tnext();\n\t};\n}\n\nfunction requestOptions",
        "\t\tmaxAge = '0';\n\t\tnext();\n\t};\n}\n\nfunction requestOptions",
      );
    expect(counted).toContain("maxAge = '0';");
    expect("unknown" in modelAnswer(counted, "server.js", call)).toBe(true);
  });

  it("check names the misspelled entry of the list the factory joins", () => {
    const f = checkConfig([file]).findings.filter((x) => x.code === "allowed-header-misspelled");
    expect(f.map((x) => [x.severity, x.line])).toEqual([["error", lineOf(text, "'Autorization',")]]);
  });

  it("fix corrects the entry in the factory's list, and adds a name it lacks; the real express lets both through", async () => {
    const both = { ...call, headers: [TOKEN, ["X-Api-Key", "k"]] as Array<[string, string]> };
    const r = fixConfig([file], recordedFrom([file], [both]));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      "\t\t'X-Requested-With',\n\t\t'Authorization',\n\t\t'Content-Type',\n\t\t'X-Api-Key'\n\t];",
    );
    expect(after).not.toContain("Autorization");
    const s = await serve(after, "express");
    try {
      const pre = await preflight(`${s.url}/videos/1`, "GET", "authorization,x-api-key");
      expect(pre.status).toBe(200);
      expect(pre.allow).toBe("Origin, X-Requested-With, Authorization, Content-Type, X-Api-Key");
    } finally {
      s.close();
    }
  });

  it("a list the call passes is not the factory's default: fix says it cannot change the header", () => {
    const passed = text.replace(
      "app.use(responseCors());",
      "app.use(responseCors({ headers: ['Origin', 'Content-Type'] }));",
    );
    const f = { path: "server.js", text: passed };
    const r = fixConfig([f], recordedFrom([f], [call]));
    expect(r.ok).toBe(false);
    expect(r.cannot.map((c) => c.why.key)).toEqual(["config.express.cannot.hand-set"]);
  });
});

describe("Express: a router made and returned by a function of the file, mounted before cors() (jermbo/SampleAPIs#67)", () => {
  const text = `const express = require("express");
const cors = require("cors");

const app = express();

function jsonRouter(data) {
  const router = express.Router();
  router.get("/:collection", (req, res) => res.json(data[req.params.collection] || []));
  router.post("/:collection", (req, res) => res.status(201).json({ id: 1 }));
  return router;
}

app.use("/coffee", jsonRouter({ hot: [{ id: 1 }] }));

app.use(cors());

module.exports = app;
`;
  const file = { path: "app.js", text };
  const specs = [{ url: "http://h/coffee/hot", origin: PAGE }];

  it("the router's routes answer first: no Allow-Origin (read, not unknown)", () => {
    const r = modelAnswer(text, "app.js", specs[0] as (typeof specs)[0]);
    expect("exchange" in r && r.exchange.hops[0]?.responseHeaders).toEqual([]);
  });

  it("check names the cors() registered after the routes", () => {
    const f = checkConfig([file]).findings.filter((x) => x.code === "cors-after-route");
    expect(f.map((x) => x.line)).toEqual([lineOf(text, "app.use(cors());")]);
  });

  it("fix moves cors() ahead of the router; the real express answers with Allow-Origin", async () => {
    const r = fixConfig([file], recordedFrom([file], specs));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after.indexOf("app.use(cors());")).toBeLessThan(after.indexOf('app.use("/coffee"'));
    const s = await serve(after, "express");
    try {
      const res = await fetch(`${s.url}/coffee/hot`, { headers: { Origin: PAGE } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    } finally {
      s.close();
    }
  });

  it("an async function (it returns a promise, not a router) stays unknown", () => {
    const promised = text.replace("function jsonRouter(data)", "async function jsonRouter(data)");
    expect("unknown" in modelAnswer(promised, "app.js", specs[0] as (typeof specs)[0])).toBe(true);
  });
});

describe("Koa: the app and its router made in a class (spacemeowx2/switch-lan-play#19)", () => {
  const text = `const Koa = require('koa')
const Router = require('@koa/router')

class ServerMonitor {
  constructor (server) {
    this.server = server
    this.router = new Router()
    this.app = new Koa()

    this.router.all('/(.*)', async (ctx, next) => {
      try {
        await next()
      } catch (err) {
        ctx.status = err.status || 500
        ctx.body = { error: 'server exceptions' }
      }
    })
    this.router.get('/info', async ctx => this.handleGetInfo(ctx))
  }

  start () {
    this.app.use(this.router.routes())
  }

  async handleGetInfo (ctx) {
    ctx.type = 'application/json'
    ctx.body = { online: this.server.size }
  }
}

const monitor = new ServerMonitor(new Map())
monitor.start()
module.exports = monitor.app
`;
  const file = { path: "monitor.js", text };
  const specs = [{ url: "http://h/info", origin: PAGE }];

  it("the routes are read on the class's router: the answer has no CORS header (read, not unknown)", () => {
    const r = modelAnswer(text, "monitor.js", specs[0] as (typeof specs)[0]);
    expect("exchange" in r && r.exchange.hops[0]?.responseHeaders).toEqual([]);
  });

  it("check says the app has no CORS where the class makes it, the routes' line as also", () => {
    const f = checkConfig([file]).findings.filter((x) => x.code === "no-cors");
    expect(f.map((x) => [x.line, x.also?.map((a) => a.line)])).toEqual([
      [lineOf(text, "this.app = new Koa()"), [lineOf(text, "this.app.use(this.router.routes())")]],
    ]);
  });

  it("fix adds @koa/cors on this.app in the constructor; the real koa answers /info with Allow-Origin", async () => {
    const r = fixConfig([file], recordedFrom([file], specs));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain("+    this.app.use(cors(");
    expect(fixDiff(r)).toContain("+const cors = require('@koa/cors')");
    const s = await serve(r.files[0]?.after ?? "", "koa");
    try {
      const res = await fetch(`${s.url}/info`, { headers: { Origin: PAGE } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe(PAGE);
    } finally {
      s.close();
    }
  });
});

describe("check: allowed-header-misspelled", () => {
  it("names a cors() allowedHeaders entry that misspells a request header, not a header of the app's own", () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
app.use(
  cors({
    origin: "${PAGE}",
    allowedHeaders: ["Content-Type", "Authorisation", "X-Token-A"],
  }),
);
app.get("/x", (req, res) => res.json({}));
module.exports = app;
`;
    const f = checkConfig([{ path: "app.js", text }]).findings.filter(
      (x) => x.code === "allowed-header-misspelled",
    );
    expect(f.map((x) => [x.line, x.words.params])).toEqual([
      [7, { name: "Authorisation", meant: "Authorization" }],
    ]);
  });

  it("names a hand-set Allow-Headers string's misspelled name", () => {
    const text = `const express = require("express");
const app = express();
app.use((req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Headers", "Content-Tpye, Authorization");
  next();
});
module.exports = app;
`;
    const f = checkConfig([{ path: "app.js", text }]).findings.filter(
      (x) => x.code === "allowed-header-misspelled",
    );
    expect(f.map((x) => [x.line, x.words.params?.meant])).toEqual([[5, "Content-Type"]]);
  });
});
