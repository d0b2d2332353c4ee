#!/usr/bin/env node
// `npm run package`: the store uploads from the built dists, named by the one version (package.json):
//   web-ext-artifacts/cors-lens-chrome-<v>.zip   Chrome Web Store (dist/chrome, manifest at the root)
//   web-ext-artifacts/cors-lens-firefox-<v>.zip  addons.mozilla.org (web-ext build of dist/firefox)
//   web-ext-artifacts/cors-lens-source-<v>.zip   the source AMO asks for with bundled code (git archive)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = join(root, "web-ext-artifacts");
const webExt = join(root, "node_modules/.bin/web-ext");
mkdirSync(out, { recursive: true });

for (const target of ["chrome", "firefox"]) {
  const dist = join(root, "dist", target);
  const manifest = join(dist, "manifest.json");
  if (!existsSync(manifest)) throw new Error(`${dist} is not built: run \`npm run build\` first.`);
  const built = JSON.parse(readFileSync(manifest, "utf8")).version;
  if (built !== version)
    throw new Error(`dist/${target} is version ${built}, package.json says ${version}: rebuild.`);
  execFileSync(
    webExt,
    [
      "build",
      "--source-dir",
      dist,
      "--artifacts-dir",
      out,
      "--overwrite-dest",
      "--filename",
      `cors-lens-${target}-${version}.zip`,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}
execFileSync(
  "git",
  ["archive", "--format=zip", `--output=${join(out, `cors-lens-source-${version}.zip`)}`, "HEAD"],
  {
    cwd: root,
  },
);
for (const kind of ["chrome", "firefox", "source"])
  process.stdout.write(`${join("web-ext-artifacts", `cors-lens-${kind}-${version}.zip`)}\n`);
