/**
 * `cors-lens fix --config` against a real Apache httpd (Debian's apache2, run unprivileged with -X on
 * a free port): a main httpd.conf loads the modules and `Include`s the user's virtual host file (the
 * file CORS Lens reads and patches; a `.htaccess` is passed with it where the case has one). Each
 * broken file is served, the page's requests are sent as Chromium sends them, the HAR of those real
 * responses goes to `cors-lens fix --write`, `apache2 -t` must accept the patched file, and the patched
 * httpd must then let every request through (the failing ones, those allowed before, and the standard
 * requests the fix lists), as judged by the engine on the real responses. `check` must name each
 * planted problem on its line, and nothing on correct files. HTTP requests only: no browser.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config";
import { exportHar } from "../../src/report/har-export";
import { cli } from "../cli/run-cli";
import { APACHE_CASES as CASES, APACHE_CORRECT as CORRECT } from "./config-apache-cases";
import { apacheTest, installed, mainConf, startApache } from "./config-apache-real";
import { HELD_OUT2_APACHE } from "./config-heldout2-apache";
import { HELD_OUT3_APACHE } from "./config-heldout3-apache";
import { HELD_OUT4_APACHE } from "./config-heldout4-apache";
import { HELD_OUT5_APACHE } from "./config-heldout5-apache";
import { HELD_OUT6_APACHE } from "./config-heldout6-apache";
import { HELD_OUT7_APACHE } from "./config-heldout7-apache";
import { HELD_OUT8_APACHE } from "./config-heldout8-apache";
import { HELD_OUT9_APACHE } from "./config-heldout9-apache";
import { HELD_OUT10_APACHE } from "./config-heldout10-apache";
import { HELD_OUT11_APACHE } from "./config-heldout11-apache";
import { HELD_OUT12_APACHE } from "./config-heldout12-apache";
import { HELD_OUT13_APACHE } from "./config-heldout13-apache";
import { HELD_OUT14_APACHE } from "./config-heldout14-apache";
import { HELD_OUT15_APACHE } from "./config-heldout15-apache";
import { HELD_OUT16_APACHE } from "./config-heldout16-apache";
import { HELD_OUT17_APACHE } from "./config-heldout17-apache";
import { HELD_OUT18_APACHE } from "./config-heldout18-apache";
import { HELD_OUT19_APACHE } from "./config-heldout19-apache";
import { HELD_OUT20_APACHE } from "./config-heldout20-apache";
import { expectKeptOutsideDiff, observe, standardStillAllowed, startApp } from "./config-real";
import { freePort, type Running } from "./harness";
import { checkNamesRootWithHar } from "./heldout2-har";

const scratch = mkdtempSync(join(tmpdir(), "cors-lens-apache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!installed)(
  `cors-lens fix --config on real Apache httpd ${installed ?? "(not installed)"}`,
  () => {
    // Issue #23's second never-seen measure (config-heldout2-apache.ts, written blind to the readers).
    [
      ...CASES,
      ...HELD_OUT2_APACHE,
      ...HELD_OUT3_APACHE,
      ...HELD_OUT4_APACHE,
      ...HELD_OUT5_APACHE,
      ...HELD_OUT6_APACHE,
      ...HELD_OUT7_APACHE,
      ...HELD_OUT8_APACHE,
      ...HELD_OUT9_APACHE,
      ...HELD_OUT10_APACHE,
      ...HELD_OUT11_APACHE,
      ...HELD_OUT12_APACHE,
      ...HELD_OUT13_APACHE,
      ...HELD_OUT14_APACHE,
      ...HELD_OUT15_APACHE,
      ...HELD_OUT16_APACHE,
      ...HELD_OUT17_APACHE,
      ...HELD_OUT18_APACHE,
      ...HELD_OUT19_APACHE,
      ...HELD_OUT20_APACHE,
    ].forEach((c, index) => {
      it(c.name, async () => {
        const dir = join(scratch, `case-${index}`);
        mkdirSync(dir, { recursive: true });
        const site = join(dir, "site.conf");
        const app = await startApp(c.app ?? {});
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const fill = (text: string) =>
          text.replaceAll("PORT", String(port)).replaceAll("APP", String(app.port)).replaceAll("DIR", dir);
        const broken = fill(c.site);
        writeFileSync(site, broken);
        const conf = join(dir, "httpd.conf");
        writeFileSync(conf, mainConf(dir, port, site));
        const extra: string[] = [];
        const originals = new Map([[site, broken]]);
        for (const [name, text] of Object.entries(c.files ?? {})) {
          const f = join(dir, name);
          mkdirSync(dirname(f), { recursive: true });
          writeFileSync(f, text);
          if (/(^|\/)\.htaccess$|\.conf$/.test(name)) {
            extra.push(f);
            originals.set(f, text);
          }
        }
        let server: Running | null = null;
        try {
          const started = Date.now();
          const checked = await cli("check", "--config", site, ...extra, "--format", "json");
          const findings = JSON.parse(checked.out).findings as Array<{ code: string; line: number }>;
          for (const want of c.check) expect(findings).toContainEqual(expect.objectContaining(want));

          const t0 = apacheTest(conf);
          expect(t0.ok, t0.output).toBe(true);
          server = await startApache(conf, port);
          const before = [];
          for (const call of c.calls) before.push(await observe(base, call));
          expect(
            before.some((b) => b.verdict === "blocked"),
            `the case is really broken: ${JSON.stringify(before.map((b) => b.exchange.hops))}`,
          ).toBe(true);
          await server.stop();
          server = null;
          const har = join(dir, "recorded.har");
          writeFileSync(
            har,
            JSON.stringify(
              exportHar(
                before.map((b) => b.exchange),
                { includeSecrets: true },
              ),
            ),
          );

          await checkNamesRootWithHar(
            c,
            [site, ...extra],
            "rootFile" in c && typeof c.rootFile === "string" ? join(dir, c.rootFile) : site,
            har,
          );
          const planned = await cli("fix", "--config", site, ...extra, "--har", har, "--format", "json");
          expect(planned.code, planned.err + planned.out).toBe(0);
          const plan = JSON.parse(planned.out);
          // The model of the broken file answers as the real httpd did: same verdict for every recorded call.
          for (const row of (
            plan.requests as Array<{
              source: string;
              recorded: string;
              before: { verdict: string };
              url: string;
            }>
          ).filter((r) => r.source === "evidence"))
            expect(row.before.verdict, `model vs httpd: ${row.url}`).toBe(row.recorded);
          const written = await cli("fix", "--config", site, ...extra, "--har", har, "--write");
          expect(written.code, written.err).toBe(0);
          const changed = [...originals].filter(([f, text]) => readFileSync(f, "utf8") !== text);
          expect(changed.length).toBeGreaterThan(0);
          const removed = expectKeptOutsideDiff(plan.diff as string, changed);
          const patched = changed.map(([f]) => readFileSync(f, "utf8")).join("\n");
          expect(removed.length).toBeLessThanOrEqual(plan.edits.length);

          const t = apacheTest(conf);
          expect(t.ok, t.output).toBe(true);
          server = await startApache(conf, port);
          for (const call of c.calls) {
            const r = await observe(base, call);
            expect(
              r.verdict,
              `${call.method} ${call.path} from ${call.origin}: ${r.cause}\n${patched}\n${JSON.stringify(r.exchange.hops.map((h) => [h.status, h.responseHeaders]))}`,
            ).toBe("allowed");
          }
          // The standard requests the old file allowed, sent to the real patched server.
          const standard = await standardStillAllowed(base, plan.requests, patched, async (call) => {
            // The old files served again, on the same port, for this one request.
            await server?.stop();
            const now = changed.map(([f]) => [f, readFileSync(f, "utf8")] as const);
            for (const [f, text] of changed) writeFileSync(f, text);
            server = await startApache(conf, port);
            const old = await observe(base, call);
            await server.stop();
            for (const [f, text] of now) writeFileSync(f, text);
            server = await startApache(conf, port);
            return old.verdict;
          });

          // Round trip: the fixed file with the same evidence needs nothing more.
          const again = await cli("fix", "--config", site, ...extra, "--har", har);
          // …and, its evidence recorded before the fix, does not claim a pass it cannot see.
          expect(again.code, again.err).toBe(1);
          expect(again.err).toContain("allowed by this file as read");
          expect(again.out, again.err).toBe("");
          console.log(
            `apache case ${index}: ${c.calls.length} calls, ${standard} standard, ${plan.edits.length} edits, ${Date.now() - started} ms`,
          );
        } finally {
          await server?.stop();
          await new Promise<void>((r) => (app.server as Server).close(() => r()));
        }
      });
    });

    it("agrees with httpd on which .htaccess it reads (AllowOverride), and check names the skipped one", async () => {
      for (const [override, read] of [
        ["None", false],
        ["FileInfo", true],
        ["AuthConfig", false],
        ["All", true],
      ] as const) {
        const dir = join(scratch, `override-${override}`);
        mkdirSync(join(dir, "public"), { recursive: true });
        const port = await freePort();
        const site = join(dir, "site.conf");
        const conf = join(dir, "httpd.conf");
        const htaccess = join(dir, "public", ".htaccess");
        writeFileSync(
          site,
          `<VirtualHost 127.0.0.1:${port}>\n    DocumentRoot ${dir}/public\n    <Directory ${dir}/public>\n        AllowOverride ${override}\n        Require all granted\n    </Directory>\n</VirtualHost>\n`,
        );
        writeFileSync(
          htaccess,
          '# CORS for the data\nHeader set Access-Control-Allow-Origin "https://app.example.com"\n',
        );
        writeFileSync(join(dir, "public", "data.json"), "{}\n");
        writeFileSync(conf, mainConf(dir, port, site));
        const server = await startApache(conf, port);
        try {
          const real = await observe(`http://127.0.0.1:${port}`, {
            method: "GET",
            path: "/data.json",
            origin: "https://app.example.com",
          });
          expect(real.verdict, override).toBe(read ? "allowed" : "blocked");
          const model = readConfig([
            { path: site, text: readFileSync(site, "utf8") },
            { path: htaccess, text: readFileSync(htaccess, "utf8") },
          ]).answer({
            method: "GET",
            url: `http://127.0.0.1:${port}/data.json`,
            headers: [["Origin", "https://app.example.com"]],
            upstream: { status: 200, headers: [] },
          });
          const acao =
            model.kind === "known" && model.headers.some(([n]) => /^access-control-allow-origin$/i.test(n));
          expect(acao, override).toBe(read);
          const checked = await cli("check", "--config", site, htaccess, "--format", "json");
          const findings = JSON.parse(checked.out).findings as Array<{
            code: string;
            line: number;
            file: string;
          }>;
          const skipped = findings.filter((f) => f.code === "htaccess-ignored");
          expect(skipped, override).toEqual(
            read ? [] : [expect.objectContaining({ file: htaccess, line: 2 })],
          );
        } finally {
          await server.stop();
        }
      }
    });

    it("check reports nothing on correct configurations", async () => {
      for (const [i, text] of CORRECT.entries()) {
        const file = join(scratch, `correct-${i}.conf`);
        writeFileSync(file, text);
        const r = await cli("check", "--config", file);
        expect(r.code, r.out).toBe(0);
        // And each is a configuration httpd accepts.
        const conf = join(scratch, `correct-${i}.httpd.conf`);
        writeFileSync(conf, mainConf(scratch, await freePort(), file));
        const t = apacheTest(conf);
        expect(t.ok, t.output).toBe(true);
      }
    });
  },
);
