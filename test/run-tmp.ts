import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest globalSetup: every temporary file a run makes — the tests' own, and those of the servers,
 * browsers and CLIs they start — goes under one directory, removed when the run ends. Per-file
 * `afterAll` clean-ups miss the files `-t` filters out entirely (their hooks never run, but their
 * collection-time `mkdtempSync` did), and a few unit tests kept theirs: runs left thousands of
 * directories in /tmp. Workers are forked after this runs, so they inherit TMPDIR, which
 * `os.tmpdir()`, Python's `tempfile`, Go and Chromium all read.
 * CORS_LENS_HELDOUT_KEEP=1 keeps it (the held-out suites print the case files' place in it).
 */
export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), "cors-lens-run-"));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.CORS_LENS_HELDOUT_KEEP) console.log(`test run's temporary files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
