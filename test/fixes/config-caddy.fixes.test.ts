/**
 * `cors-lens fix --config` against a real Caddy (Debian's /usr/bin/caddy): each broken Caddyfile is
 * served, the page's requests are sent as Chromium sends them, the HAR of those real responses goes
 * to `cors-lens fix --write`, `caddy validate` must accept the patched file, and the patched Caddy
 * must then let every request through (the failing ones, those allowed before, and the standard
 * requests the fix lists), as judged by the engine on the real responses. `check` must name each
 * planted problem. HTTP requests only, as the nginx suite: no browser is launched.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { cli } from "../cli/run-cli";
import { CADDY_CASES as CASES, CADDY_CORRECT as CORRECT } from "./config-caddy-cases";
import { HELD_OUT2_CADDY } from "./config-heldout2-caddy";
import { HELD_OUT3_CADDY } from "./config-heldout3-caddy";
import { HELD_OUT4_CADDY } from "./config-heldout4-caddy";
import { HELD_OUT5_CADDY } from "./config-heldout5-caddy";
import { HELD_OUT6_CADDY } from "./config-heldout6-caddy";
import { HELD_OUT7_CADDY } from "./config-heldout7-caddy";
import { HELD_OUT8_CADDY } from "./config-heldout8-caddy";
import { HELD_OUT9_CADDY } from "./config-heldout9-caddy";
import { HELD_OUT10_CADDY } from "./config-heldout10-caddy";
import { HELD_OUT11_CADDY } from "./config-heldout11-caddy";
import { HELD_OUT12_CADDY } from "./config-heldout12-caddy";
import { HELD_OUT13_CADDY } from "./config-heldout13-caddy";
import { HELD_OUT14_CADDY } from "./config-heldout14-caddy";
import { HELD_OUT15_CADDY } from "./config-heldout15-caddy";
import { HELD_OUT16_CADDY } from "./config-heldout16-caddy";
import { HELD_OUT17_CADDY } from "./config-heldout17-caddy";
import { HELD_OUT18_CADDY } from "./config-heldout18-caddy";
import { HELD_OUT19_CADDY } from "./config-heldout19-caddy";
import { HELD_OUT20_CADDY } from "./config-heldout20-caddy";
import { expectKeptOutsideDiff, observe, standardStillAllowed, startApp } from "./config-real";
import { debVersion, freePort, type Running, startProcess } from "./harness";
import { checkNamesRootWithHar } from "./heldout2-har";

const CADDY = "/usr/bin/caddy";
const installed = debVersion("caddy");

const caddyEnv = (dir: string) => ({ HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir });

function caddyValidate(file: string, dir: string): { ok: boolean; output: string } {
  const r = spawnSync(CADDY, ["validate", "--config", file, "--adapter", "caddyfile"], {
    encoding: "utf8",
    env: { ...process.env, ...caddyEnv(dir) },
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function startCaddy(file: string, dir: string, port: number): Promise<Running> {
  return startProcess(CADDY, ["run", "--config", file, "--adapter", "caddyfile"], port, {
    env: caddyEnv(dir),
  });
}

const scratch = mkdtempSync(join(tmpdir(), "cors-lens-caddy-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!installed)(`cors-lens fix --config on real Caddy ${installed ?? "(not installed)"}`, () => {
  // Issue #23's second never-seen measure (config-heldout2-caddy.ts, written blind to the readers).
  [
    ...CASES,
    ...HELD_OUT2_CADDY,
    ...HELD_OUT3_CADDY,
    ...HELD_OUT4_CADDY,
    ...HELD_OUT5_CADDY,
    ...HELD_OUT6_CADDY,
    ...HELD_OUT7_CADDY,
    ...HELD_OUT8_CADDY,
    ...HELD_OUT9_CADDY,
    ...HELD_OUT10_CADDY,
    ...HELD_OUT11_CADDY,
    ...HELD_OUT12_CADDY,
    ...HELD_OUT13_CADDY,
    ...HELD_OUT14_CADDY,
    ...HELD_OUT15_CADDY,
    ...HELD_OUT16_CADDY,
    ...HELD_OUT17_CADDY,
    ...HELD_OUT18_CADDY,
    ...HELD_OUT19_CADDY,
    ...HELD_OUT20_CADDY,
  ].forEach((c, index) => {
    it(c.name, async () => {
      const dir = join(scratch, `case-${index}`);
      mkdirSync(dir, { recursive: true });
      const site = join(dir, "Caddyfile");
      const app = await startApp(c.app ?? {});
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const fill = (text: string) =>
        text.replaceAll("PORT", String(port)).replaceAll("APP", String(app.port)).replaceAll("DIR", dir);
      const broken = fill(c.site);
      writeFileSync(site, broken);
      const extra = Object.entries(c.files ?? {}).map(([name, text]) => {
        writeFileSync(join(dir, name), fill(text));
        return join(dir, name);
      });
      let server: Running | null = null;
      try {
        // check names each planted problem with its line.
        const checked = await cli("check", "--config", site, ...extra, "--format", "json");
        const findings = JSON.parse(checked.out).findings as Array<{ code: string; line: number }>;
        for (const want of c.check) expect(findings).toContainEqual(expect.objectContaining(want));

        server = await startCaddy(site, dir, port);
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

        await checkNamesRootWithHar(c, [site, ...extra], site, har);
        const planned = await cli("fix", "--config", site, ...extra, "--har", har, "--format", "json");
        expect(planned.code, planned.err + planned.out).toBe(0);
        const plan = JSON.parse(planned.out);
        const written = await cli("fix", "--config", site, ...extra, "--har", har, "--write");
        expect(written.code, written.err).toBe(0);
        // The edit may land in the Caddyfile or in a file it imports.
        const originals = new Map([
          [site, broken],
          ...extra.map((f) => [f, fill(c.files?.[f.split("/").pop() ?? ""] ?? "")] as [string, string]),
        ]);
        const changed = [...originals].filter(([f, text]) => readFileSync(f, "utf8") !== text);
        expect(changed.length).toBeGreaterThan(0);
        const removed = expectKeptOutsideDiff(plan.diff as string, changed);
        const patched = changed.map(([f]) => readFileSync(f, "utf8")).join("\n");
        expect(removed.length).toBeLessThanOrEqual(plan.edits.length);

        const t = caddyValidate(site, dir);
        expect(t.ok, t.output).toBe(true);
        server = await startCaddy(site, dir, port);
        for (const call of c.calls) {
          const r = await observe(base, call);
          expect(
            r.verdict,
            `${call.method} ${call.path} from ${call.origin}: ${r.cause}\n${patched}\n${JSON.stringify(r.exchange.hops.map((h) => h.responseHeaders))}`,
          ).toBe("allowed");
        }
        // The standard requests the old file allowed, sent to the real patched server.
        await standardStillAllowed(base, plan.requests, patched);

        // Round trip: the fixed file with the same evidence needs nothing more.
        const again = await cli("fix", "--config", site, ...extra, "--har", har);
        // …and, its evidence recorded before the fix, does not claim a pass it cannot see.
        expect(again.code, again.err).toBe(1);
        expect(again.err).toContain("allowed by this file as read");
        expect(again.out, again.err).toBe("");
      } finally {
        await server?.stop();
        await new Promise<void>((r) => (app.server as Server).close(() => r()));
      }
    });
  });

  it("check reports nothing on correct configurations", async () => {
    for (const [i, text] of CORRECT.entries()) {
      const file = join(scratch, `correct-${i}.Caddyfile`);
      writeFileSync(file, text);
      const r = await cli("check", "--config", file);
      expect(r.code, r.out).toBe(0);
    }
  });
});
