/**
 * `cors-lens fix --config` on a Caddyfile end to end in real Chromium: the page calls a real Caddy
 * serving a broken Caddyfile and Chromium blocks some calls; CORS Lens's own report of that page
 * (the extension's evidence, exported as a HAR) goes to `cors-lens fix --write`; the patched Caddy
 * is started and the same page's calls all succeed in Chromium, the extension's report agreeing.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { observedFromReport } from "../../src/report/report";
import { cli } from "../cli/run-cli";
import { Browser, debVersion, exchangeFor, freePort, type Running, startProcess } from "./harness";
import type { PageRequest } from "./page";

const installed = debVersion("caddy");
const CADDY = "/usr/bin/caddy";
const caddyEnv = (dir: string) => ({ HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir });
const startCaddy = (file: string, dir: string, port: number): Promise<Running> =>
  startProcess(CADDY, ["run", "--config", file, "--adapter", "caddyfile"], port, { env: caddyEnv(dir) });
function caddyValidate(file: string, dir: string): { ok: boolean; output: string } {
  const r = spawnSync(CADDY, ["validate", "--config", file, "--adapter", "caddyfile"], {
    encoding: "utf8",
    env: { ...process.env, ...caddyEnv(dir) },
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

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
const GLOBAL = `{
\tadmin off
\tauto_https off
}
`;
const ANSWER = `header Content-Type application/json
\trespond \`{"ok":true}\` 200`;

/** Caddyfiles (ORIGIN: the page's origin; PORT: Caddy's) and the page calls each one breaks or keeps. */
const CASES: Array<{ name: string; site: string; calls: PageRequest[] }> = [
  {
    name: "CORS set for the preflight only",
    site: `${GLOBAL}
:PORT {
\t@options method OPTIONS
\thandle @options {
\t\theader Access-Control-Allow-Origin "ORIGIN"
\t\theader Access-Control-Allow-Methods "GET, PUT"
\t\theader Access-Control-Allow-Headers "Content-Type, X-Api-Key"
\t\trespond 204
\t}
\t${ANSWER}
}
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "* with credentials",
    site: `${GLOBAL}
:PORT {
\theader Access-Control-Allow-Origin *
\theader Access-Control-Allow-Credentials true
\t${ANSWER}
}
`,
    calls: [LIST, ME],
  },
  {
    name: "basicauth refuses the preflight before respond answers it",
    site: `${GLOBAL}
:PORT {
\theader Access-Control-Allow-Origin "ORIGIN"
\theader Access-Control-Allow-Methods "GET, DELETE"
\t@options method OPTIONS
\trespond @options 204
\tbasicauth /api/* {
\t\tbob $2a$14$qXhIxE50JPpgvFNILniexeRmIhbCoACvjHmMEXkPY0JqEkVdSdgye
\t}
\t${ANSWER}
}
`,
    calls: [REMOVE],
  },
  {
    name: "a fixed origin of another front end, PUT and X-Api-Key not allowed",
    site: `${GLOBAL}
:PORT {
\theader Access-Control-Allow-Origin "https://other.example"
\theader Access-Control-Allow-Methods "GET, POST"
\t@options method OPTIONS
\trespond @options 204
\t${ANSWER}
}
`,
    calls: [LIST, UPDATE],
  },
];

const scratch = mkdtempSync(join(tmpdir(), "cors-lens-caddy-chromium-"));
let browser: Browser | null = null;

beforeAll(async () => {
  if (installed) browser = await Browser.launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!installed)("cors-lens fix --config on a Caddyfile, proven in real Chromium", () => {
  CASES.forEach((c, index) => {
    it(c.name, async () => {
      const b = browser as Browser;
      const dir = join(scratch, `case-${index}`);
      mkdirSync(dir, { recursive: true });
      const port = await freePort();
      const api = `http://127.0.0.1:${port}`;
      const site = join(dir, "Caddyfile");
      writeFileSync(site, c.site.replaceAll("PORT", String(port)).replaceAll("ORIGIN", b.pageOrigin));
      let server: Running | null = await startCaddy(site, dir, port);
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
        const t = caddyValidate(site, dir);
        expect(t.ok, `${t.output}\n${readFileSync(site, "utf8")}`).toBe(true);
        server = await startCaddy(site, dir, port);
        const after = await b.runPage(api, c.calls);
        for (const o of after.outcomes)
          expect(o.allowed, `${o.name}: ${o.error}\n${readFileSync(site, "utf8")}`).toBe(true);
        for (const call of c.calls) {
          const x = exchangeFor(after.report, after.urls.get(call.name) as string, call.method);
          expect(x?.verdict, call.name).toBe("allowed");
        }
      } finally {
        await server?.stop();
      }
    });
  });
});
