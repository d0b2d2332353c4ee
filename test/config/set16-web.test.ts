/**
 * Shapes held-out set 16 found wrong in nginx, Apache and rack-cors (test/fixes/HELDOUT16.md), checked
 * on the model (the printed text is run on the real servers by the set's suites).
 */
import { describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff } from "../../src/config";
import { recordedFrom } from "./recorded";

describe("Apache: a RewriteCond on %{ENV:…} that a SetEnvIf sets (set 16's correct configuration)", () => {
  const vhost = (preflightCond: string) => `<VirtualHost *:80>
    ServerName api.example.com
    SetEnvIf Origin "^https://(app|admin)\\.example\\.com$" CORS_ALLOWED=$0
    Header always set Access-Control-Allow-Origin "%{CORS_ALLOWED}e" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Credentials "true" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Methods "GET, PUT" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Headers "Content-Type, Authorization" env=CORS_ALLOWED
    Header always merge Vary Origin
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} =OPTIONS
    ${preflightCond}
    RewriteRule ^ - [R=204,L]
    ProxyPass /api/ http://127.0.0.1:9000/api/
</VirtualHost>
`;
  const put = (origin: string) => ({
    url: "http://api.example.com/api/items/1",
    method: "PUT",
    origin,
    credentials: "include" as const,
    headers: [
      ["Content-Type", "application/json"],
      ["Authorization", "Bearer t"],
    ] as Array<[string, string]>,
    recorded: { preflight: null, actual: { status: 200, headers: [] } },
  });
  const text = vhost("RewriteCond %{ENV:CORS_ALLOWED} !^$");
  const files = [{ path: "api.conf", text }];

  it("reads the variable the server-context SetEnvIf set before the rewrite: the preflight is answered 204", () => {
    const r = fixConfig(files, recordedFrom(files, [put("https://app.example.com")]));
    expect(r.rows.map((x) => `${x.before.verdict}/${x.after.verdict}`)).toEqual(
      r.rows.map(() => "allowed/allowed"),
    );
    expect(r.ok).toBe(true);
    expect(fixDiff(r)).toBe("");
    expect(checkConfig(files).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("an origin the SetEnvIf does not match leaves the variable empty: the preflight goes on to the proxy", () => {
    const other = {
      ...put("https://other.example.com"),
      recorded: { preflight: { status: 405, headers: [] }, actual: { status: 200, headers: [] } },
    };
    const r = fixConfig(files, recordedFrom(files, [other]));
    // Read, not unknown: the rule does not answer, the proxy's 405 carries no CORS header.
    expect(r.rows[0]?.before).toMatchObject({
      verdict: "blocked",
      cause: "missing-allow-origin",
      unknown: null,
    });
  });
});

describe("nginx: an origin test that only sets a variable later `if`s test (kubernetes/ingress-nginx#8264)", () => {
  const site = (origins: string) => `server {
    listen 80;
    location / {
        set $cors '';
        if ($http_origin ~* ((${origins}))$) {
            set $cors 'true';
        }
        if ($request_method = 'OPTIONS') {
            set $cors \${cors}options;
        }
        if ($cors = "true") {
            add_header Access-Control-Allow-Origin $http_origin always;
            add_header Access-Control-Allow-Credentials true always;
        }
        if ($cors = "trueoptions") {
            add_header Access-Control-Allow-Origin $http_origin always;
            add_header Access-Control-Allow-Credentials true always;
            add_header Access-Control-Allow-Methods "GET, PUT, POST, DELETE, PATCH, OPTIONS" always;
            add_header Access-Control-Allow-Headers "Content-Type,Authorization" always;
            return 204;
        }
        proxy_pass http://127.0.0.1:9000;
    }
}
`;
  it("fix grows the origin test's alternatives; nothing else changes", () => {
    const text = site("https://app\\.example\\.com|http://localhost:3000");
    const files = [{ path: "site.conf", text }];
    const evidence = recordedFrom(files, [
      {
        url: "http://h/api/projects/7",
        method: "PUT",
        origin: "http://localhost:5173",
        credentials: "include",
        headers: [["Content-Type", "application/json"]],
        recorded: { preflight: { status: 405, headers: [] }, actual: { status: 200, headers: [] } },
      },
    ]);
    const r = fixConfig(files, evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    const removed = fixDiff(r)
      .split("\n")
      .filter((l) => l.startsWith("-") && !l.startsWith("---"));
    const added = fixDiff(r)
      .split("\n")
      .filter((l) => l.startsWith("+") && !l.startsWith("+++"));
    expect(removed).toEqual([
      `-        if ($http_origin ~* ((https://app\\.example\\.com|http://localhost:3000))$) {`,
    ]);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain("http://localhost:5173");
  });
});

describe("rack-cors: Rack::Static used ahead of Rack::Cors answers its paths itself (cyu/rack-cors#32)", () => {
  const ru = (order: "static-first" | "cors-first") => {
    const stat = "use Rack::Static, urls: ['/assets'], root: 'public'";
    const cors = `use Rack::Cors do
  allow do
    origins '*'
    resource '/assets/*', headers: :any, methods: [:get, :options]
  end
end`;
    return `require 'rack/cors'\n\n${order === "static-first" ? `${stat}\n${cors}` : `${cors}\n${stat}`}\n\nrun ->(env) { [200, {}, ['ok']] }\n`;
  };
  const font = {
    url: "http://cdn.example.com/assets/font.woff2",
    recorded: { preflight: null, actual: { status: 200, headers: [] as Array<[string, string]> } },
  };

  it("reads the font as answered by Rack::Static, without CORS, and moves Rack::Cors above it", async () => {
    const { prepareConfig } = await import("../../src/config");
    const { grammarBytes } = await import("./recorded");
    const files = [{ path: "config.ru", text: ru("static-first") }];
    await prepareConfig(files, grammarBytes);
    const r = fixConfig(files, recordedFrom(files, [font]));
    expect(r.rows[0]?.before).toMatchObject({ verdict: "blocked", cause: "missing-allow-origin" });
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toBe(ru("cors-first").replace(/\n\nrun/, "\n\nrun"));
    const other = [{ path: "config.ru", text: ru("cors-first") }];
    expect(fixConfig(other, recordedFrom(other, [font])).rows[0]?.before.verdict).toBe("allowed");
  });
});

describe("check: auth_basic inherited from the server refuses the preflight (lagoon-images#857)", () => {
  const site = (inLocation: string) => `server {
    listen 80;
    auth_basic "Restricted";
    auth_basic_user_file /etc/nginx/.htpasswd;
    location / {
        ${inLocation}
        add_header Access-Control-Allow-Origin "https://app.example.com" always;
        add_header Access-Control-Allow-Headers "Authorization" always;
        proxy_pass http://127.0.0.1:9000;
    }
}
`;
  const codes = (text: string) =>
    checkConfig([{ path: "site.conf", text }]).findings.map((f) => `${f.code}@${f.line}`);
  it("names the server's auth_basic; not where the location turns it off or answers OPTIONS first", () => {
    expect(codes(site(""))).toContain("preflight-refused@3");
    expect(codes(site("auth_basic off;")).filter((c) => c.startsWith("preflight-refused"))).toEqual([]);
    expect(
      codes(site("if ($request_method = OPTIONS) { return 204; }")).filter((c) =>
        c.startsWith("preflight-refused"),
      ),
    ).toEqual([]);
  });
});
