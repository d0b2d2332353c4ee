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
} from "../../src/config";
import { answer, buildTree } from "../../src/config/apache/answer";
import { evalExpr, NotModelled } from "../../src/config/apache/expr";
import { ApacheSyntaxError, parseApache } from "../../src/config/apache/syntax";
import type { HopRequest } from "../../src/config/types";
import { type RequestSpec, renderExchange } from "../../src/config/whatif";
import type { HeaderList, ObservedExchange } from "../../src/engine";
import { APACHE_CASES, APACHE_CORRECT } from "../fixes/config-apache-cases";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const file = (text: string, path = "/etc/apache2/sites-enabled/api.conf"): ConfigFile => ({ path, text });

function ask(text: string, req: Partial<HopRequest> & { url: string }, extra: ConfigFile[] = []) {
  return answer(buildTree([file(text), ...extra]), { method: "GET", headers: [["Origin", APP]], ...req });
}

function headersOf(a: ReturnType<typeof ask>): HeaderList {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a.headers;
}

const values = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

/** What a browser would have recorded from this configuration (the model's answers): the evidence. */
const evidence = (text: string, specs: Parameters<typeof recordedFrom>[1]) =>
  recordedFrom([file(text)], specs);

const VHOST = (lines: string) => `<VirtualHost *:80>
${lines}
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`;

describe("Apache syntax", () => {
  it("keeps offsets and lines, reads quotes, continuation lines, comments and nested sections", () => {
    const text = `# comment
<VirtualHost *:80>
    Header always set X-A "a \\"b\\" c" \\
        env=FOO
    <Location "/api/">
        <IfModule mod_headers.c>
            Header set X-B 'one two'
        </IfModule>
    </Location>
</VirtualHost>
`;
    const [vh] = parseApache(text, "f.conf");
    expect(vh?.key).toBe("virtualhost");
    const header = vh?.section?.children[0];
    expect(header?.args.map((a) => a.value)).toEqual(["always", "set", "X-A", 'a "b" c', "env=FOO"]);
    expect(header?.line).toBe(3);
    expect(header?.args[4]?.line).toBe(4);
    const loc = vh?.section?.children[1];
    expect(loc?.args[0]?.value).toBe("/api/");
    const inner = loc?.section?.children[0]?.section?.children[0];
    expect(inner?.args[2]?.value).toBe("one two");
    expect(text.slice(inner?.args[2]?.start, inner?.args[2]?.end)).toBe("'one two'");
  });

  it("refuses broken sections with their line", () => {
    expect(() => parseApache("<Location /a>\nHeader set A b\n", "f")).toThrow(ApacheSyntaxError);
    try {
      parseApache("<VirtualHost *:80>\n</Location>\n", "f");
    } catch (e) {
      expect((e as ApacheSyntaxError).line).toBe(2);
    }
  });

  it("tells Apache files from the others, .htaccess by name", () => {
    expect(detectFormat(file(VHOST("")))).toEqual({ format: "apache" });
    expect(detectFormat(file("Header set A b\n", "/srv/www/.htaccess"))).toEqual({ format: "apache" });
    expect(detectFormat(file("server { listen 80; }\n", "site.conf"))).toEqual({ format: "nginx" });
  });
});

describe("Apache Include", () => {
  it("inlines passed files by the end of their path, globs included, never a file into itself", () => {
    const main = file("Include conf.d/*.conf\n", "/etc/apache2/apache2.conf");
    const vhost = file(VHOST("    Include snippets/cors.conf"), "/etc/apache2/conf.d/api.conf");
    const cors = file(
      `Header always set Access-Control-Allow-Origin "${APP}"\n`,
      "/etc/apache2/snippets/cors.conf",
    );
    const t = buildTree([main, vhost, cors]);
    expect(t.unresolved).toEqual([]);
    expect(t.top.map((n) => n.key)).toEqual(["virtualhost"]);
    const a = answer(t, { method: "GET", url: "http://h/api/x", headers: [["Origin", APP]] });
    expect(values(headersOf(a), "Access-Control-Allow-Origin")).toEqual([APP]);
    expect(
      detectFormat(
        file("Include snippets/cors.conf\nOptions -Indexes\n", "/etc/apache2/conf-enabled/x.conf"),
      ),
    ).toEqual({ format: "apache" });
  });

  it("asks for the included file when CORS is set there (exit 2 words)", () => {
    try {
      readConfig([file(VHOST("    Include snippets/cors.conf"))]);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).words.key).toBe("config.error.included");
      expect((e as ConfigError).words.params?.line).toBe(2);
    }
  });
});

describe("Apache answers", () => {
  it("sends the onsuccess table only on the application's answers, the always table on httpd's own", () => {
    const text = VHOST(`    Header set Access-Control-Allow-Origin "${APP}"
    Header always set X-Always "1"
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^(.*)$ $1 [R=200,L]`);
    const pre = ask(text, {
      method: "OPTIONS",
      url: "http://h/api/items",
      headers: [
        ["Origin", APP],
        ["Access-Control-Request-Method", "PUT"],
      ],
    });
    expect(pre.kind === "known" && pre.status).toBe(200);
    expect(values(headersOf(pre), "Access-Control-Allow-Origin")).toEqual([]);
    expect(values(headersOf(pre), "X-Always")).toEqual(["1"]);
    const get = headersOf(ask(text, { url: "http://h/api/items" }));
    expect(values(get, "Access-Control-Allow-Origin")).toEqual([APP]);
  });

  it("gives two lines for one name set in both tables, and adds Header always to the app's own copy", () => {
    const both = VHOST(`    Header set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Origin "${APP}"`);
    expect(
      values(headersOf(ask(both, { url: "http://h/api/x" })), "Access-Control-Allow-Origin"),
    ).toHaveLength(2);
    const always = VHOST(`    Header always set Access-Control-Allow-Origin "${APP}"`);
    const up = { status: 200, headers: [["Access-Control-Allow-Origin", "*"]] as HeaderList };
    expect(
      values(headersOf(ask(always, { url: "http://h/api/x", upstream: up })), "Access-Control-Allow-Origin"),
    ).toEqual([APP, "*"]);
    const unset = VHOST(`    Header always set Access-Control-Allow-Origin "${APP}"
    Header unset Access-Control-Allow-Origin`);
    expect(
      values(headersOf(ask(unset, { url: "http://h/api/x", upstream: up })), "Access-Control-Allow-Origin"),
    ).toEqual([APP]);
  });

  it("reflects the origins SetEnvIf finds, and nothing for the others", () => {
    const text = VHOST(`    SetEnvIf Origin "^https://(app|admin)\\.example\\.com$" CORS=$0
    Header always set Access-Control-Allow-Origin "%{CORS}e" env=CORS`);
    expect(
      values(
        headersOf(ask(text, { url: "http://h/api/x", headers: [["Origin", ADMIN]] })),
        "Access-Control-Allow-Origin",
      ),
    ).toEqual([ADMIN]);
    expect(
      values(
        headersOf(ask(text, { url: "http://h/api/x", headers: [["Origin", "https://evil.example"]] })),
        "Access-Control-Allow-Origin",
      ),
    ).toEqual([]);
  });

  it("answers a vhost OPTIONS rewrite before Require, a per-directory one after it", () => {
    const pre = { method: "OPTIONS", url: "http://h/api/x", headers: [["Origin", APP]] as HeaderList };
    const deny = `    <Location /api/>
        Require all denied
    </Location>`;
    const early = VHOST(`    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]
${deny}`);
    const a = ask(early, pre);
    expect(a.kind === "known" && a.status).toBe(204);
    const late = VHOST(`    <Location /api/>
        RewriteEngine On
        RewriteCond %{REQUEST_METHOD} OPTIONS
        RewriteRule ^ - [R=204,L]
        Require all denied
    </Location>`);
    const b = ask(late, pre);
    expect(b.kind === "known" && b.status).toBe(403);
  });

  it("reads %{HTTP_ORIGIN} in a RewriteCond as httpd does: empty, and check says to write %{HTTP:Origin}", () => {
    const text = VHOST(`    Header always set Access-Control-Allow-Origin "${APP}"
    RewriteEngine On
    RewriteCond %{HTTP_ORIGIN} ^https://
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]`);
    const a = ask(text, { method: "OPTIONS", url: "http://h/api/x" });
    expect(a.kind === "unknown" && a.why.key).toBe("config.apache.unknown.upstream-options");
    expect(checkConfig([file(text)]).findings).toContainEqual(
      expect.objectContaining({
        code: "rewrite-variable-empty",
        line: 4,
        words: expect.objectContaining({ params: { name: "%{HTTP_ORIGIN}", header: "%{HTTP:Origin}" } }),
      }),
    );
    const b = ask(text.replace("%{HTTP_ORIGIN}", "%{HTTP:Origin}"), {
      method: "OPTIONS",
      url: "http://h/api/x",
    });
    expect(b.kind === "known" && b.status).toBe(204);
  });

  it("says unknown where the file cannot tell: the app's OPTIONS answer, an expression it does not know", () => {
    const text = VHOST(`    Header always set Access-Control-Allow-Origin "${APP}"`);
    const a = ask(text, { method: "OPTIONS", url: "http://h/api/x" });
    expect(a.kind === "unknown" && a.why.key).toBe("config.apache.unknown.upstream-options");
    const expr = VHOST(`    <If "%{TIME_HOUR} -gt 12">
        Header always set Access-Control-Allow-Origin "${APP}"
    </If>`);
    const b = ask(expr, { url: "http://h/api/x" });
    expect(b.kind === "unknown" && b.why.key).toBe("config.apache.unknown.expr");
    const compat = VHOST(`    Header always set Access-Control-Allow-Origin "${APP}"
    <Location /api/>
        Order deny,allow
        Deny from all
        Allow from 10.0.0.0/8
    </Location>`);
    const c = ask(compat, { url: "http://h/api/x" });
    expect(c.kind === "unknown" && c.why).toEqual({
      key: "config.unknown.address-rule",
      params: { line: 5 },
    });
  });

  it("evaluates the expressions CORS set-ups use", () => {
    const r = { method: "OPTIONS", path: "/", headers: [["Origin", APP]] as HeaderList, env: new Map() };
    expect(evalExpr("%{REQUEST_METHOD} == 'OPTIONS'", r)).toBe(true);
    expect(evalExpr("-z req('X-Api-Key')", r)).toBe(true);
    expect(evalExpr("%{HTTP:Origin} =~ m#^https://app\\.example\\.com$#", r)).toBe(true);
    // httpd refuses %{HTTP_ORIGIN} in an expression (only a few headers have HTTP_ variables): not guessed.
    expect(() => evalExpr("%{HTTP_ORIGIN} =~ m#^https://app\\.example\\.com$#", r)).toThrow(NotModelled);
    expect(evalExpr("req('Origin') in { 'https://a.example', 'https://b.example' }", r)).toBe(false);
    expect(evalExpr("!(%{REQUEST_METHOD} == 'GET') && -n %{HTTP:Origin}", r)).toBe(true);
  });
});

describe("cors-lens fix --config on Apache files", () => {
  it("removes a Header always add that doubles Allow-Origin in a Location (the first set kept)", () => {
    const text = `<VirtualHost *:80>
    Header always set Access-Control-Allow-Origin "${APP}"
    <Location /api/reports/>
        Header always add Access-Control-Allow-Origin "${APP}"
    </Location>
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`;
    expect(checkConfig([file(text)]).findings).toContainEqual(
      expect.objectContaining({ code: "duplicate-allow-origin", line: 4 }),
    );
    const r = fixConfig([file(text)], evidence(text, [{ url: "http://localhost/api/reports/1" }]));
    expect(r.ok).toBe(true);
    expect(fixDiff(r)).toContain(`-        Header always add Access-Control-Allow-Origin "${APP}"`);
    expect(r.edits).toEqual([
      expect.objectContaining({ line: 4, why: expect.objectContaining({ key: "config.fix.duplicate" }) }),
    ]);
  });

  it("makes one Allow-Origin line of one `Header add` per front end, each origin answered with itself", () => {
    const text = VHOST(`    Header add Access-Control-Allow-Origin "${APP}"
    Header add Access-Control-Allow-Origin "${ADMIN}"`);
    const r = fixConfig([file(text)], evidence(text, [{ url: "http://localhost/api/1", origin: ADMIN }]));
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      'SetEnvIf Origin "^(https://app\\.example\\.com|https://admin\\.example\\.com)$" CORS_ALLOW_ORIGIN=$0',
    );
    expect(after).toContain(
      "Header set Access-Control-Allow-Origin %{CORS_ALLOW_ORIGIN}e env=CORS_ALLOW_ORIGIN\n    Header merge Vary Origin\n",
    );
    expect(after).not.toContain("Header add");
    for (const origin of [APP, ADMIN])
      expect(
        values(
          headersOf(ask(after, { url: "http://localhost/api/1", headers: [["Origin", origin]] })),
          "Access-Control-Allow-Origin",
        ),
      ).toEqual([origin]);
  });

  it("sets the SetEnvIf variable to the origin itself where `=$0$1` appended a group", () => {
    const text = VHOST(`    SetEnvIf Origin "http(s)?://(www|foo\\.)?(example.com)$" ACAO=$0$1
    Header always set Access-Control-Allow-Origin %{ACAO}e env=ACAO`);
    const https = "https://foo.example.com";
    expect(
      values(
        headersOf(ask(text, { url: "http://localhost/api/1", headers: [["Origin", https]] })),
        "Access-Control-Allow-Origin",
      ),
    ).toEqual([`${https}s`]);
    const r = fixConfig([file(text)], evidence(text, [{ url: "http://localhost/api/1", origin: https }]));
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain('(example.com)$" ACAO=$0\n');
    expect(r.edits).toEqual([
      expect.objectContaining({ why: expect.objectContaining({ key: "config.apache.fix.assign-origin" }) }),
    ]);
  });

  it("reads <FilesMatch> in a .htaccess, and widens its pattern to the file the page fetched", () => {
    const site = `<VirtualHost *:80>
    DocumentRoot /srv/public
    <Directory /srv/public>
        AllowOverride All
    </Directory>
</VirtualHost>
`;
    const ht: ConfigFile = {
      path: "/srv/public/.htaccess",
      text: `<IfModule mod_headers.c>
    <FilesMatch "\\.(css|js|woff2)$">
        Header set Access-Control-Allow-Origin "*"
    </FilesMatch>
</IfModule>
`,
    };
    const files = [file(site), ht];
    const ev = recordedFrom(files, [
      { url: "http://localhost/app.js" },
      { url: "http://localhost/data.json" },
    ]);
    expect(ev.map((x) => x.hops[0]?.responseHeaders.length)).toEqual([1, 0]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files.find((f) => f.path === ht.path)?.after).toContain(
      '<FilesMatch "\\.(css|js|woff2|json)$">',
    );
  });

  it("answers the preflight in the virtual host, keeps comments, and the fixed file needs nothing", () => {
    const text = `<VirtualHost *:80>
    # the SPA
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET, PUT"
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`;
    const ev = evidence(
      VHOST(`    Header always set Access-Control-Allow-Origin "${APP}"`).replace("*:80", "*:80"),
      [{ url: "http://localhost/api/items" }],
    );
    const put: Partial<RequestSpec> & { url: string } = {
      url: "http://localhost/api/items/1",
      method: "PUT",
      headers: [["Content-Type", "application/json"]],
    };
    // The preflight's answer from the app is unknown to the model: the fix answers it in httpd.
    const r = fixConfig([file(text)], [...ev, ...evidenceWithPreflight405(text, put)]);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain("    # the SPA\n");
    expect(after).toContain("    RewriteCond %{REQUEST_METHOD} OPTIONS\n    RewriteRule ^ - [R=204,L]\n");
    const again = fixConfig(
      [{ path: file(text).path, text: after }],
      [...ev, ...evidenceWithPreflight405(text, put)],
    );
    expect(fixDiff(again)).toBe("");
  });

  it("lets httpd read the CORS lines of a .htaccess that AllowOverride None kept it from reading (AllowOverride FileInfo)", () => {
    const site = file(`<VirtualHost *:80>
    DocumentRoot /srv/www
    <Directory /srv/www>
        AllowOverride None
    </Directory>
</VirtualHost>
`);
    const htaccess = file(`Header set Access-Control-Allow-Origin "${APP}"\n`, "/srv/www/.htaccess");
    const config = readConfig([site, htaccess]);
    const spec: RequestSpec = {
      id: "s",
      method: "GET",
      origin: APP,
      headers: [],
      credentials: "omit",
      source: "evidence",
      url: "http://localhost/data.json",
    };
    const r = renderExchange(spec, (req) =>
      config.answer({ ...req, upstream: { status: 200, headers: [] } }),
    );
    if (!("exchange" in r)) throw new Error("unknown");
    const fixed = fixConfig([site, htaccess], [{ ...r.exchange, recordedBy: "chromium" }]);
    expect(fixed.ok).toBe(true);
    expect(fixDiff(fixed)).toContain("-        AllowOverride None\n+        AllowOverride FileInfo\n");
    // The .htaccess itself is not touched, and the edit is the only one.
    expect(fixed.edits.map((e) => [e.file, e.line])).toEqual([[site.path, 4]]);
    // AllowOverride AuthConfig keeps its class and gains FileInfo.
    const auth = file(site.text.replace("AllowOverride None", "AllowOverride AuthConfig"));
    const grown = fixConfig([auth, htaccess], [{ ...r.exchange, recordedBy: "chromium" }]);
    expect(fixDiff(grown)).toContain("+        AllowOverride AuthConfig FileInfo\n");
    expect(checkConfig([site, htaccess]).findings).toEqual([
      expect.objectContaining({ code: "no-always", file: "/srv/www/.htaccess", line: 1 }),
      expect.objectContaining({
        code: "htaccess-ignored",
        file: "/srv/www/.htaccess",
        line: 1,
        also: [{ file: site.path, line: 4 }],
      }),
    ]);
  });

  it("reads a front controller's .htaccess: the file test assumed, the preflight answered before its rules", () => {
    const text = `Header always set Access-Control-Allow-Origin "${APP}"
<IfModule mod_rewrite.c>
    RewriteEngine On
    # everything that is not a file goes to the front controller
    RewriteCond %{REQUEST_FILENAME} !-d
    RewriteCond %{REQUEST_FILENAME} !-f
    RewriteRule ^ index.php [L]
</IfModule>
`;
    const ht = file(text, "/srv/app/public/.htaccess");
    const a = answer(buildTree([ht]), {
      method: "GET",
      url: "http://h/api/users",
      headers: [["Origin", APP]],
    });
    expect(a.kind === "known" && a.assumed.map((w) => w.key)).toContain("config.apache.assumed.rewrite");
    const spec: RequestSpec = {
      id: "p",
      method: "PUT",
      origin: APP,
      headers: [["Content-Type", "application/json"]],
      credentials: "omit",
      source: "evidence",
      url: "http://h/api/users/1",
      recorded: { preflight: { status: 405, headers: [] }, actual: null },
    };
    const config = readConfig([ht]);
    const r = renderExchange(spec, (req) =>
      config.answer(req.method === "OPTIONS" ? { ...req, upstream: { status: 405, headers: [] } } : req),
    );
    if (!("exchange" in r)) throw new Error("unknown");
    const fixed = fixConfig([ht], [{ ...r.exchange, recordedBy: "chromium" }]);
    expect(fixed.ok).toBe(true);
    expect(fixed.files[0]?.after).toContain(
      "    RewriteEngine On\n    RewriteCond %{REQUEST_METHOD} OPTIONS\n    RewriteRule ^ - [R=204,L]\n    # everything that is not a file goes to the front controller\n    RewriteCond %{REQUEST_FILENAME} !-d\n",
    );
  });

  it("never throws anything but a worded ConfigError on random Apache-like text", () => {
    const piece = fc.constantFrom(
      "<VirtualHost *:80>\n",
      "</VirtualHost>\n",
      "<Location /api/>\n",
      "</Location>\n",
      `Header always set Access-Control-Allow-Origin "${APP}"\n`,
      "Header set Access-Control-Allow-Methods GET\n",
      'SetEnvIf Origin "^(.*)$" O=$1\n',
      'Header set Access-Control-Allow-Origin "%{O}e" env=O\n',
      "RewriteEngine On\nRewriteCond %{REQUEST_METHOD} OPTIONS\n",
      "RewriteRule ^ - [R=204,L]\n",
      "Require all denied\n",
      "<If \"-z req('X')\">\n",
      "</If>\n",
      "ProxyPass /api/ http://127.0.0.1:3000/api/\n",
      "\\\n",
      '"\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        try {
          checkConfig([file(text)]);
          fixConfig([file(text)], []);
        } catch (e) {
          if (!(e instanceof ConfigError)) throw e;
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** A PUT whose preflight the app answered 405 (recorded), as the real suite's first case records it. */
function evidenceWithPreflight405(
  text: string,
  spec: Partial<RequestSpec> & { url: string },
): ObservedExchange[] {
  const config = readConfig([file(text)]);
  const full: RequestSpec = {
    id: "p",
    method: "GET",
    origin: APP,
    headers: [],
    credentials: "omit",
    source: "evidence",
    ...spec,
    recorded: { preflight: { status: 405, headers: [] }, actual: null },
  };
  const r = renderExchange(full, (req) =>
    config.answer(req.method === "OPTIONS" ? { ...req, upstream: { status: 405, headers: [] } } : req),
  );
  if (!("exchange" in r)) throw new Error(`unknown evidence: ${JSON.stringify(r.unknown)}`);
  return [{ ...r.exchange, recordedBy: "chromium" }];
}

describe("cors-lens check --config on Apache files", () => {
  it("names each planted problem of the real-server cases with its line", () => {
    let planted = 0;
    for (const c of APACHE_CASES) {
      const text = c.site.replaceAll("PORT", "8080").replaceAll("APP", "3000").replaceAll("DIR", "/srv/case");
      const extra = Object.entries(c.files ?? {})
        .filter(([n]) => n.endsWith(".htaccess"))
        .map(([n, t]) => file(t, `/srv/case/${n}`));
      const found = checkConfig([file(text, "/srv/case/site.conf"), ...extra]).findings;
      for (const want of c.check) {
        expect(found, c.name).toContainEqual(expect.objectContaining(want));
        planted++;
      }
    }
    expect(planted).toBe(15);
  });

  it("reports nothing on correct files", () => {
    for (const text of APACHE_CORRECT) expect(checkConfig([file(text)]).findings).toEqual([]);
  });

  it("checks in Korean with file and line, exit 1; a clean file exits 0 (the CLI)", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "cors-lens-apache-unit-"));
    const bad = join(dir, "bad.conf");
    writeFileSync(bad, VHOST(`    Header set Access-Control-Allow-Origin "${APP}"`));
    let out = "";
    const code = await runCli(
      ["check", "--config", bad, "--lang", "ko"],
      (s) => (out += s),
      () => {},
      false,
      {},
    );
    expect(code).toBe(1);
    expect(out).toContain(`${bad}:2`);
    expect(out).toContain("always 없는 Header");
    const good = join(dir, "good.conf");
    writeFileSync(good, APACHE_CORRECT[0] as string);
    expect(
      await runCli(
        ["check", "--config", good],
        () => {},
        () => {},
        false,
        {},
      ),
    ).toBe(0);
  });
});
