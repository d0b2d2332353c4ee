import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { startProcess } from "../harness";

/** Debian's Python, where python3-django, -flask-cors, -fastapi and -uvicorn install. */
export const PYTHON = "/usr/bin/python3";

/**
 * A config of several files, as a user's project has them: each part opens with a
 * `# === file: NAME ===` line. The fix's applier edits the part the fix names.
 */
export function files(parts: Record<string, string>): string {
  return Object.entries(parts)
    .map(([name, text]) => `# === file: ${name} ===\n${text}`)
    .join("\n");
}

export function splitFiles(config: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const chunk of config.split(/^# === file: /m).filter((c) => c.trim() !== "")) {
    const nl = chunk.indexOf(" ===\n");
    out.set(chunk.slice(0, nl), chunk.slice(nl + 5));
  }
  return out;
}

export function editFile(config: string, name: string, edit: (text: string) => string): string {
  const parts = splitFiles(config);
  const text = parts.get(name);
  if (text === undefined) throw new Error(`no ${name} in the config`);
  parts.set(name, edit(text));
  return files(Object.fromEntries(parts));
}

export function writeFiles(config: string, dir: string): void {
  for (const [name, text] of splitFiles(config)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

export function startPython(config: string, args: string[], port: number, dir: string) {
  writeFiles(config, dir);
  return startProcess(PYTHON, args, port, {
    cwd: dir,
    env: { PORT: String(port), PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: dir },
  });
}
