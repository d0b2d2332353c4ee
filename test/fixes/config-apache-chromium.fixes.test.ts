/**
 * `cors-lens fix --config` on Apache httpd end to end in real Chromium: the page calls a real
 * apache2 serving a broken virtual host in front of a Node application, and Chromium blocks some
 * calls; CORS Lens's own report of that page (the extension's evidence, exported as a HAR) goes to
 * `cors-lens fix --write`; `apache2 -t` accepts the patched file, the patched httpd is started and
 * the same page's calls all succeed in Chromium, the extension's report agreeing.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { observedFromReport } from "../../src/report/report";
import { cli } from "../cli/run-cli";
import { apacheTest, installed, mainConf, startApache } from "./config-apache-real";
import { startApp } from "./config-real";
import { Browser, exchangeFor, freePort, type Running } from "./harness";
import type { PageRequest } from "./page";

const json = { "content-type": "application/json" };
const LIST: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/items",
  headers: {},
  credentials: "omit",
  body: null,
};
const ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {},
  credentials: "include",
  body: null,
};
const UPDATE: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/items/1",
  headers: { ...json, "x-api-key": "k1" },
  credentials: "omit",
  body: '{"name":"b"}',
};
const MOVED: PageRequest = {
  name: "moved",
  method: "PUT",
  path: "/v1/items/1",
  headers: json,
  credentials: "omit",
  body: '{"name":"b"}',
};
const PROXY = "    ProxyPass /api/ http://127.0.0.1:APP/api/";
const OPTIONS_204 = `    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]`;

/** Virtual hosts (ORIGIN: the page's origin; PORT: httpd's; APP: the application's) and the page calls. */
const FAIL: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/fail",
  headers: {},
  credentials: "omit",
  body: null,
};
const AUTHED: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/items/1",
  headers: { ...json, authorization: `Basic ${Buffer.from("bob:secret").toString("base64")}` },
  credentials: "include",
  body: '{"name":"b"}',
};

const CASES: Array<{
  name: string;
  site: string;
  calls: PageRequest[];
  ownCors?: boolean;
  htpasswd?: boolean;
}> = [
  {
    name: "the preflight goes on to the app, which answers 405",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "ORIGIN"
    Header always set Access-Control-Allow-Methods "GET, PUT"
    Header always set Access-Control-Allow-Headers "Content-Type, X-Api-Key"
${PROXY}
</VirtualHost>
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "RewriteRule [R=200,L] answers OPTIONS, Header set without always",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header set Access-Control-Allow-Origin "ORIGIN"
    Header set Access-Control-Allow-Methods "GET, PUT"
    Header set Access-Control-Allow-Headers "Content-Type, X-Api-Key"
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^(.*)$ $1 [R=200,L]
${PROXY}
</VirtualHost>
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "* with credentials",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "*"
    Header always set Access-Control-Allow-Credentials "true"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [LIST, ME],
  },
  {
    name: "a fixed origin of another front end, PUT and X-Api-Key not allowed",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "https://other.example"
    Header always set Access-Control-Allow-Methods "GET, POST"
    Header always set Access-Control-Allow-Headers "Content-Type"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "an OPTIONS rewrite in a Location runs after Require refuses the preflight",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "ORIGIN"
    Header always set Access-Control-Allow-Methods "GET, PUT"
    Header always set Access-Control-Allow-Headers "Content-Type, X-Api-Key"
    <Location /api/items/>
        RewriteEngine On
        RewriteCond %{REQUEST_METHOD} OPTIONS
        RewriteRule ^ - [R=204,L]
        <If "-z req('X-Api-Key')">
            Require all denied
        </If>
    </Location>
${PROXY}
</VirtualHost>
`,
    calls: [UPDATE],
  },
  {
    // Not in the HTTP-only suite: its sender does not follow the 308 as Chromium does.
    name: "held-out: an old API prefix redirected with mod_alias, the preflight follows no redirect",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "ORIGIN"
    Header always set Access-Control-Allow-Methods "GET, PUT"
    Header always set Access-Control-Allow-Headers "Content-Type"
    Redirect 308 /v1/ /api/
${PROXY}
</VirtualHost>
`,
    calls: [LIST, MOVED],
  },
  {
    name: "httpd and the app both add Allow-Origin",
    ownCors: true,
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "ORIGIN"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [LIST],
  },
  {
    name: "a SetEnvIf Origin regex that misses the page's origin",
    site: `<VirtualHost 127.0.0.1:PORT>
    SetEnvIf Origin "^https://(app|www)\\.example\\.com$" CORS_OK=$0
    Header always set Access-Control-Allow-Origin "%{CORS_OK}e" env=CORS_OK
    Header always merge Vary Origin
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [LIST],
  },
  {
    name: "ProxyErrorOverride: httpd's error page without CORS (Header set)",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header set Access-Control-Allow-Origin "ORIGIN"
    ProxyErrorOverride On
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [LIST, FAIL],
  },
  {
    name: "credentials without Access-Control-Allow-Credentials",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "ORIGIN"
    Header always set Vary "Origin"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [LIST, ME],
  },
  {
    name: "basic auth on the whole API refuses the preflight (401)",
    htpasswd: true,
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "ORIGIN"
    Header always set Access-Control-Allow-Credentials "true"
    Header always set Access-Control-Allow-Headers "Authorization, Content-Type"
    Header always set Access-Control-Allow-Methods "GET, PUT"
    <Location /api/>
        AuthType Basic
        AuthName "API"
        AuthUserFile DIR/htpasswd
        Require valid-user
    </Location>
${PROXY}
</VirtualHost>
`,
    calls: [AUTHED],
  },
];

const scratch = mkdtempSync(join(tmpdir(), "cors-lens-apache-chromium-"));
let browser: Browser | null = null;

beforeAll(async () => {
  if (installed) browser = await Browser.launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!installed)("cors-lens fix --config on Apache httpd, proven in real Chromium", () => {
  CASES.forEach((c, index) => {
    it(c.name, async () => {
      const b = browser as Browser;
      const dir = join(scratch, `case-${index}`);
      mkdirSync(dir, { recursive: true });
      const app = await startApp(
        c.ownCors ? { ownCors: [["Access-Control-Allow-Origin", b.pageOrigin]] } : {},
      );
      if (c.htpasswd)
        writeFileSync(
          join(dir, "htpasswd"),
          `bob:{SHA}${createHash("sha1").update("secret").digest("base64")}\n`,
        );
      const port = await freePort();
      const api = `http://127.0.0.1:${port}`;
      const site = join(dir, "site.conf");
      const conf = join(dir, "httpd.conf");
      writeFileSync(
        site,
        c.site
          .replaceAll("PORT", String(port))
          .replaceAll("APP", String(app.port))
          .replaceAll("ORIGIN", b.pageOrigin)
          .replaceAll("DIR", dir),
      );
      writeFileSync(conf, mainConf(dir, port, site));
      let server: Running | null = await startApache(conf, port);
      try {
        const before = await b.runPage(api, c.calls);
        expect(
          before.outcomes.some((o) => !o.allowed),
          "Chromium blocks a call of the broken file",
        ).toBe(true);
        const har = join(dir, "chromium.har");
        const exchanges = c.calls.map((call) =>
          exchangeFor(before.report, before.urls.get(call.name) as string, call.method),
        );
        expect(exchanges.every((x) => x !== undefined)).toBe(true);
        writeFileSync(
          har,
          JSON.stringify(
            exportHar(
              exchanges.map((x) => observedFromReport(x as NonNullable<typeof x>, "chromium")),
              { includeSecrets: true },
            ),
          ),
        );
        await server.stop();
        server = null;
        const fixed = await cli("fix", "--config", site, "--har", har, "--write");
        expect(fixed.code, fixed.err).toBe(0);
        const t = apacheTest(conf);
        expect(t.ok, `${t.output}\n${readFileSync(site, "utf8")}`).toBe(true);
        server = await startApache(conf, port);
        const after = await b.runPage(api, c.calls);
        for (const o of after.outcomes)
          expect(o.allowed, `${o.name}: ${o.error}\n${readFileSync(site, "utf8")}`).toBe(true);
        for (const call of c.calls) {
          const x = exchangeFor(after.report, after.urls.get(call.name) as string, call.method);
          expect(x?.verdict, call.name).toBe("allowed");
        }
      } finally {
        await server?.stop();
        await new Promise<void>((r) => (app.server as Server).close(() => r()));
      }
    });
  });
});
