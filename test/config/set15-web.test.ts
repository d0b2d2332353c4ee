/**
 * Shapes held-out set 15 found unfixed in nginx and Apache (test/fixes/HELDOUT15.md), checked on the
 * model (the printed text is run on the real servers by the set's suites).
 */
import { describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff } from "../../src/config";
import { recordedFrom } from "./recorded";

const PAGE = "https://app.example.com";

describe("nginx: an OPTIONS `if` after a `rewrite … break` (nginx-gateway-fabric#5182)", () => {
  const site = (upstream: string) => `map $http_origin $cors_allowed_origin {
    default "";
    "${PAGE}" $http_origin;
}
server {
    listen 8080;
    location /api/ {
        rewrite ^/api(?:/([^?]*))? /$1?$args? break;

        add_header Access-Control-Allow-Origin "$cors_allowed_origin" always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
        add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;
        add_header Vary "Origin" always;

        if ($request_method = OPTIONS) {
            return 200;
        }

        ${upstream}
    }
}
`;
  const text = site("proxy_pass http://127.0.0.1:9000;");
  it("check names the rewrite: its break ends the rewrite directives, the `if` never runs", () => {
    const f = checkConfig([{ path: "site.conf", text }]).findings;
    expect(f.map((x) => `${x.code}@${x.line}`)).toContain("preflight-if-after-rewrite@8");
    expect(
      checkConfig([{ path: "site.conf", text: text.replace("? break;", "?;") }]).findings.map((x) => x.code),
    ).not.toContain("preflight-if-after-rewrite");
  });
  it("fix writes the same OPTIONS answer above the rewrite; the user's own stays", () => {
    // The recorded preflight: the application's 404 (a stand-in `return 404` renders it; the
    // add_header lines are `always`, so the answer carries them as the real one did).
    const evidence = recordedFrom(
      [{ path: "site.conf", text: site("return 404;") }],
      [
        {
          url: "http://h/api/orders/7",
          method: "PUT",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([{ path: "site.conf", text }], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      "    location /api/ {\n        if ($request_method = OPTIONS) {\n            return 200;\n        }\n        rewrite",
    );
    expect(after.match(/if \(\$request_method = OPTIONS\)/g)?.length).toBe(2);
    // Round trip: nothing more to do.
    expect(fixDiff(fixConfig([{ path: "site.conf", text: after }], evidence))).toBe("");
  });
});

describe("Apache: CORS lines in a <Location> that leaves out the font's path (mozilla/kitsune#2753)", () => {
  const text = `<VirtualHost *:8080>
    DocumentRoot /srv/public
    <Location /static/fonts/>
        SetEnvIf Origin "^(https?://(?:.+\\.)?example\\.com)$" CORS_ALLOW_ORIGIN=$1
        Header set Access-Control-Allow-Origin %{CORS_ALLOW_ORIGIN}e env=CORS_ALLOW_ORIGIN
        Header merge Vary Origin
    </Location>
</VirtualHost>
`;
  it("copies the lines into the virtual host with the SetEnvIf that sets their variable", () => {
    const file = { path: "site.conf", text };
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/static/fontawesome/fonts/fa.woff2", origin: PAGE }],
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    // In the virtual host itself, ahead of its sections.
    expect(after).toContain(
      '<VirtualHost *:8080>\n    SetEnvIf Origin "^(https?://(?:.+\\.)?example\\.com)$" CORS_ALLOW_ORIGIN=$1\n    Header set Access-Control-Allow-Origin %{CORS_ALLOW_ORIGIN}e env=CORS_ALLOW_ORIGIN\n    Header merge Vary Origin\n    DocumentRoot',
    );
  });
});

describe("nginx: the CORS location's types written `.(…)$`, the dot unescaped (a rocket-nginx site)", () => {
  it("the earlier static-file location that takes them is named", () => {
    const text = `server {
    listen 8080;
    location ~* \\.(css|js|woff|woff2|ttf)$ {
        expires 30d;
        proxy_pass http://127.0.0.1:9000;
    }
    location ~ .(ttf|woff|woff2)$ {
        add_header Access-Control-Allow-Origin "*" always;
        proxy_pass http://127.0.0.1:9000;
    }
}
`;
    const named = (t: string) =>
      checkConfig([{ path: "site.conf", text: t }]).findings.map((f) => `${f.code}@${f.line}`);
    expect(named(text)).toContain("cors-location-shadowed@3");
    expect(named(text.replace("css|js|woff|woff2|ttf", "css|js"))).not.toContain("cors-location-shadowed@3");
  });
});

describe("Apache: a RewriteRule that redirects every method (perma-id/w3id.org#4185)", () => {
  it("is named, unless a RewriteCond on the method comes before it", () => {
    const text = `<VirtualHost *:8080>
    DocumentRoot /srv/public
    Header always set Access-Control-Allow-Origin "*"
    <Directory /srv/public>
        RewriteEngine on
        RewriteRule ^SpOTy/(.*)$ https://w3id.example/2023/SpOTy/$1 [R=302,L]
        RewriteRule ^local$ /index.html [L]
    </Directory>
</VirtualHost>
`;
    const named = (t: string) =>
      checkConfig([{ path: "site.conf", text: t }]).findings.map((f) => `${f.code}@${f.line}`);
    expect(named(text)).toContain("preflight-redirected@6");
    expect(named(text)).not.toContain("preflight-redirected@7");
    const guarded = text.replace(
      "        RewriteRule ^SpOTy",
      "        RewriteCond %{REQUEST_METHOD} !=OPTIONS\n        RewriteRule ^SpOTy",
    );
    expect(named(guarded).filter((c) => c.startsWith("preflight-redirected"))).toEqual([]);
  });
});
