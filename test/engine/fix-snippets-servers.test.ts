/**
 * Every nginx, Apache, Caddy and Go fix snippet is accepted by the real tool: `nginx -t`, `apache2 -t`
 * with the modules the snippet names, `caddy adapt`, and `go build` (which type-checks, not only parses). Debian's
 * packages, installed by `node scripts/setup.mjs test`; a missing tool skips with its install line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnose, type Fix } from "../../src/engine";
import { recorded, SCENARIOS } from "../fixtures/scenarios";
import { stackFix } from "./stack-fixes";

const fixes: Fix[] = [
  ...SCENARIOS.flatMap((s) =>
    (["chromium", "firefox"] as const).flatMap((b) =>
      diagnose(recorded(s, b), { browser: b }).causes.flatMap((c) => c.fixes),
    ),
  ),
  // Page-wide situations no single scenario has: a server that answered back any header, or
  // allowed every method (the echo lines must compile too).
  ...(["several", "wide"] as const).flatMap((s) =>
    ["nginx", "apache", "caddy", "go"].map((stack) => stackFix(s, stack)),
  ),
];
const snippets = (stack: string) => [
  ...new Set(fixes.filter((f) => f.stack === stack).map((f) => f.snippet)),
];
const dir = mkdtempSync(join(tmpdir(), "cors-lens-snippets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NGINX = "/usr/sbin/nginx";
const APACHE = "/usr/sbin/apache2";
const GO = "/usr/bin/go";
const CADDY = "/usr/bin/caddy";
const MODULES = "/usr/lib/apache2/modules";

describe("fix snippets on the real tools", () => {
  it.skipIf(!existsSync(NGINX))("nginx -t accepts every nginx snippet inside a location block", () => {
    const all = snippets("nginx");
    expect(all.length).toBeGreaterThan(5);
    all.forEach((snippet, i) => {
      const conf = join(dir, `nginx-${i}.conf`);
      writeFileSync(
        conf,
        `daemon off;\npid ${dir}/nginx-${i}.pid;\nerror_log ${dir}/nginx-${i}.log;\nevents {}\nhttp {\n  access_log off;\n  server {\n    listen 127.0.0.1:9;\n    location / {\n${snippet}\n    }\n  }\n}\n`,
      );
      const run = spawnSync(NGINX, ["-t", "-q", "-e", `${dir}/nginx-${i}.err`, "-p", dir, "-c", conf], {
        encoding: "utf8",
      });
      expect(run.status, `${run.stderr}\n${snippet}`).toBe(0);
    });
  });

  it.skipIf(!existsSync(APACHE))("apache2 -t accepts every Apache snippet in a VirtualHost", () => {
    const all = snippets("apache");
    expect(all.length).toBeGreaterThan(5);
    all.forEach((snippet, i) => {
      const conf = join(dir, `apache-${i}.conf`);
      writeFileSync(
        conf,
        [
          `ServerRoot ${dir}`,
          `LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so`,
          `LoadModule authz_core_module ${MODULES}/mod_authz_core.so`,
          `LoadModule headers_module ${MODULES}/mod_headers.so`,
          `LoadModule rewrite_module ${MODULES}/mod_rewrite.so`,
          `LoadModule setenvif_module ${MODULES}/mod_setenvif.so`,
          `PidFile ${dir}/apache-${i}.pid`,
          `ErrorLog ${dir}/apache-${i}.log`,
          "Listen 127.0.0.1:9",
          "ServerName localhost",
          "<VirtualHost 127.0.0.1:9>",
          snippet,
          "</VirtualHost>",
          "",
        ].join("\n"),
      );
      const run = spawnSync(APACHE, ["-t", "-f", conf], { encoding: "utf8" });
      expect(run.status, `${run.stderr}\n${snippet}`).toBe(0);
    });
  });

  it.skipIf(!existsSync(CADDY))(
    "caddy adapt accepts every Caddy snippet first in a site block, its commented examples too",
    () => {
      const all = snippets("caddy");
      expect(all.length).toBeGreaterThan(5);
      // The auth example is printed as comments: uncommented, the user's basicauth takes its matcher.
      const auth = all.filter((s) => s.includes("basicauth @cors_authed"));
      expect(auth.length).toBeGreaterThan(0);
      all.forEach((snippet, i) => {
        const example = snippet.includes("basicauth @cors_authed")
          ? snippet
              .replace(/^# {3}/gm, "")
              .replace(/^basicauth @cors_authed \{$/m, (line) => `${line}\n  user alice hash\n}`)
          : snippet;
        const file = join(dir, `Caddyfile-${i}`);
        writeFileSync(file, `http://127.0.0.1:9 {\n${example}\nreverse_proxy 127.0.0.1:10\n}\n`);
        const run = spawnSync(CADDY, ["adapt", "--config", file, "--adapter", "caddyfile"], {
          encoding: "utf8",
          env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
        });
        expect(run.status, `${run.stderr}\n${example}`).toBe(0);
      });
    },
  );

  it.skipIf(!existsSync(GO))("go build compiles every Go snippet as net/http middleware", () => {
    const all = snippets("go");
    expect(all.length).toBeGreaterThan(5);
    const source = [
      "package main",
      "",
      'import "net/http"',
      "",
      ...all.map((s, i) => s.replace("func withCORS(", `func withCORS${i}(`)),
      "",
      "func main() {",
      "\tmux := http.NewServeMux()",
      ...all.map((_, i) => `\t_ = withCORS${i}(mux)`),
      "}",
      "",
    ].join("\n");
    writeFileSync(join(dir, "main.go"), source);
    const run = spawnSync(GO, ["build", "-o", join(dir, "cors"), join(dir, "main.go")], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GO111MODULE: "off", GOCACHE: join(dir, ".gocache"), GOFLAGS: "" },
    });
    expect(run.status, run.stderr).toBe(0);
  });
});
