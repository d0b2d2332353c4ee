import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  readConfig,
} from "../../src/config";
import { answer, ordered, scopeOf } from "../../src/config/caddy/answer";
import { parseCaddyfile } from "../../src/config/caddy/syntax";
import { buildTree } from "../../src/config/caddy/tree";
import type { HopRequest } from "../../src/config/types";
import type { RequestSpec } from "../../src/config/whatif";
import type { HeaderList, ObservedExchange } from "../../src/engine";
import { cli } from "../cli/run-cli";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const file = (text: string, path = "Caddyfile"): ConfigFile => ({ path, text });
const caddyInstalled = spawnSync("caddy", ["version"], { encoding: "utf8" }).status === 0;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  return answer(buildTree([file(text)]), { method: "GET", headers: [["Origin", APP]], ...req });
}

function headersOf(a: ReturnType<typeof ask>): HeaderList {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a.headers;
}

const values = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

/** What a browser would have recorded from this configuration (the model's answers): the evidence. */
const evidence = (text: string, specs: Array<Partial<RequestSpec> & { url: string }>): ObservedExchange[] =>
  recordedFrom([file(text)], specs);

describe("Caddyfile syntax", () => {
  it("keeps offsets and lines, reads quotes, backticks, comments, snippets and several addresses", () => {
    const text = `# top
{
\tadmin off
}
(cors) {
\theader Access-Control-Allow-Origin "{args.0}" # trailing comment
}
http://a.example:8080, http://b.example:8080,
    :9090 {
\timport cors https://app.example.com
\t@m \`{method} == "GET"\`
\trespond "a \\"quoted\\" body" 200
}
`;
    const p = parseCaddyfile(text, "Caddyfile");
    expect(p.global?.map((n) => n.name)).toEqual(["admin"]);
    expect([...p.snippets.keys()]).toEqual(["cors"]);
    expect(p.sites).toHaveLength(1);
    const site = p.sites[0];
    expect(site?.keys.map((k) => k.value)).toEqual([
      "http://a.example:8080",
      "http://b.example:8080",
      ":9090",
    ]);
    const respond = site?.children.find((n) => n.name === "respond");
    expect(respond?.args.map((a) => a.value)).toEqual(['a "quoted" body', "200"]);
    expect(respond?.line).toBe(12);
    expect(text.slice(respond?.start, respond?.end)).toBe('respond "a \\"quoted\\" body" 200');
    const m = site?.children.find((n) => n.name === "@m");
    expect(m?.args[0]?.value).toBe('{method} == "GET"');
    const tree = buildTree([file(text)]);
    const header = tree.sites[0]?.children[0];
    expect(header?.name).toBe("header");
    expect(header?.args[1]?.value).toBe("https://app.example.com");
    // An imported node keeps the snippet's place in the text.
    expect(header?.line).toBe(6);
    expect(tree.sites[0]?.addresses.map((a) => a.port)).toEqual([8080, 8080, 9090]);
  });

  it("reads a file without braces as one site, and environment defaults", () => {
    const tree = buildTree([
      file(`localhost:8080\nheader Access-Control-Allow-Origin {$ORIGIN:https://x.example}\nrespond 204\n`),
    ]);
    expect(tree.sites).toHaveLength(1);
    expect(tree.sites[0]?.children[0]?.args[1]?.value).toBe("https://x.example");
    expect(tree.envDefaults).toEqual([
      { name: "ORIGIN", value: "https://x.example", line: 2, file: "Caddyfile" },
    ]);
  });

  it("refuses broken syntax with its line (exit 2 words)", () => {
    expect(() => readConfig([file(":80 {\n\theader X y\n")])).toThrow(ConfigError);
    try {
      readConfig([file(':80 {\n\trespond "open\n}\n')]);
    } catch (e) {
      expect((e as ConfigError).words.key).toBe("config.error.syntax");
      expect((e as ConfigError).words.params?.line).toBe(2);
    }
  });

  it("tells a Caddyfile from an nginx file", () => {
    expect(detectFormat(file(":80 {\n\treverse_proxy app:3000\n}\n", "Caddyfile"))).toEqual({
      format: "caddy",
    });
    expect(
      detectFormat(file("api.example.com {\n\theader Access-Control-Allow-Origin *\n}\n", "site")),
    ).toEqual({
      format: "caddy",
    });
    // A pretty-printed S3 CORS JSON has a `{` alone on a line too: it stays S3.
    expect(
      detectFormat(file('{\n  "CORSRules": [\n    {"AllowedOrigins": ["*"]}\n  ]\n}\n', "cors.json")),
    ).toEqual({ format: "s3-json" });
    expect(detectFormat(file("server {\n  listen 80;\n  add_header X y;\n}\n", "site.conf"))).toEqual({
      format: "nginx",
    });
  });

  it.skipIf(!caddyInstalled)(
    "runs directives in the order caddy adapt gives them (the real Caddy as oracle)",
    () => {
      const text = `:9000 {
\tfile_server
\treverse_proxy 127.0.0.1:1
\trespond 200
\thandle /b/* {
\t\trespond 1
\t}
\troute /c {
\t\trespond 2
\t}
\thandle /a/long/* {
\t\trespond 3
\t}
\thandle {
\t\trespond 4
\t}
\thandle @m {
\t\trespond 5
\t}
\t@m method GET
\tbasicauth {
\t\ta JDJhJDE0JHF4
\t}
\tredir /x /y
\theader X y
\theader @m Z 1
\trewrite /q /r
\terror 500
\tencode gzip
}
`;
      const dir = mkdtempSync(join(tmpdir(), "caddy-order-"));
      const path = join(dir, "Caddyfile");
      writeFileSync(path, text);
      const r = spawnSync("caddy", ["adapt", "--config", path, "--adapter", "caddyfile"], {
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      const routes = JSON.parse(r.stdout).apps.http.servers.srv0.routes as Array<{
        handle: Array<{ handler: string; status_code?: number | string; body?: string }>;
      }>;
      const theirs = routes.flatMap((x) =>
        x.handle.map((h) => `${h.handler}${h.status_code ?? ""}${h.body ? `:${h.body}` : ""}`),
      );
      const handler: Record<string, string> = {
        header: "headers",
        respond: "static_response",
        redir: "static_response",
        reverse_proxy: "reverse_proxy",
        handle: "subroute",
        route: "subroute",
        basicauth: "authentication",
        file_server: "file_server",
        rewrite: "rewrite",
        error: "error",
        encode: "encode",
      };
      const tree = buildTree([file(text)]);
      const mine = ordered(scopeOf(tree.sites[0] as (typeof tree.sites)[0])).map((n) => {
        const base = handler[n.name] ?? n.name;
        if (n.name === "respond") return `${base}${n.args.at(-1)?.value === "200" ? "200" : ""}`;
        if (n.name === "redir") return `${base}302`;
        if (n.name === "error") return `${base}500`;
        return base;
      });
      expect(mine).toEqual(theirs.map((h) => h.replace(/:.*$/, "")));
    },
  );
});

describe("Caddy answers", () => {
  const site = (body: string) => `:8080 {\n${body}\n}\n`;

  it("answers the preflight with respond and the header lines before it", () => {
    const text = site(`\theader Access-Control-Allow-Origin "${APP}"
\t@preflight method OPTIONS
\trespond @preflight 204
\treverse_proxy app:3000`);
    const a = ask(text, { method: "OPTIONS", url: "http://localhost:8080/api" });
    expect(a.kind === "known" && a.status).toBe(204);
    expect(values(headersOf(a), "access-control-allow-origin")).toEqual([APP]);
    const get = ask(text, { url: "http://localhost:8080/api", upstream: { status: 200, headers: [] } });
    expect(get.kind === "known" && get.fromUpstream).toBe(true);
  });

  it("adds the upstream's headers to Caddy's own, after header_down", () => {
    const text = site(`\theader Access-Control-Allow-Origin "${APP}"
\treverse_proxy app:3000 {
\t\theader_down -Access-Control-Allow-Credentials
\t}`);
    const h = headersOf(
      ask(text, {
        url: "http://localhost:8080/",
        upstream: {
          status: 200,
          headers: [
            ["Access-Control-Allow-Origin", "*"],
            ["Access-Control-Allow-Credentials", "true"],
          ],
        },
      }),
    );
    expect(values(h, "access-control-allow-origin")).toEqual([APP, "*"]);
    expect(values(h, "access-control-allow-credentials")).toEqual([]);
  });

  it("applies deferred headers last (the first handler's last) and drops them on errors", () => {
    const text = site(`\theader Access-Control-Allow-Origin "*"
\t@o header Origin ${APP}
\theader @o {
\t\tAccess-Control-Allow-Origin "{header.Origin}"
\t\tdefer
\t}
\theader -Server
\thandle /private/* {
\t\tbasicauth {
\t\t\tbob JDJh
\t\t}
\t}
\trespond 200`);
    expect(
      values(headersOf(ask(text, { url: "http://localhost:8080/" })), "access-control-allow-origin"),
    ).toEqual([APP]);
    const other = ask(text, { url: "http://localhost:8080/", headers: [["Origin", ADMIN]] });
    expect(values(headersOf(other), "access-control-allow-origin")).toEqual(["*"]);
    const denied = ask(text, { url: "http://localhost:8080/private/x" });
    expect(denied.kind === "known" && denied.status).toBe(401);
    expect(values(headersOf(denied), "access-control-allow-origin")).toEqual(["*"]);
  });

  it("runs one handle block only: the most specific path first", () => {
    const text = site(`\thandle /api/* {
\t\theader Access-Control-Allow-Origin "${APP}"
\t\trespond 200
\t}
\thandle /api/v2/* {
\t\trespond 200
\t}`);
    expect(
      values(headersOf(ask(text, { url: "http://localhost:8080/api/x" })), "access-control-allow-origin"),
    ).toEqual([APP]);
    expect(
      values(headersOf(ask(text, { url: "http://localhost:8080/api/v2/x" })), "access-control-allow-origin"),
    ).toEqual([]);
  });

  it("says unknown where the Caddyfile cannot tell", () => {
    const env = ask(site(`\theader Access-Control-Allow-Origin {$ORIGIN}\n\trespond 200`), {
      url: "http://localhost:8080/",
    });
    expect(env.kind === "unknown" && env.why.key).toBe("config.caddy.unknown.env");
    const expr = ask(site("\t@e expression `remote_ip('10.0.0.0/8')`\n\theader @e X 1\n\trespond 200"), {
      url: "http://localhost:8080/",
    });
    expect(expr.kind === "unknown" && expr.why.key).toBe("config.caddy.unknown.matcher");
    const pre = ask(site(`\theader Access-Control-Allow-Origin *\n\treverse_proxy app:1`), {
      method: "OPTIONS",
      url: "http://localhost:8080/",
    });
    expect(pre.kind === "unknown" && pre.why.key).toBe("config.caddy.unknown.upstream-options");
  });
});

describe("cors-lens fix --config on a Caddyfile", () => {
  const broken = `# API gateway
:8080 {
\t# one front end for now
\theader Access-Control-Allow-Origin "${APP}"
\theader Access-Control-Allow-Methods "GET, POST"
\t@preflight method OPTIONS
\trespond @preflight 204
\treverse_proxy app:3000
}
`;

  it("grows an origin matcher, extends the method list, keeps comments, and the fixed file needs nothing", () => {
    const ev = evidence(broken, [
      { url: "http://localhost:8080/api", origin: APP },
      { url: "http://localhost:8080/api", origin: ADMIN },
      { url: "http://localhost:8080/api/1", origin: ADMIN, method: "DELETE" },
    ]);
    const result = fixConfig([file(broken)], ev);
    expect(result.ok).toBe(true);
    const after = result.files[0]?.after ?? "";
    expect(after).toContain("# one front end for now");
    expect(after).toContain(`\t\theader Origin ${ADMIN}`);
    expect(after).toContain('header Access-Control-Allow-Methods "GET, POST, DELETE"');
    expect(result.rows.filter((r) => r.source === "evidence").map((r) => r.after.verdict)).toEqual([
      "allowed",
      "allowed",
      "allowed",
    ]);
    expect(fixDiff(result)).toMatch(/^--- a\/Caddyfile\n\+\+\+ b\/Caddyfile\n@@ /);
    // Round trip: the patched file with the same evidence is an empty diff.
    const again = fixConfig([file(after)], ev);
    expect(fixDiff(again)).toBe("");
    // …and does not claim success on it: the browser's record says blocked, the file as read allows.
    expect(again.ok).toBe(false);
    expect(again.notes.map((n) => n.key)).toContain("config.note.recorded-blocked");
  });

  it("answers the preflight itself where it went to the app, inside the handle block it lands in", () => {
    const text = `:8080 {
\thandle /api/* {
\t\theader Access-Control-Allow-Origin "${APP}"
\t\theader Access-Control-Allow-Headers "Content-Type"
\t\treverse_proxy app:3000
\t}
\thandle {
\t\tfile_server
\t}
}
`;
    const ev = evidence(text, [{ url: "http://localhost:8080/api/x", origin: APP }]);
    const put = {
      ...(ev[0] as ObservedExchange),
      id: "put",
      method: "PUT",
      requestHeaders: [["Content-Type", "application/json"]] as HeaderList,
      preflight: {
        url: "http://localhost:8080/api/x",
        method: "OPTIONS",
        status: 405,
        requestHeaders: [
          ["Origin", APP],
          ["Access-Control-Request-Method", "PUT"],
          ["Access-Control-Request-Headers", "content-type"],
        ] as HeaderList,
        responseHeaders: [["Access-Control-Allow-Origin", APP]] as HeaderList,
        error: "net::ERR_FAILED",
        fromCache: false,
      },
      hops: [],
      error: "net::ERR_FAILED",
    } as ObservedExchange;
    const result = fixConfig([file(text)], [...ev, put]);
    expect(result.ok).toBe(true);
    expect(result.files[0]?.after).toBe(`:8080 {
\thandle /api/* {
\t\theader Access-Control-Allow-Origin "${APP}"
\t\theader Access-Control-Allow-Methods "PUT"
\t\theader Access-Control-Allow-Headers "Content-Type"
\t\t@cors_preflight method OPTIONS
\t\trespond @cors_preflight 204
\t\treverse_proxy app:3000
\t}
\thandle {
\t\tfile_server
\t}
}
`);
    // The lines of the patched file: the list first (round 2), then the preflight's answer (round 1).
    expect(result.edits.map((e) => [e.line, e.why.key])).toEqual([
      [4, "config.fix.methods-new"],
      [6, "config.caddy.fix.preflight"],
    ]);
  });

  it("never throws anything but a worded ConfigError on random Caddyfile-like text", () => {
    const word = fc.constantFrom(
      "header",
      "respond",
      "@m",
      "method",
      "OPTIONS",
      "{",
      "}",
      "\n",
      '"x y"',
      "Access-Control-Allow-Origin",
      "*",
      "{header.Origin}",
      "handle",
      "/api/*",
      "import",
      "(s)",
      ":80",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(" ");
        try {
          const c = readConfig([file(text)]);
          c.check();
          c.answer({ method: "GET", url: "http://localhost/api/x", headers: [["Origin", APP]] });
        } catch (e) {
          if (!(e instanceof ConfigError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cors-lens check --config on a Caddyfile", () => {
  const codes = (text: string) => checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`);

  it("names Access-Control-Request-Headers set on the answer (Allow-Headers was meant)", () => {
    const found = codes(`:80 {
\theader Access-Control-Allow-Origin *
\theader Access-Control-Request-Headers Range
\treverse_proxy 127.0.0.1:3000
}
`);
    expect(found).toContain("request-header-in-response:3");
    expect(
      codes(`:80 {
\theader Access-Control-Allow-Origin *
\theader Access-Control-Allow-Headers Range
\treverse_proxy 127.0.0.1:3000
}
`),
    ).not.toContain("request-header-in-response:3");
  });

  it("names reverse_proxy's header_down written inside header, and Caddy 1's exact path matcher", () => {
    expect(
      codes(`(cors) {
\t@origin header Origin {args.0}
\theader @origin {
\t\theader_down Access-Control-Allow-Origin "{args.0}"
\t}
}
:80 {
\timport cors https://app.example.com
\treverse_proxy 127.0.0.1:3000
}
`),
    ).toContain("caddy-proxy-subdirective-in-header:4");
    expect(
      codes(`:80 {
\theader / {
\t\tAccess-Control-Allow-Origin *
\t}
\theader /api/* Access-Control-Allow-Origin *
\treverse_proxy 127.0.0.1:3000
}
`),
    ).toEqual(expect.arrayContaining(["caddy-exact-path-matcher:2"]));
    expect(
      codes(`:80 {
\theader /api/* Access-Control-Allow-Origin *
\treverse_proxy 127.0.0.1:3000
}
`).filter((c) => c.startsWith("caddy-exact")),
    ).toEqual([]);
  });

  // Held-out set 8's correct Caddyfile: the preflight's headers sit in `handle @preflight`, whose
  // matcher lets only the listed origins in; the reflection is not "any origin".
  it("takes the origin guard of the handle a reflected Allow-Origin sits in", () => {
    const site = (guard: string) => `:80 {
\t@preflight {
\t\tmethod OPTIONS
${guard}\t}
\thandle @preflight {
\t\theader {
\t\t\tAccess-Control-Allow-Origin {http.request.header.Origin}
\t\t\tAccess-Control-Allow-Credentials true
\t\t\tVary Origin
\t\t}
\t\trespond 204
\t}
\trespond 200
}
`;
    const guardLine = "\t\theader_regexp Origin ^(https://app\\.example\\.com)$\n";
    expect(codes(site(guardLine)).filter((c) => c.startsWith("reflected"))).toEqual([]);
    expect(codes(site("")).filter((c) => c.startsWith("reflected"))).toEqual([
      "reflected-with-credentials:7",
    ]);
  });

  it("names each planted problem with its line", () => {
    expect(
      codes(`:80 {
\theader Access-Control-Allow-Origin "{header.Origin}"
\theader Access-Control-Allow-Credentials true
\t@o method OPTIONS
\trespond @o 204
\trespond 200
}
`),
    ).toEqual(["reflected-with-credentials:2", "vary-origin-missing:2"]);
    expect(
      codes(`:80 {
\t@origin header_regexp Origin https://.*example.com
\theader @origin Access-Control-Allow-Origin "{header.Origin}"
\theader Vary Origin
\trespond 200
}
`),
    ).toEqual(["origin-regex-dot:2", "origin-regex-anchor:2"]);
    expect(
      codes(`:80 {
\theader Access-Control-Allow-Origin "${APP}"
\t@o method OPTIONS
\trespond @o 204
\treverse_proxy app:1 {
\t\theader_down Access-Control-Allow-Origin *
\t}
}
`),
    ).toEqual(["duplicate-allow-origin:6"]);
    expect(codes(`:80 {\n\theader Access-Control-Allow-Origin null\n\trespond 200\n}\n`)).toEqual([
      "null-origin-allowed:2",
    ]);
  });

  it("reports nothing on a correct Caddyfile", () => {
    expect(
      codes(`:80 {
\t@origin header Origin ${APP}
\theader @origin Access-Control-Allow-Origin "{header.Origin}"
\theader @origin Access-Control-Allow-Credentials true
\theader Vary Origin
\t@o method OPTIONS
\trespond @o 204
\treverse_proxy app:3000
}
`),
    ).toEqual([]);
  });
});

describe("cors-lens check|fix --config Caddyfile (the CLI)", () => {
  it("checks in Korean with file and line, exit 1; a clean file exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caddy-cli-"));
    const bad = join(dir, "Caddyfile");
    writeFileSync(
      bad,
      `:80 {\n\theader Access-Control-Allow-Origin *\n\theader Access-Control-Allow-Credentials true\n\trespond 200\n}\n`,
    );
    const r = await cli("check", "--config", bad, "--lang", "ko");
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${bad}:2: 오류 [wildcard-with-credentials]`);
    const good = join(dir, "good.caddy");
    writeFileSync(good, `:80 {\n\theader Access-Control-Allow-Origin *\n\trespond 200\n}\n`);
    expect((await cli("check", "--config", good)).code).toBe(0);
  });

  it("stops with exit 2 where CORS is set in an import that was not passed, or the file cannot be parsed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caddy-cli-"));
    const main = join(dir, "Caddyfile");
    writeFileSync(main, `:80 {\n\timport snippets/cors.caddy\n\treverse_proxy app:3000\n}\n`);
    const r = await cli("check", "--config", main);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${main}:2`);
    expect(r.err).toContain("snippets/cors.caddy");
    const broken = join(dir, "broken.Caddyfile");
    writeFileSync(broken, `:80 {\n\trespond "open\n`);
    const b = await cli("check", "--config", broken);
    expect(b.code).toBe(2);
    expect(b.err).toContain(`${broken}:2: the configuration cannot be parsed`);
  });
});
