#!/usr/bin/env node
/**
 * `npm run build[:chrome|:firefox|:cli]`: vite builds of each target, skipped when the target's
 * inputs are byte for byte those of its last build. CI builds before `check`, `npm test` and
 * `npm run test:fixes` (four builds of one tree, about 10 s each on 2 cores); only the first does
 * the work now. A build's inputs: every file under src/, public/ and the build's own configuration
 * (listed below); its digest goes to dist/.digests/ (not into the extension's folders, which are
 * packaged and linted as they are), removed before a build and written after it succeeded. `CORS_LENS_REBUILD=1` always builds;
 * builds into another folder or with bench variants (CORS_LENS_OUT, CORS_LENS_DROP) always do.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIGESTS = join(ROOT, "dist/.digests");

const COMMON = [
  "src",
  "public",
  "package.json",
  "package-lock.json",
  "manifest.json",
  "tsconfig.json",
  "scripts/manifest-for.ts",
  "scripts/version.ts",
  "scripts/build.mjs",
];

const TARGETS = {
  chrome: { out: "dist/chrome", args: ["build", "--mode", "chrome"], inputs: ["vite.config.ts"] },
  firefox: { out: "dist/firefox", args: ["build", "--mode", "firefox"], inputs: ["vite.config.ts"] },
  cli: {
    out: "dist/cli",
    args: ["build", "-c", "vite.cli.config.ts"],
    inputs: ["vite.cli.config.ts", "tsconfig.types.json"],
  },
};

function files(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => files(relative(ROOT, join(full, entry.name))));
}

function digestOf(target) {
  const hash = createHash("sha256");
  for (const path of [...COMMON, ...TARGETS[target].inputs].flatMap(files)) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(ROOT, path)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const wanted = process.argv.slice(2);
const targets = wanted.length > 0 ? wanted : Object.keys(TARGETS);
const always =
  process.env.CORS_LENS_REBUILD === "1" ||
  process.env.CORS_LENS_OUT !== undefined ||
  process.env.CORS_LENS_DROP !== undefined;
const vite = join(ROOT, "node_modules/vite/bin/vite.js");

for (const target of targets) {
  const spec = TARGETS[target];
  if (!spec) {
    console.error(`build: unknown target "${target}" (chrome, firefox or cli)`);
    process.exit(2);
  }
  const digest = digestOf(target);
  const stamp = join(DIGESTS, target);
  const built = existsSync(join(ROOT, spec.out)) && existsSync(stamp);
  if (!always && built && readFileSync(stamp, "utf8") === digest) {
    // On stderr: `npm pack --json` runs this (prepack) and its stdout must stay JSON.
    console.error(`build: ${spec.out} is up to date (its inputs are unchanged since it was built)`);
    continue;
  }
  rmSync(stamp, { force: true });
  execFileSync(process.execPath, [vite, ...spec.args, "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (!process.env.CORS_LENS_OUT && !process.env.CORS_LENS_DROP) {
    mkdirSync(DIGESTS, { recursive: true });
    writeFileSync(stamp, digest);
  }
}
