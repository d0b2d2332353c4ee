/**
 * JavaScript shapes held-out set 18 found refused (test/fixes/HELDOUT18.md), each checked on the model
 * (the printed text is run on the real servers by the set's suite, in Chromium).
 */
import { describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, readConfig } from "../../src/config";
import { allowOrigin, modelAnswer as modelOf, recordedFrom } from "./recorded";
import { allowOrigin as served } from "./run-express";

const PAGE = "https://page.example.com";
/** A front end on localhost: an origin `http://localhost:${process.env.FRONTEND_PORT}` could be. */
const LOCAL = "http://localhost:5173";

describe("Express: an origin list of one entry spelled from the environment (verifywise-ai/verifywise#1138)", () => {
  const text = `const express = require('express');
const cors = require('cors');

const app = express();

app.use(
  cors({
    origin: [
      \`http://localhost:\${process.env.FRONTEND_PORT}\`,
    ],
    credentials: true,
  }),
);
app.use(express.json());

app.post('/api/users/login', (req, res) => res.json({ data: { token: 'access-1' } }));
app.get('/api/projects', (req, res) => res.json({ data: [] }));
module.exports = app;
`;
  /** What Express answered where FRONTEND_PORT is unset (the template reads `http://localhost:undefined`). */
  const unset = text.replace(
    `\`http://localhost:\${process.env.FRONTEND_PORT}\``,
    "'http://localhost:undefined'",
  );
  const calls = (origin: string) => [
    {
      url: "http://h/api/users/login",
      method: "POST",
      origin,
      credentials: "include" as const,
      headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
    },
    { url: "http://h/api/projects", origin, credentials: "include" as const },
  ];

  it("an origin the template's literal parts cannot spell is refused; one they can is unknown without a record", () => {
    expect(allowOrigin(modelOf(text, "index.js", { url: "http://h/api/projects", origin: PAGE }))).toEqual(
      [],
    );
    const local = modelOf(text, "index.js", { url: "http://h/api/projects", origin: LOCAL });
    expect("unknown" in local && local.unknown).toMatchObject({
      key: "config.express.unknown.env-origin",
      params: { line: 9, origin: LOCAL },
    });
  });

  for (const origin of [PAGE, LOCAL])
    it(`fix adds ${origin} beside the entry, kept as written; nothing any deployment allowed is narrowed`, async () => {
      const file = { path: "index.js", text };
      const r = fixConfig([file], recordedFrom([{ path: "index.js", text: unset }], calls(origin)));
      expect(r.rows.filter((x) => x.source === "evidence").map((x) => x.before.verdict)).toEqual([
        "blocked",
        "blocked",
      ]);
      expect(r.ok, fixDiff(r)).toBe(true);
      const after = r.files[0]?.after ?? "";
      expect(after).toContain(
        `\`http://localhost:\${process.env.FRONTEND_PORT}\`,\n      '${origin}',\n    ],`,
      );
      expect(() => readConfig([{ path: "index.js", text: after }])).not.toThrow();
      // The real express and cors, before and after, for each deployed port (ORIGIN stands for it).
      const run = (t: string) => t.replaceAll("process.env.FRONTEND_PORT", "process.env.ORIGIN");
      for (const port of [undefined, "5173", "3000"])
        for (const o of [LOCAL, "http://localhost:3000", PAGE]) {
          const was = (await served(run(text), port, o)) === o;
          const now = (await served(run(after), port, o)) === o;
          expect({ port, o, now: now || !was }).toEqual({ port, o, now: true });
        }
      expect(await served(run(after), undefined, origin)).toBe(origin);
    });

  it("check names the entry: what it reads unset, and that it allows only what it spells", () => {
    const found = checkConfig([{ path: "index.js", text }]).findings;
    expect(found.map((f) => [f.code, f.line])).toEqual([["origin-env-template", 9]]);
    expect(found[0]?.words.params).toMatchObject({
      env: "process.env.FRONTEND_PORT",
      unset: "http://localhost:undefined",
    });
  });
});

describe("the same entry spelled from the environment, read elsewhere", () => {
  const hono = `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'

const app = new Hono()
app.use('*', cors({ origin: [\`http://localhost:\${process.env.FRONTEND_PORT}\`], credentials: true }))
app.get('/api/projects', (c) => c.json([]))
serve({ fetch: app.fetch, port: 3000 })
`;
  it("hono/cors' list: refused where the literal parts cannot spell the origin, unknown where they can", () => {
    expect(allowOrigin(modelOf(hono, "index.mjs", { url: "http://h/api/projects", origin: PAGE }))).toEqual(
      [],
    );
    const local = modelOf(hono, "index.mjs", { url: "http://h/api/projects", origin: LOCAL });
    expect("unknown" in local && local.unknown.key).toBe("config.express.unknown.env-origin");
  });
  it("hono/cors' list: fix takes the recorded refusal for the page on localhost and adds it", () => {
    const file = { path: "index.mjs", text: hono };
    const unset = hono.replace(
      `\`http://localhost:\${process.env.FRONTEND_PORT}\``,
      "'http://localhost:undefined'",
    );
    const r = fixConfig(
      [file],
      recordedFrom([{ path: "index.mjs", text: unset }], [{ url: "http://h/api/projects", origin: LOCAL }]),
    );
    expect(r.rows[0]?.before.verdict).toBe("blocked");
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `origin: [\`http://localhost:\${process.env.FRONTEND_PORT}\`, '${LOCAL}']`,
    );
  });
  it("an origin function's lookup in such a list is unknown where the entry could be the origin", () => {
    const text = `const express = require('express');
const cors = require('cors');
const FRONT = [\`http://localhost:\${process.env.FRONTEND_PORT}\`];
const app = express();
app.use(cors({ origin: (origin, cb) => cb(null, FRONT.includes(origin)) }));
app.get('/api/projects', (req, res) => res.json([]));
module.exports = app;
`;
    expect(allowOrigin(modelOf(text, "index.js", { url: "http://h/api/projects", origin: PAGE }))).toEqual(
      [],
    );
    expect("unknown" in modelOf(text, "index.js", { url: "http://h/api/projects", origin: LOCAL })).toBe(
      true,
    );
    const found = text.replace("FRONT.includes(origin)", "FRONT.some((f) => f === origin)");
    expect("unknown" in modelOf(found, "index.js", { url: "http://h/api/projects", origin: PAGE })).toBe(
      true,
    );
  });
});

describe("Hono: an origin function finding the Origin in a same-file list of regexes (kodadot/workers#181)", () => {
  const text = `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'

const MAIN_SITE = 'https://kodadot.xyz'

const MATCHES = [
  /deploy-preview-[0-9]+--koda-nuxt.netlify.app/,
  /kodadot.xyz/,
  /localhost:9090/,
]

export const allowedOrigin = (origin) => {
  const match = MATCHES.find((r) => r.test(origin))
  if (match) {
    return origin
  }
  return MAIN_SITE
}

const app = new Hono()

app.use('/drops/*', cors({ origin: allowedOrigin }))

app.get('/drops/:id', (c) => c.json(null))
app.post('/drops/:id/claim', (c) => c.json({ sn: 116 }))

serve({ fetch: app.fetch, port: 8787 })
`;
  const PREVIEW = "https://deploy-preview-12--koda-canary.netlify.app";

  it("runs the find: a listed origin echoed, any other answered the main site's address", () => {
    const at = (origin: string) =>
      allowOrigin(modelOf(text, "worker.mjs", { url: "http://h/drops/a", origin }));
    expect(at("https://deploy-preview-7--koda-nuxt.netlify.app")).toEqual([
      "https://deploy-preview-7--koda-nuxt.netlify.app",
    ]);
    expect(at("http://localhost:9090")).toEqual(["http://localhost:9090"]);
    expect(at(PREVIEW)).toEqual(["https://kodadot.xyz"]);
  });

  it("the other array methods with a callback: some, every, filter, findIndex; startsWith and endsWith", () => {
    const fn = (body: string) =>
      text.replace(
        /export const allowedOrigin = [\s\S]*?\n}\n/,
        `const HOSTS = ['https://a.example', 'https://b.example']\nexport const allowedOrigin = (origin) => (${body} ? origin : null)\n`,
      );
    const at = (t: string, origin: string) =>
      allowOrigin(modelOf(t, "worker.mjs", { url: "http://h/drops/a", origin }));
    const some = fn("MATCHES.some(function (r) { return r.test(origin) })");
    expect(at(some, "http://localhost:9090")).toEqual(["http://localhost:9090"]);
    expect(at(some, PAGE)).toEqual([]);
    const every = fn("!HOSTS.every((h) => !origin.startsWith(h))");
    expect(at(every, "https://b.example")).toEqual(["https://b.example"]);
    expect(at(every, PAGE)).toEqual([]);
    const filter = fn("HOSTS.filter((h) => origin.endsWith(h.slice(8))).length > 0");
    expect(at(filter, "https://a.example")).toEqual(["https://a.example"]);
    const index = fn("HOSTS.findIndex((h) => h === origin) >= 0");
    expect(at(index, "https://b.example")).toEqual(["https://b.example"]);
    expect(at(index, PAGE)).toEqual([]);
  });

  for (const origin of [PREVIEW, "http://localhost:41234"])
    it(`fix adds ${origin} to the list as a regex the way it is written (anchored), the function as it is`, () => {
      const file = { path: "worker.mjs", text };
      const r = fixConfig(
        [file],
        recordedFrom(
          [file],
          [
            { url: "http://h/drops/free-drop", origin },
            {
              url: "http://h/drops/free-drop/claim",
              method: "POST",
              origin,
              headers: [["Content-Type", "application/json"]],
            },
          ],
        ),
      );
      expect(r.ok, fixDiff(r)).toBe(true);
      const after = r.files[0]?.after ?? "";
      const re = `/^${origin.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$/`;
      expect(after).toContain(`  /localhost:9090/,\n  ${re},\n]`);
      expect(after).toContain("const match = MATCHES.find((r) => r.test(origin))");
      // The regex written matches the origin and nothing more.
      const written = new Function(`return ${re}`)() as RegExp;
      expect([written.test(origin), written.test(`${origin}.evil.example`)]).toEqual([true, false]);
    });
});
