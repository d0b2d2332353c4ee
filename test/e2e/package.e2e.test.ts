/**
 * `npm run package`: the store zips load as what they claim (manifest at the root, the one version).
 * `npm pack`: the npm package installs in an empty project without the network, its CLI runs and its
 * Playwright helper works, typed, from the installed copy.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { GECKO_ID } from "../../scripts/manifest-for";
import { CHROMIUM_BIN, ROOT, requireFile } from "./helpers/paths";
import { readZip } from "./helpers/zip";

describe("npm run package", () => {
  it("makes the Chrome Web Store, AMO and source zips from the built dists, at package.json's version", () => {
    const printed = execFileSync("node", [join(ROOT, "scripts/package.mjs")], { cwd: ROOT, encoding: "utf8" })
      .trim()
      .split("\n");
    expect(printed).toEqual(
      ["chrome", "firefox", "source"].map((k) => `web-ext-artifacts/cors-lens-${k}-${pkg.version}.zip`),
    );
    const [chromeZip, firefoxZip, sourceZip] = printed.map((p) => readZip(join(ROOT, p)));
    for (const [zip, target] of [
      [chromeZip, "chrome"],
      [firefoxZip, "firefox"],
    ] as const) {
      const names = zip?.map((e) => e.name) ?? [];
      expect(names).toEqual(
        expect.arrayContaining(["manifest.json", "src/devtools/panel.html", "icons/icon-32.png"]),
      );
      const manifest = JSON.parse(
        zip
          ?.find((e) => e.name === "manifest.json")
          ?.read()
          .toString("utf8") ?? "{}",
      );
      expect(manifest.version, target).toBe(pkg.version);
      if (target === "firefox") expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
      else expect(manifest.background.service_worker).toBe("service-worker-loader.js");
    }
    expect(sourceZip?.map((e) => e.name)).toEqual(
      expect.arrayContaining(["package.json", "src/engine/diagnose.ts"]),
    );
  });
});

describe("npm pack", () => {
  const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
  const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
    spawnSync(cmd, args, {
      cwd,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });

  it("installs offline in an empty project: `npx cors-lens analyze` runs, the helper fails and passes Playwright tests, tsc checks its types", () => {
    requireFile(CHROMIUM_BIN, "Debian's chromium", "Run `node scripts/setup.mjs test` as root.");
    const scratch = mkdtempSync(join(tmpdir(), "cors-lens-pack-"));
    try {
      // prepack builds dist/cli (the CLI, the helper and its types) first.
      const pack = run(NPM, ["pack", "--json", "--pack-destination", scratch], ROOT);
      expect(pack.status, pack.stderr).toBe(0);
      const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
      const files = packed?.files.map((f) => f.path) ?? [];
      expect(files).toEqual(
        expect.arrayContaining([
          "package.json",
          "README.md",
          "LICENSE",
          "dist/cli/cors-lens.mjs",
          "dist/cli/playwright.mjs",
          "dist/cli/types/playwright/index.d.ts",
        ]),
      );
      // Only the CLI's files: no sources, no extension builds, no tests.
      expect(
        files.filter(
          (f) => !/^(dist\/cli\/|docs\/report-format\.md$|package\.json$|README\.md$|LICENSE$)/.test(f),
        ),
      ).toEqual([]);

      const project = join(scratch, "app");
      cpSync(join(ROOT, "test/fixtures/playwright-project"), project, { recursive: true });
      writeFileSync(
        join(project, "package.json"),
        JSON.stringify({ name: "scratch-app", private: true, type: "module" }, null, 2),
      );
      // --offline: what the package needs must be in the tarball (it has no dependencies).
      const install = run(
        NPM,
        ["install", "--offline", "--no-audit", "--no-fund", join(scratch, packed?.filename ?? "")],
        project,
      );
      expect(install.status, install.stderr).toBe(0);
      // The project's own test tools, at the repository's versions: linked from its node_modules
      // (npm's offline cache holds their tarballs but not the registry metadata an install asks for).
      for (const tool of ["@playwright/test", "typescript", "@types/node"]) {
        mkdirSync(dirname(join(project, "node_modules", tool)), { recursive: true });
        symlinkSync(join(ROOT, "node_modules", tool), join(project, "node_modules", tool));
      }
      const tool = (bin: string) => join(project, "node_modules", bin);
      expect(readdirSync(join(project, "node_modules/cors-lens")).sort()).toEqual(
        ["LICENSE", "README.md", "dist", "docs", "package.json"].sort(),
      );

      // The CLI, from the project's node_modules/.bin.
      const har = join(scratch, "x.har");
      cpSync(join(ROOT, "test/fixtures/har/firefox-netmonitor.har"), har);
      const analyze = run("npx", ["--offline", "--no-install", "cors-lens", "analyze", har], project);
      expect(analyze.stderr).toBe("");
      expect(analyze.status).toBe(1);
      expect(analyze.stdout).toMatch(/✖ 1 file, 53 requests: 38 blocked/);
      const version = run("npx", ["--offline", "--no-install", "cors-lens", "--version"], project);
      expect(version.stdout.trim()).toContain(pkg.version);

      // The types: the user's spec files check against the installed package's declarations, and a
      // wrong call does not (they describe the real API, not `any`).
      writeFileSync(
        join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "ESNext",
            moduleResolution: "Bundler",
            strict: true,
            noEmit: true,
            types: ["node"],
            skipLibCheck: false,
          },
          include: ["*.ts"],
        }),
      );
      const tsc = run(process.execPath, [tool("typescript/bin/tsc"), "-p", "."], project);
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.status).toBe(0);
      writeFileSync(
        join(project, "misuse.ts"),
        'import { attachCorsLens } from "cors-lens/playwright";\nexport const x = attachCorsLens("not a page");\n',
      );
      const wrong = run(process.execPath, [tool("typescript/bin/tsc"), "-p", "."], project);
      expect(wrong.status).not.toBe(0);
      expect(wrong.stdout).toMatch(
        /misuse\.ts\(2,\d+\): error TS2345: Argument of type 'string' is not assignable to parameter of type 'PageLike'/,
      );
      rmSync(join(project, "misuse.ts"));

      // The helper from the installed package in real Playwright Test runs (Debian's Chromium).
      const env = { CHROMIUM_BIN, PW_OUTPUT_DIR: join(scratch, "results") };
      const failing = run(
        process.execPath,
        [tool("@playwright/test/cli.js"), "test", "failing.spec.ts", "--reporter", "line"],
        project,
        env,
      );
      expect(failing.status, failing.stderr).toBe(1);
      expect(failing.stdout).toMatch(/\b7 failed\b/);
      expect(failing.stdout).not.toMatch(/\bpassed\b/);
      expect(failing.stdout).toContain("node_modules/cors-lens/dist/cli/playwright.mjs");
      const clean = run(
        process.execPath,
        [tool("@playwright/test/cli.js"), "test", "clean.spec.ts", "--reporter", "line"],
        project,
        env,
      );
      expect(clean.status, clean.stdout).toBe(0);
      expect(clean.stdout).toMatch(/\b7 passed\b/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 600_000);

  it("action.yml: its run step writes SARIF for the upload, annotates the run and hands the exit code on", () => {
    requireFile(join(ROOT, "dist/cli/cors-lens.mjs"), "The CLI build", "Run `npm run build:cli`.");
    const action = readFileSync(join(ROOT, "action.yml"), "utf8");
    expect(action).toContain("using: composite");
    expect(action).toMatch(
      /uses: github\/codeql-action\/upload-sarif@v3\n\s+with:\n\s+sarif_file: \$\{\{ inputs\.sarif-file \}\}/,
    );
    // The step's script as GitHub runs it (bash -eo pipefail), its inputs passed as env.
    const start = action.indexOf("      run: |\n", action.indexOf("id: run")) + "      run: |\n".length;
    const script = action
      .slice(start, action.indexOf("\n\n", start))
      .split("\n")
      .map((line) => line.slice(8))
      .join("\n");
    const scratch = mkdtempSync(join(tmpdir(), "cors-lens-action-"));
    try {
      cpSync(join(ROOT, "test/fixtures/har/firefox-netmonitor.har"), join(scratch, "e2e.har"));
      writeFileSync(join(scratch, "run.sh"), script);
      writeFileSync(join(scratch, "output"), "");
      const step = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "run.sh"], {
        cwd: scratch,
        encoding: "utf8",
        env: {
          ...process.env,
          CLI: join(ROOT, "dist/cli/cors-lens.mjs"),
          HAR: "*.har",
          PROBE_URL: "",
          ORIGIN: "",
          PROBE_ARGS: "",
          FAIL_ON: "blocked",
          ALLOW_UNKNOWN: "false",
          SARIF: "cors-lens.sarif",
          GITHUB_OUTPUT: join(scratch, "output"),
        },
      });
      expect(step.status, step.stderr).toBe(0);
      expect(readFileSync(join(scratch, "output"), "utf8")).toBe("exit-code=1\n");
      expect(step.stdout).toMatch(/^::error file=e2e\.har,title=CORS /m);
      const sarif = JSON.parse(readFileSync(join(scratch, "cors-lens.sarif"), "utf8"));
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0].results.length).toBeGreaterThan(30);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
