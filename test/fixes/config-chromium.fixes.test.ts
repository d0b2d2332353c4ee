/**
 * `cors-lens fix --config` end to end in real Chromium: the page calls a real nginx serving a broken
 * site file and Chromium blocks some calls; CORS Lens's own report of that page (the extension's
 * evidence, exported as a HAR) goes to `cors-lens fix --write`; the patched nginx is started and
 * the same page's calls all succeed in Chromium, the extension's report agreeing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { observedFromReport } from "../../src/report/report";
import { cli } from "../cli/run-cli";
import { nginxTest, prepare, startNginx } from "./config-real";
import { Browser, debVersion, exchangeFor, freePort, type Running } from "./harness";
import type { PageRequest } from "./page";

const installed = debVersion("nginx-light") ?? debVersion("nginx-core") ?? debVersion("nginx");

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
const REMOVE: PageRequest = {
  name: "remove",
  method: "DELETE",
  path: "/api/items/1",
  headers: {},
  credentials: "omit",
  body: null,
};
const FAIL: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/fail",
  headers: {},
  credentials: "omit",
  body: null,
};

const ANSWER = `default_type application/json;
        return 200 '{"ok":true}';`;

/** Site files (ORIGIN: the page's origin; PORT: nginx's) and the page calls each one breaks or keeps. */
const CASES: Array<{ name: string; site: string; calls: PageRequest[] }> = [
  {
    name: "a location's add_header drops the server's CORS headers",
    site: `server {
    listen 127.0.0.1:PORT;
    add_header Access-Control-Allow-Origin "ORIGIN" always;
    location /api/ {
        add_header X-Content-Type-Options nosniff;
        ${ANSWER}
    }
}
`,
    calls: [LIST],
  },
  {
    name: "* with credentials",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin * always;
        add_header Access-Control-Allow-Credentials true always;
        ${ANSWER}
    }
}
`,
    calls: [LIST, ME],
  },
  {
    name: "PUT and X-Api-Key missing from the OPTIONS block",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin "ORIGIN";
            add_header Access-Control-Allow-Methods "GET, POST";
            add_header Access-Control-Allow-Headers "Content-Type";
            return 204;
        }
        add_header Access-Control-Allow-Origin "ORIGIN" always;
        ${ANSWER}
    }
}
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "basic auth refuses the preflight; the 500 has no CORS header",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        auth_basic "API";
        auth_basic_user_file /dev/null;
        add_header Access-Control-Allow-Origin "ORIGIN" always;
        add_header Access-Control-Allow-Methods "GET, DELETE" always;
        ${ANSWER}
    }
    location = /api/fail {
        add_header Access-Control-Allow-Origin "ORIGIN";
        return 500;
    }
}
`,
    calls: [REMOVE, FAIL],
  },
  {
    // The list's total comes in a header the page reads (react-admin's X-Total-Count): CORS written
    // where none was set must expose it too, or the page fails one step later.
    name: "no CORS at all, the list's X-Total-Count read by the page",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header X-Total-Count 2 always;
        ${ANSWER}
    }
}
`,
    calls: [{ ...LIST, reads: ["X-Total-Count"] }],
  },
];

const scratch = mkdtempSync(join(tmpdir(), "cors-lens-config-chromium-"));
let browser: Browser | null = null;

beforeAll(async () => {
  if (installed) browser = await Browser.launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!installed)("cors-lens fix --config, proven in real Chromium", () => {
  CASES.forEach((c, index) => {
    it(c.name, async () => {
      const b = browser as Browser;
      const dir = join(scratch, `case-${index}`);
      prepare(dir);
      const port = await freePort();
      const api = `http://127.0.0.1:${port}`;
      const site = join(dir, "site.conf");
      writeFileSync(site, c.site.replaceAll("PORT", String(port)).replaceAll("ORIGIN", b.pageOrigin));
      let nginx: Running | null = await startNginx(dir, port);
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
        await nginx.stop();
        nginx = null;
        const fixed = await cli("fix", "--config", site, "--har", har, "--write");
        expect(fixed.code, fixed.err).toBe(0);
        const t = nginxTest(dir);
        expect(t.ok, `${t.output}\n${readFileSync(site, "utf8")}`).toBe(true);
        nginx = await startNginx(dir, port);
        const after = await b.runPage(api, c.calls);
        for (const o of after.outcomes)
          expect(o.allowed, `${o.name}: ${o.error}\n${readFileSync(site, "utf8")}`).toBe(true);
        for (const call of c.calls) {
          const x = exchangeFor(after.report, after.urls.get(call.name) as string, call.method);
          expect(x?.verdict, call.name).toBe("allowed");
        }
      } finally {
        await nginx?.stop();
      }
    });
  });
});
