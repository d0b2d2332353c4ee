import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../e2e/helpers/paths";
import { startProcess } from "../harness";

/** The installed npm package's version, or null. */
export function npmVersion(pkg: string): string | null {
  try {
    // Read from disk: some packages' export maps hide their package.json.
    const file = join(ROOT, "node_modules", pkg, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
}

/** Runs a CommonJS server file with the project's node_modules. */
export function startNode(source: string, port: number, dir: string) {
  const file = join(dir, "server.cjs");
  writeFileSync(file, source);
  return startProcess(process.execPath, [file], port, {
    env: { NODE_PATH: join(ROOT, "node_modules"), PORT: String(port) },
  });
}

/** An auth check that answers 401 for writes without an API key: the preflight has no key. */
export const NEEDS_KEY = 'req.path.startsWith("/api/items/") && !req.headers["x-api-key"]';
