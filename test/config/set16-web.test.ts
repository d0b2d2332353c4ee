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
