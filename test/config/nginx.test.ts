import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import {
  ConfigError,
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  readConfig,
  unifiedDiff,
} from "../../src/config";
import { answer } from "../../src/config/nginx/answer";
import { parseNginx } from "../../src/config/nginx/syntax";
import { buildTree } from "../../src/config/nginx/tree";
import type { HopRequest } from "../../src/config/types";
import type { RequestSpec } from "../../src/config/whatif";
import type { HeaderList, ObservedExchange } from "../../src/engine";
import { propertyBudget } from "../property";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const file = (text: string, path = "site.conf"): ConfigFile => ({ path, text });

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  const tree = buildTree([file(text)]);
  return answer(tree, { method: "GET", headers: [["Origin", APP]], ...req });
}

function headersOf(a: ReturnType<typeof ask>): HeaderList {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a.headers;
}

/** What a browser would have recorded from this configuration (the model's answers): the evidence. */
const evidence = (text: string, specs: Array<Partial<RequestSpec> & { url: string }>): ObservedExchange[] =>
  recordedFrom([file(text)], specs);

describe("nginx syntax", () => {
  it("keeps byte offsets, reads quotes, comments and braced variables as nginx does", () => {
    const text = `# top comment
server {
    add_header X-A "a \\"q\\" b" always; # trailing
    set $x \${scheme}://h;
    if ($http_origin ~* "^https://a\\.example\\.com$") { return 204; }
}
`;
    const [server] = parseNginx(text, "f");
    expect(server?.name).toBe("server");
    const [add, set, iff] = server?.block?.children ?? [];
    expect(add?.args.map((a) => a.value)).toEqual(["X-A", 'a "q" b', "always"]);
    expect(text.slice(add?.args[1]?.start, add?.args[1]?.end)).toBe('"a \\"q\\" b"');
    expect(add?.line).toBe(3);
    expect(set?.args[1]?.value).toBe(`$\{scheme}://h`);
    // A backslash before anything but a quote, a backslash, t, r or n stays: the regex keeps \.
    expect(iff?.args.map((a) => a.value)).toEqual(["($http_origin", "~*", "^https://a\\.example\\.com$"]);
    expect(text.slice(server?.start, server?.end).endsWith("}")).toBe(true);
  });

  it("names the line of a syntax error", () => {
    expect(() => parseNginx("server {\n  listen 80;\n", "f")).toThrow(/f:3: unexpected end of file/);
    expect(() => parseNginx("a;\n}\n", "f")).toThrow(/f:2: unexpected "}"/);
  });
});

describe("nginx answers", () => {
  const conf = `server {
    listen 80;
    add_header Access-Control-Allow-Origin "${APP}" always;
    location /a/ {
        return 200;
    }
    location /b/ {
        add_header Cache-Control no-store;
        return 200;
    }
    location /c/ {
        add_header Access-Control-Allow-Origin "${APP}";
        return 500;
    }
    location = /c/exact {
        if ($request_method = OPTIONS) {
            return 204;
        }
        add_header Access-Control-Allow-Origin "${APP}";
        auth_basic "x";
        proxy_pass http://127.0.0.1:1;
    }
    location ~ \\.json$ {
        add_header X-Json 1;
        return 200;
    }
}
`;
  const acao = (h: HeaderList) => h.filter(([n]) => n === "Access-Control-Allow-Origin").map(([, v]) => v);

  it("try_files … @name: the named location answers, without the location's add_header (said by check)", () => {
    const text = `server {
    listen 80;
    location / {
        add_header Access-Control-Allow-Origin "${APP}" always;
        try_files $uri @app;
    }
    location @app {
        proxy_pass http://127.0.0.1:9000;
    }
}
`;
    const a = ask(text, { url: "http://localhost/api/items" });
    expect(headersOf(a).filter(([n]) => n === "Access-Control-Allow-Origin")).toEqual([]);
    expect(a.kind === "known" && a.assumed?.map((w) => w.key)).toContain("config.assumed.try-files");
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "named-location-drops-cors:4",
    ]);
    // The named location with its own CORS header: nothing lost, nothing said.
    const fixed = text.replace(
      "    location @app {\n",
      `    location @app {\n        add_header Access-Control-Allow-Origin "${APP}" always;\n`,
    );
    expect(headersOf(ask(fixed, { url: "http://localhost/api/items" }))).toContainEqual([
      "Access-Control-Allow-Origin",
      APP,
    ]);
    // Nothing lost; what is left to say is that nginx hands the preflight on to the app.
    expect(checkConfig([file(fixed)]).findings.map((f) => `${f.code}:${f.severity}:${f.line}`)).toEqual([
      "preflight-to-upstream:warning:9",
    ]);
  });

  it("inherits add_header only into a level with none of its own", () => {
    expect(acao(headersOf(ask(conf, { url: "http://x/a/1" })))).toEqual([APP]);
    expect(acao(headersOf(ask(conf, { url: "http://x/b/1" })))).toEqual([]);
  });

  it("adds a header without always to 2xx/3xx only", () => {
    const a = ask(conf, { url: "http://x/c/1" });
    expect(a.kind === "known" && a.status).toBe(500);
    expect(acao(headersOf(a))).toEqual([]);
  });

  it("runs the rewrite phase before auth, and an if block inherits the location's headers", () => {
    const pre = ask(conf, { url: "http://x/c/exact", method: "OPTIONS" });
    expect(pre.kind === "known" && pre.status).toBe(204);
    expect(acao(headersOf(pre))).toEqual([APP]);
    const get = ask(conf, { url: "http://x/c/exact" });
    expect(get.kind === "known" && get.status).toBe(401);
  });

  it("picks = before prefixes and a regex before a plain prefix", () => {
    expect(headersOf(ask(conf, { url: "http://x/b/data.json" })).some(([n]) => n === "X-Json")).toBe(true);
    const exact = ask(conf, {
      url: "http://x/c/exact",
      headers: [
        ["Origin", APP],
        ["Authorization", "Basic x"],
      ],
    });
    expect(exact.kind === "known" && exact.fromUpstream).toBe(true);
  });

  it("evaluates maps (exact, regex, default) and set inside an origin if", () => {
    const m = `map $http_origin $cors {
    default "";
    "~^https://(a|b)\\.example\\.com$" $http_origin;
    "https://c.example.com" $http_origin;
}
server {
    location / {
        set $v "";
        if ($http_origin ~* "^https://d\\.example\\.com$") { set $v $http_origin; }
        add_header Access-Control-Allow-Origin $cors$v;
        return 200;
    }
}`;
    for (const [origin, want] of [
      ["https://a.example.com", ["https://a.example.com"]],
      ["https://c.example.com", ["https://c.example.com"]],
      ["https://d.example.com", ["https://d.example.com"]],
      ["https://aXexample.com", []],
    ] as const) {
      expect(acao(headersOf(ask(m, { url: "http://x/", headers: [["Origin", origin]] })))).toEqual(want);
    }
  });

  it("says unknown instead of guessing: a file test, an unknown variable, an unrecorded upstream preflight", () => {
    const f = `server { location / { if (-f $request_filename) { return 204; } return 200; } }`;
    expect(ask(f, { url: "http://x/" })).toMatchObject({
      kind: "unknown",
      why: { key: "config.unknown.file-test" },
    });
    const v = `server { location / { add_header Access-Control-Allow-Origin $geo_origin; return 200; } }`;
    expect(ask(v, { url: "http://x/" })).toMatchObject({
      kind: "unknown",
      why: { key: "config.unknown.variable" },
    });
    const u = `server { location / { proxy_pass http://app; } }`;
    expect(ask(u, { url: "http://x/", method: "OPTIONS" })).toMatchObject({
      kind: "unknown",
      why: { key: "config.unknown.upstream-options" },
    });
  });

  it("serves static files to GET only (405 for OPTIONS)", () => {
    const s = `server { location / { root /srv; } }`;
    const a = ask(s, { url: "http://x/", method: "OPTIONS" });
    expect(a.kind === "known" && a.status).toBe(405);
  });
});

describe("cors-lens check (nginx)", () => {
  const codes = (text: string) => checkConfig([file(text)]).findings.map((f) => `${f.code}@${f.line}`);

  // Held-out set 8: a map key written as a pattern without ~; two ifs of one location.
  it("names a map key written like a regex without ~, and not one with it", () => {
    const site = (key: string) => `map $http_origin $cors_allow {
    default "";
    ${key} $http_origin;
}
server {
    listen 80;
    location /api/ {
        add_header Access-Control-Allow-Origin $cors_allow always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:3000;
    }
}
`;
    expect(codes(site('"^https://(app|admin)\\.example\\.com$"'))).toContain("map-regex-without-tilde@3");
    expect(codes(site('"~^https://(app|admin)\\.example\\.com$"'))).not.toContain(
      "map-regex-without-tilde@3",
    );
    expect(codes(site('"https://app.example.com"'))).not.toContain("map-regex-without-tilde@3");
  });

  it("warns at a later if of the location when an earlier one adds the CORS headers", () => {
    const site = (second: string) => `server {
    listen 80;
    location /api/ {
        if ($request_method = 'GET') {
            add_header 'Access-Control-Allow-Origin' '*';
        }
        ${second} {
            add_header Cache-Control "public";
        }
        proxy_pass http://127.0.0.1:3000;
    }
}
`;
    expect(codes(site('if ($uri ~ "\\.json$")'))).toContain("if-replaces-cors-if@7");
    // Never both: two methods.
    expect(codes(site("if ($request_method = 'POST')"))).not.toContain("if-replaces-cors-if@7");
  });

  it("finds each planted problem on its line", () => {
    const text = `map $http_origin $o {
    default "";
    "~https://app.example.com" $http_origin;
    "null" $http_origin;
}
server {
    add_header Access-Control-Allow-Origin "*" always;
    add_header Access-Control-Allow-Credentials "true" always;
    location /a/ {
        add_header X-Frame-Options DENY;
    }
    location /b/ {
        add_header Access-Control-Allow-Origin $http_origin;
        add_header Access-Control-Allow-Credentials true;
    }
    location /c/ {
        add_header Access-Control-Allow-Origin $o always;
        add_header Access-Control-Allow-Origin $o always;
        add_header Vary Origin always;
    }
    location /d/ {
        add_header Access-Control-Allow-Origin "https://a.example.com, https://b.example.com" always;
    }
}
`;
    const found = codes(text);
    for (const want of [
      "origin-regex-dot@3",
      "origin-regex-anchor@3",
      "null-origin-allowed@4",
      "wildcard-with-credentials@7",
      "nested-add-header-drops-cors@10",
      "no-always@13",
      "reflected-with-credentials@13",
      "vary-origin-missing@13",
      "duplicate-allow-origin@18",
      "origin-list@22",
    ])
      expect(found).toContain(want);
  });

  it("reports nothing on a correct configuration", () => {
    const text = `map $http_origin $o {
    default "";
    "~^https://(app|admin)\\.example\\.com$" $http_origin;
}
server {
    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $o;
            add_header Access-Control-Allow-Methods "GET, PUT";
            add_header Access-Control-Allow-Credentials "true";
            add_header Vary Origin;
            return 204;
        }
        add_header Access-Control-Allow-Origin $o always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:3000;
    }
}
`;
    expect(codes(text)).toEqual([]);
  });
});

describe("cors-lens fix (nginx, what-if)", () => {
  const broken = `# API gateway
server {
    listen 80;
    server_name api.example.com;

    location /api/ {
        # CORS (see ticket 12)
        add_header Access-Control-Allow-Origin "${APP}";
        add_header Access-Control-Allow-Methods "GET, POST";
        return 200;
    }
}
`;
  const requests = [
    {
      url: "http://api.example.com/api/items",
      method: "PUT",
      headers: [["Content-Type", "application/json"]] as HeaderList,
    },
    { url: "http://api.example.com/api/items", origin: "https://admin.example.com" },
  ];

  it("makes the failing requests pass, keeps what was allowed, and a diff that patch applies", () => {
    const result = fixConfig([file(broken)], evidence(broken, requests));
    expect(result.ok).toBe(true);
    const rows = result.rows.filter((r) => r.source === "evidence");
    expect(rows.map((r) => [r.before.verdict, r.after.verdict])).toEqual([
      ["blocked", "allowed"],
      ["blocked", "allowed"],
    ]);
    const standard = result.rows.filter((r) => r.source === "standard");
    expect(standard.length).toBeGreaterThan(0);
    expect(standard.every((r) => r.after.verdict === "allowed")).toBe(true);
    const after = result.files[0]?.after ?? "";
    expect(after).toContain("# CORS (see ticket 12)");
    expect(after).toContain("# API gateway");
    // GNU patch applies the diff to the original and gives the same text.
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    writeFileSync(join(dir, "site.conf"), broken);
    const p = spawnSync("patch", ["-p1", "-d", dir, "--no-backup-if-mismatch"], {
      input: fixDiff(result),
      encoding: "utf8",
    });
    expect(p.status, p.stdout + p.stderr).toBe(0);
    expect(readFileSync(join(dir, "site.conf"), "utf8")).toBe(after);
    // Round trip: the patched file with the same evidence needs nothing.
    const again = fixConfig([file(after)], evidence(broken, requests));
    expect(fixDiff(again)).toBe("");
    // …and does not claim success on it: the browser's record says blocked, the file as read allows.
    expect(again.ok).toBe(false);
    expect(again.notes.map((n) => n.key)).toContain("config.note.recorded-blocked");
  });

  it("copies the CORS headers into the nested block that dropped them", () => {
    const text = `server {
    add_header Access-Control-Allow-Origin "${APP}" always;
    location /r/ {
        add_header Cache-Control no-store;
        return 200;
    }
}
`;
    const result = fixConfig([file(text)], evidence(text, [{ url: "http://x/r/1" }]));
    expect(result.ok).toBe(true);
    expect(fixDiff(result)).toContain(`+        add_header Access-Control-Allow-Origin "${APP}" always;`);
    expect(result.edits).toEqual([
      // Lines of the patched file: the copy is line 5, the add_header that dropped them line 4, the source line 2.
      expect.objectContaining({ line: 5, why: { key: "config.fix.copy", params: { line: 4, from: 2 } } }),
    ]);
  });

  it("exits 1 (not ok) when the configuration cannot tell, and says why", () => {
    const text = `server { location / { add_header Access-Control-Allow-Origin $geo; return 200; } }`;
    const ev = evidence(`server { location / { return 200; } }`, [{ url: "http://x/" }]);
    const result = fixConfig([file(text)], ev);
    expect(result.ok).toBe(false);
    expect(result.rows[0]?.after.verdict).toBe("unknown");
  });
});

describe("formats and messages", () => {
  it("refuses what it cannot read with a clear message (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const app = join(dir, "app.py");
    // aiohttp apps are read now (#23); a Bottle app is not.
    writeFileSync(app, "import bottle\n\napp = bottle.Bottle()\n");
    let err = "";
    const code = await runCli(
      ["check", "--config", app],
      () => {},
      (s) => (err += s),
      false,
      {},
    );
    expect(code).toBe(2);
    expect(err).toContain("cors-lens cannot read Python apps yet");
    // S3 bucket CORS is read now (#23): its own reader, not a refusal.
    expect(
      detectFormat({
        path: "cors.json",
        text: '{"CORSRules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET"]}]}',
      }),
    ).toEqual({ format: "s3-json" });
    expect(
      detectFormat({ path: "cors.xml", text: "<CORSConfiguration><CORSRule/></CORSConfiguration>" }),
    ).toEqual({
      format: "s3-xml",
    });
  });

  it("asks for the included file when CORS is set there", () => {
    const text =
      "server {\n    location /api/ {\n        include snippets/cors.conf;\n        proxy_pass http://app;\n    }\n}\n";
    expect(() => readConfig([file(text)])).toThrow(ConfigError);
    try {
      readConfig([file(text)]);
    } catch (e) {
      expect((e as ConfigError).words).toMatchObject({ key: "config.error.included", params: { line: 3 } });
    }
    // Passed too, the snippet is read in place.
    const snippet = file(
      'add_header Access-Control-Allow-Origin "https://a.example" always;\n',
      "snippets/cors.conf",
    );
    const config = readConfig([file(text), snippet]);
    const a = config.answer({
      method: "GET",
      url: "http://x/api/1",
      headers: [["Origin", "https://a.example"]],
    });
    expect(a.kind === "known" && a.headers).toContainEqual([
      "Access-Control-Allow-Origin",
      "https://a.example",
    ]);
  });

  it("speaks Korean", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const f = join(dir, "site.conf");
    writeFileSync(
      f,
      `server { location / { add_header Access-Control-Allow-Origin "*"; add_header Access-Control-Allow-Credentials "true"; return 200; } }\n`,
    );
    let out = "";
    const code = await runCli(
      ["check", "--config", f, "--lang", "ko"],
      (s) => (out += s),
      () => {},
      false,
      {},
    );
    expect(code).toBe(1);
    expect(out).toContain("브라우저가 자격 증명을 포함한 요청을 모두 차단합니다");
  });
});

// 80 random edits, each applied by a `patch` process: 2 s at load 6 (25 ms each).
const PATCHED = propertyBudget(80, 500);
// 400 random files read and answered: well under a second at load 6.
const HOSTILE = propertyBudget(400, 25);

describe("unified diff", () => {
  it(
    "is applied by GNU patch to give the new text (random edits)",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "diff-"));
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom("a", "b", "c", "# c", "  x;", ""), { maxLength: 40 }),
          fc.array(
            fc.tuple(fc.nat(40), fc.constantFrom("ins", "del", "rep"), fc.constantFrom("n", "m;", "")),
            {
              maxLength: 6,
            },
          ),
          (lines, edits) => {
            const before = lines.map((l) => `${l}\n`).join("");
            const next: string[] = [...lines];
            for (const [at, kind, text] of edits) {
              const i = Math.min(at, next.length);
              if (kind === "ins") next.splice(i, 0, text);
              else if (kind === "del") next.splice(i, 1);
              else next.splice(i, 1, text);
            }
            const after = next.map((l) => `${l}\n`).join("");
            const d = unifiedDiff(before, after, "a/f", "b/f");
            if (before === after) return d === "";
            writeFileSync(join(dir, "f"), before);
            const p = spawnSync("patch", ["-p1", "-d", dir, "--no-backup-if-mismatch", "-s"], {
              input: d,
              encoding: "utf8",
            });
            return p.status === 0 && readFileSync(join(dir, "f"), "utf8") === after;
          },
        ),
        PATCHED.params,
      );
    },
    PATCHED.timeout,
  );
});

describe("nginx files that are not whole configurations", () => {
  it("reads a snippet on its own (checked, noted as belonging to another file) and proxy_params-like files", () => {
    const snippet = file(
      'add_header Access-Control-Allow-Origin "*" always;\nadd_header Access-Control-Allow-Credentials "true" always;\n',
      "snippets/cors.conf",
    );
    expect(detectFormat(snippet)).toEqual({ format: "nginx" });
    const r = checkConfig([snippet]);
    expect(r.findings.map((f) => `${f.code}@${f.line}`)).toEqual(["wildcard-with-credentials@1"]);
    expect(r.notes.map((n) => n.key)).toContain("config.note.orphan");
    expect(
      detectFormat(
        file("proxy_set_header Host $host;\nproxy_set_header X-Real-IP $remote_addr;\n", "proxy_params"),
      ),
    ).toEqual({
      format: "nginx",
    });
  });
});

describe("modules CORS Lens does not model", () => {
  it("says unknown for headers set by more_set_headers instead of reading them as absent", () => {
    const text = `server { location / { more_set_headers "Access-Control-Allow-Origin: *"; return 200; } }`;
    expect(ask(text, { url: "http://x/" })).toMatchObject({
      kind: "unknown",
      why: { key: "config.unknown.headers-more" },
    });
  });
});

describe("evidence from the extension", () => {
  it("takes the unsafe header names from the preflight when the stopped request's own headers were not seen", () => {
    const text = `server {
    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin "${APP}";
            add_header Access-Control-Allow-Methods "GET, POST";
            add_header Access-Control-Allow-Headers "Content-Type";
            return 204;
        }
        add_header Access-Control-Allow-Origin "${APP}" always;
        return 200;
    }
}
`;
    const [x] = evidence(text, [
      {
        url: "http://x/api/items/1",
        method: "PUT",
        headers: [
          ["Content-Type", "application/json"],
          ["X-Api-Key", "k"],
        ],
      },
    ]);
    // As webRequest records a request its preflight stopped: no headers of the request itself.
    const seen = { ...(x as ObservedExchange), requestHeaders: null, hops: [] };
    const result = fixConfig([file(text)], [seen]);
    expect(result.ok).toBe(true);
    expect(result.files[0]?.after).toMatch(/Access-Control-Allow-Headers "Content-Type, x-api-key"/i);
  });
});

describe("the trailing-slash redirect", () => {
  it("answers /api with a 301 to /api/ when /api/ is proxied, before any if runs", () => {
    const text = `server {
    location /api/ {
        if ($request_method = OPTIONS) { return 204; }
        add_header Access-Control-Allow-Origin "${APP}" always;
        proxy_pass http://127.0.0.1:3000;
    }
}`;
    const a = ask(text, { url: "http://x/api?q=1", method: "OPTIONS" });
    expect(a).toMatchObject({ kind: "known", status: 301 });
    expect(headersOf(a)).toContainEqual(["Location", "/api/?q=1"]);
    const exact = `server { location = /api { return 204; } location /api/ { proxy_pass http://127.0.0.1:3000; } }`;
    expect(ask(exact, { url: "http://x/api", method: "OPTIONS" })).toMatchObject({
      kind: "known",
      status: 204,
    });
  });
});

describe("cors-lens fix (command line)", () => {
  const broken = `server {
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}";
        return 500;
    }
}
`;
  async function run(...argv: string[]) {
    let out = "";
    let err = "";
    const code = await runCli(
      argv,
      (s) => (out += s),
      (s) => (err += s),
      false,
      {},
    );
    return { code, out, err };
  }

  it("prints the diff on stdout and the table on stderr; --write keeps FILE.orig; exit 2 on bad input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const site = join(dir, "site.conf");
    writeFileSync(site, broken);
    const har = join(dir, "x.har");
    writeFileSync(
      har,
      JSON.stringify({ log: { version: "1.2", creator: { name: "WebInspector" }, entries: [] } }),
    );
    expect((await run("fix", "--config", site)).code).toBe(2);
    expect((await run("fix", "--config", join(dir, "missing.conf"), "--har", har)).err).toContain(
      "no such file",
    );
    const { exportHar } = await import("../../src/report/har-export");
    writeFileSync(
      har,
      JSON.stringify(exportHar(evidence(broken, [{ url: "http://x/api/items" }]), { includeSecrets: true })),
    );
    const printed = await run("fix", "--config", site, "--har", har);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^--- a\/.*site\.conf\n\+\+\+ b\//);
    expect(printed.out).toContain(`+        add_header Access-Control-Allow-Origin "${APP}" always;`);
    expect(printed.err).toContain("blocked (missing-allow-origin) | allowed");
    const json = JSON.parse((await run("fix", "--config", site, "--har", har, "--format", "json")).out);
    expect(json.edits).toEqual([expect.objectContaining({ line: 3, code: "config.fix.always" })]);
    const written = await run("fix", "--config", site, "--har", har, "--write");
    expect(written.code).toBe(0);
    expect(readFileSync(`${site}.orig`, "utf8")).toBe(broken);
    expect(readFileSync(site, "utf8")).toContain("always;");
  });

  it("exits 1 when the patch cannot make everything pass", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const site = join(dir, "site.conf");
    // Allow-Origin comes from a variable set nowhere CORS Lens can see: it will not guess.
    writeFileSync(
      site,
      "server { location / { add_header Access-Control-Allow-Origin $geo_origin always; return 200; } }\n",
    );
    const { exportHar } = await import("../../src/report/har-export");
    const har = join(dir, "x.har");
    writeFileSync(
      har,
      JSON.stringify(
        exportHar(evidence("server { location / { return 200; } }\n", [{ url: "http://x/" }]), {
          includeSecrets: true,
        }),
      ),
    );
    const r = await run("fix", "--config", site, "--har", har);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("✖");
  });
});

describe("hostile input", () => {
  it(
    "check and answers never throw anything but a worded ConfigError on random nginx-like text",
    () => {
      const piece = fc.constantFrom(
        "server {",
        "location /api/ {",
        "location ~* \\.json$ {",
        "if ($request_method = OPTIONS) {",
        "if ($http_origin ~* (a|b) {",
        "}",
        "add_header Access-Control-Allow-Origin $http_origin always;",
        'add_header Access-Control-Allow-Origin "*";',
        "add_header Access-Control-Allow-Credentials true;",
        "map $http_origin $o {",
        '"~^https://x\\.y$" $http_origin;',
        "default '';",
        "return 204;",
        "rewrite ^/(.*)$ /api/$1 last;",
        "proxy_pass http://app;",
        "set $o $http_origin;",
        "include cors.conf;",
        "auth_basic x;",
        '"unclosed',
        "${",
        ";",
        "# comment",
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 30 }),
          fc.constantFrom("GET", "OPTIONS", "PUT"),
          (lines, method) => {
            const text = `${lines.join("\n")}\n`;
            try {
              checkConfig([file(text)]);
              const config = readConfig([file(text)]);
              config.answer({ method, url: "http://x/api/a.json", headers: [["Origin", APP]] });
            } catch (e) {
              if (!(e instanceof ConfigError)) throw e;
            }
          },
        ),
        HOSTILE.params,
      );
    },
    HOSTILE.timeout,
  );
});

describe("limit_except", () => {
  it("runs a method it does not list with its own configuration: the location's if does not answer it", () => {
    const text = `server {
    location /api/ {
        if ($request_method = OPTIONS) { return 204; }
        add_header Access-Control-Allow-Origin "${APP}" always;
        limit_except GET POST { deny all; }
        proxy_pass http://127.0.0.1:3000;
    }
}`;
    const a = ask(text, { url: "http://x/api/1", method: "OPTIONS" });
    expect(a).toMatchObject({ kind: "known", status: 403 });
    // Its add_header inherits from the location (it has none of its own).
    expect(headersOf(a)).toContainEqual(["Access-Control-Allow-Origin", APP]);
  });
});

describe("Allow-Origin reflected inside an origin test", () => {
  it("extends the test's regex for the new origin (reflection alone does not let it in)", () => {
    const text = `server {
    location /api/ {
        if ($http_origin ~* "^https://(www|app)\\.example\\.com$") {
            add_header Access-Control-Allow-Origin $http_origin always;
        }
        return 200;
    }
}
`;
    const admin = "https://admin.example.com";
    const result = fixConfig([file(text)], evidence(text, [{ url: "http://x/api/1", origin: admin }]));
    expect(result.ok).toBe(true);
    expect(result.files[0]?.after).toContain(
      'if ($http_origin ~* "(?:^https://(www|app)\\.example\\.com$)|^https://admin\\.example\\.com$") {',
    );
  });
});

describe("fix: an origin map read through another map (h5bp's two maps)", () => {
  it("adds the origin to the map that tests it, with the value the second map reflects", () => {
    const text = `map $http_origin $origin_allowed {
    default 0;
    https://app.example.com 1;
}
map $origin_allowed $cors {
    default "";
    1 $http_origin;
}
server {
    location /api/ {
        add_header Access-Control-Allow-Origin $cors always;
        add_header Vary Origin always;
        return 200;
    }
}
`;
    const staging = "https://staging.example.com";
    const acao = (h: HeaderList) => h.filter(([n]) => n === "Access-Control-Allow-Origin").map(([, v]) => v);
    const result = fixConfig([file(text)], evidence(text, [{ url: "http://x/api/1", origin: staging }]));
    expect(result.ok).toBe(true);
    const after = result.files[0]?.after ?? "";
    expect(after).toMatch(/https:\/\/app\.example\.com 1;\n\s+"https:\/\/staging\.example\.com" "?1"?;\n\}/);
    // The second map is left as it was; the first origin still reflected.
    expect(after).toContain('map $origin_allowed $cors {\n    default "";\n    1 $http_origin;\n}');
    for (const origin of [APP, staging])
      expect(acao(headersOf(ask(after, { url: "http://x/api/1", headers: [["Origin", origin]] })))).toEqual([
        origin,
      ]);
  });
});

describe("check: what the preflight meets", () => {
  const codes = (text: string) => checkConfig([file(text)]).findings.map((f) => `${f.code}@${f.line}`);
  // The preflight handed on to the app: its status is the app's (a 405 from a route table that has
  // no OPTIONS fails it). Answered by an `if` in the location or the server: nothing to say.
  it("names the proxy_pass a preflight goes on to when nginx adds the CORS headers but answers no OPTIONS", () => {
    const text = `server {
    listen 80;
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT" always;
        proxy_pass http://127.0.0.1:9000;
    }
}
`;
    const found = checkConfig([file(text)]).findings;
    expect(found.map((f) => `${f.code}:${f.severity}:${f.line}`)).toEqual([
      "preflight-to-upstream:warning:6",
    ]);
    expect(found[0]?.words.params?.directive).toBe("proxy_pass");
    const answered = text.replace(
      "        proxy_pass",
      "        if ($request_method = OPTIONS) {\n            return 204;\n        }\n        proxy_pass",
    );
    expect(checkConfig([file(answered)]).findings.map((f) => f.code)).not.toContain("preflight-to-upstream");
    const inServer = text.replace(
      "    listen 80;\n",
      "    listen 80;\n    if ($request_method = OPTIONS) {\n        return 204;\n    }\n",
    );
    expect(checkConfig([file(inServer)]).findings.map((f) => f.code)).not.toContain("preflight-to-upstream");
  });

  it("names auth_basic and limit_except that refuse the preflight, and CORS set for the preflight only", () => {
    expect(
      codes(`server {
    location /a/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        auth_basic "x";
        return 200;
    }
    location /b/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        limit_except GET { deny all; }
        return 200;
    }
    location /c/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin "${APP}";
            return 204;
        }
        return 200;
    }
}
`),
    ).toEqual([
      "preflight-refused@4",
      "preflight-refused@9",
      "cors-on-preflight-only@13",
      // …whose answer names neither methods nor headers: no preflight passes it either.
      "preflight-allows-nothing@14",
    ]);
    // Answered before the auth: no refusal to name (its answer names no methods or headers: that
    // is all there is to say).
    expect(
      codes(`server {
    location /a/ {
        if ($request_method = OPTIONS) { return 204; }
        add_header Access-Control-Allow-Origin "${APP}" always;
        auth_basic "x";
        return 200;
    }
}
`),
    ).toEqual(["preflight-allows-nothing@4"]);
  });
});
