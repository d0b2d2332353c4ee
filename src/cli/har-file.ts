/**
 * Reading a HAR (or a saved report) from a file or standard input, for `analyze` and `fix --config`.
 * Every failure is a HarError in the user's words.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { parseHarJson, readEntry } from "../capture/har-read";
import { HarStream } from "../capture/har-stream";
import { HarError } from "../report/analyze-har";

/** The whole text of a file or of standard input (`-`). */
export function readInput(file: string): string {
  try {
    if (file === "-") return readFileSync(0, "utf8");
    if (statSync(file).isDirectory()) throw new HarError("cli.error.directory", { file });
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof HarError) throw error;
    const code = (error as { code?: string }).code;
    throw code === "ENOENT"
      ? new HarError("cli.error.no-such-file", { file })
      : new HarError("cli.error.cannot-read", { file, code: code ?? String(error) });
  }
}

/**
 * The file parsed, read 1 MiB at a time (../capture/har-stream.ts): a 100 MB HAR is never held whole,
 * as text or as a tree, and each entry is kept only as what CORS Lens reads of it. What the stream cannot read (not a HAR, broken JSON, a read error) is read
 * again whole, so its message is the one it always was. Standard input is read whole.
 */
export function readDocument(file: string): unknown {
  if (file === "-") return parseHarJson(readInput(file));
  const stream = new HarStream(readEntry);
  let read = false;
  try {
    if (!statSync(file).isDirectory()) {
      const fd = openSync(file, "r");
      try {
        // A plain Uint8Array (a Buffer's `slice` is a view, and copying one costs a constructor call).
        const buffer = new Uint8Array(1 << 20);
        for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer))
          stream.push(buffer.subarray(0, n));
        read = true;
      } finally {
        closeSync(fd);
      }
    }
  } catch {
    // The whole read below says what went wrong, in its words.
  }
  const streamed = read ? stream.end() : { ok: false as const };
  return streamed.ok ? streamed.document : parseHarJson(readInput(file));
}
