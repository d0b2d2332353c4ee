/**
 * The packages a patch makes the application need: a CORS library the fix imports (or, for Django
 * and Rails, names in settings) where the file used none before. Pasted into a project that does
 * not have it, the patched app stops at start-up (`ModuleNotFoundError: No module named
 * 'flask_cors'`, `Cannot find module 'cors'`): the CLI says so, and how to install it, unless the
 * project's own dependency list already declares it (`declaresPackage`).
 *
 * Only the lines the patch added are read, and they are CORS Lens's own text (the snippets its
 * patchers write), so a line pattern is enough here; the user's files are read by the parsers.
 */
import { type Ecosystem, STACK_PACKAGES, type StackPackage } from "../engine";

export interface NeededPackage {
  /** The patched file and the first added line that needs the package. */
  file: string;
  line: number;
  ecosystem: Ecosystem;
  /** The name the package manager knows (flask-cors, @koa/cors, rack-cors). */
  name: string;
  /** The command that installs it, as its documentation gives it. */
  install: string;
}

const PACKAGES = Object.values(STACK_PACKAGES);
/** The package a module name stands for, in one ecosystem. */
const byModule = (ecosystem: Ecosystem, module: string) =>
  PACKAGES.find((p) => p.ecosystem === ecosystem && p.modules.includes(module));

/** The module a line of JavaScript or TypeScript loads (`require("x")`, `import … from "x"`). */
function jsModules(line: string): string[] {
  const found: string[] = [];
  for (const m of line.matchAll(
    /\brequire\(\s*["']([^"']+)["']\s*\)|\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/g,
  ))
    found.push((m[1] ?? m[2] ?? m[3]) as string);
  return found;
}

/** Python modules a line imports or names as a dotted string (INSTALLED_APPS, MIDDLEWARE). */
function pythonModules(line: string): string[] {
  const found: string[] = [];
  const imported = /^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))/.exec(line);
  if (imported) found.push(((imported[1] ?? imported[2]) as string).split(".")[0] as string);
  for (const m of line.matchAll(/["']([A-Za-z_]\w*)(?:\.[\w.]+)?["']/g)) found.push(m[1] as string);
  return found;
}

function needsOf(path: string, line: string): StackPackage[] {
  const found = (ecosystem: Ecosystem, modules: string[]) =>
    modules.flatMap((m) => byModule(ecosystem, m) ?? []);
  if (/\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/i.test(path)) return found("npm", jsModules(line));
  if (/\.py$/i.test(path)) return found("pypi", pythonModules(line));
  // Rails requires its gems itself (Bundler.require): the middleware's name is what needs the gem.
  if (/\.rb$|(?:^|\/)config\.ru$/i.test(path))
    return /\bRack::Cors\b/.test(line) ? found("gem", ["rack/cors"]) : found("gem", rubyRequires(line));
  return [];
}

/** The paths a line of Ruby requires. */
function rubyRequires(line: string): string[] {
  const m = /^\s*require\s*\(?\s*["']([^"']+)["']/.exec(line);
  return m ? [m[1] as string] : [];
}

/**
 * The packages the patched files need that the files before the patch did not: each once, at the
 * first added line that needs it.
 */
export function neededPackages(
  files: ReadonlyArray<{ path: string; before: string; after: string }>,
): NeededPackage[] {
  const had = new Set<string>();
  for (const f of files)
    for (const line of f.before.split("\n"))
      for (const n of needsOf(f.path, line)) had.add(`${n.ecosystem}:${n.name}`);
  const out: NeededPackage[] = [];
  for (const f of files) {
    if (f.before === f.after) continue;
    const before = new Set(f.before.split("\n"));
    f.after.split("\n").forEach((line, i) => {
      if (before.has(line)) return;
      for (const n of needsOf(f.path, line)) {
        const key = `${n.ecosystem}:${n.name}`;
        if (had.has(key)) continue;
        had.add(key);
        out.push({ file: f.path, line: i + 1, ecosystem: n.ecosystem, name: n.name, install: n.install });
      }
    });
  }
  return out;
}

/** The dependency lists each ecosystem keeps, by file name. */
export const MANIFESTS: Readonly<Record<Ecosystem, readonly string[]>> = {
  npm: ["package.json"],
  pypi: ["requirements.txt", "requirements.in", "pyproject.toml", "Pipfile", "setup.cfg", "setup.py"],
  gem: ["Gemfile", "gems.rb"],
  go: ["go.mod"],
};

/** PEP 503: names compare case-insensitively with runs of `-`, `_` and `.` alike. */
const pep503 = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/**
 * Whether a dependency list declares the package. package.json is read as JSON (its four
 * dependency tables); the Python and Ruby lists by the name standing as a requirement (a line or a
 * quoted string that starts with it), which is how each of their formats writes one.
 */
export function declaresPackage(
  manifest: string,
  text: string,
  pkg: Pick<NeededPackage, "ecosystem" | "name">,
): boolean {
  if (pkg.ecosystem === "npm") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return false;
    }
    if (typeof json !== "object" || json === null) return false;
    return ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].some((table) => {
      const deps = (json as Record<string, unknown>)[table];
      return typeof deps === "object" && deps !== null && Object.hasOwn(deps, pkg.name);
    });
  }
  if (pkg.ecosystem === "go")
    return new RegExp(`(?:^|\\s)${pkg.name.replace(/[.]/g, "\\.")}\\s+v`, "m").test(text);
  if (pkg.ecosystem === "gem") return new RegExp(`^\\s*gem\\s+["']${pkg.name}["']`, "m").test(text);
  const wanted = pep503(pkg.name);
  // requirements.txt, setup.cfg's install_requires: the name starts a line; pyproject.toml,
  // setup.py, Pipfile: a quoted string or a key that starts with it.
  const candidates = /\.txt$|\.in$|\.cfg$/.test(manifest)
    ? text.split("\n").map((l) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l)?.[1])
    : [...text.matchAll(/(?:^|["'\s])([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[<>=!~;[\]"']|=\s*["'{*])/gm)].map(
        (m) => m[1],
      );
  return candidates.some((c) => c !== undefined && pep503(c) === wanted);
}
