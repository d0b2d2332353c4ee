#!/usr/bin/env node
// Installs what `npm test` / `npm run demo` need and is missing, and nothing that is already there:
// npm dependencies (npm ci), and Debian's browsers through apt-get when running as root.
// Usage: node scripts/setup.mjs [test|demo|fixes]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const purpose = process.argv[2] ?? "test";

const BROWSERS = {
  chromium: { bin: "/usr/bin/chromium", pkg: "chromium" },
  firefox: { bin: "/usr/bin/firefox-esr", pkg: "firefox-esr" },
};
const wanted = purpose === "test" ? ["chromium", "firefox"] : ["chromium"];

function say(line) {
  process.stderr.write(`[setup] ${line}\n`);
}

function npmDependenciesMissing() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) return true;
  // A lockfile newer than the installed tree means package.json changed since the last install.
  return statSync(join(root, "package-lock.json")).mtimeMs > statSync(marker).mtimeMs + 1000;
}

function debPackageInstalled(name) {
  const r = spawnSync("dpkg", ["-s", name], { encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("Status: install ok installed");
}

if (npmDependenciesMissing()) {
  say("installing npm dependencies (npm ci)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
}

const missing = wanted.filter((b) => !existsSync(BROWSERS[b].bin)).map((b) => BROWSERS[b].pkg);
if (!debPackageInstalled("fonts-dejavu-core")) missing.push("fonts-dejavu-core");
// Firefox's DevTools toolbox needs a real window: the toolbox tests run it under Xvfb and type
// into it with xdotool.
if (purpose === "test") {
  if (!existsSync("/usr/bin/Xvfb")) missing.push("xvfb", "xauth");
  if (!existsSync("/usr/bin/xdotool")) missing.push("xdotool");
  // The fix snippets are checked by the real tools: nginx -t, apache2 -t, go build.
  if (!existsSync("/usr/sbin/nginx")) missing.push("nginx-light");
  if (!existsSync("/usr/sbin/apache2")) missing.push("apache2");
  if (!existsSync("/usr/bin/go")) missing.push("golang-go");
  // The Korean UI: Chromium's ko locale (chrome.i18n.getUILanguage() says "ko" only with it) and
  // a Hangul font, so the Korean screenshots show words, not boxes.
  if (!debPackageInstalled("chromium-l10n")) missing.push("chromium-l10n");
  if (!debPackageInstalled("fonts-nanum")) missing.push("fonts-nanum");
}
// The real servers the fix suite (npm run test:fixes) breaks and fixes; npm's come with npm ci.
const FIX_SERVERS = [
  "nginx-light",
  "apache2",
  "caddy",
  "golang-go",
  "golang-github-rs-cors-dev",
  "golang-github-gorilla-handlers-dev",
  "php-cli",
  "python3-django",
  "python3-django-cors-headers",
  "python3-flask",
  "python3-flask-cors",
  "python3-fastapi",
  "python3-starlette",
  "python3-uvicorn",
  "python3-aiohttp",
  "python3-aiohttp-cors",
  "ruby-rack",
  "ruby-rack-cors",
  "puma",
];
if (purpose === "fixes") missing.push(...FIX_SERVERS.filter((p) => !debPackageInstalled(p)));
if (missing.length > 0) {
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    say(`missing Debian packages: ${missing.join(", ")}. Run as root:\n\n  sudo sh -c '${command}'\n`);
    process.exit(1);
  }
  say(`installing ${missing.join(", ")} with apt-get…`);
  execFileSync("sh", ["-c", command], { stdio: "inherit" });
}
