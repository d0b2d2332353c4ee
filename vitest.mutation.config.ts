// The tests Stryker runs against each mutant of src/engine (stryker.config.mjs): the engine's own
// unit tests and the meta-tests over its tables. Left out: the property tests (a budget of tens of
// seconds each, rerun for nearly every mutant: 177 mutants took 20 min with them), the tests of the
// CLI, the report and the panel (they cover the engine through the golden snapshot, which reads
// every change as a failure of formatting), and the built CLI binary (the sandbox has no build).
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/engine/**/*.test.ts", "test/meta/**/*.test.ts"],
    exclude: [
      ...(base.test?.exclude ?? []),
      "test/engine/never-throws.property.test.ts",
      // Diagnose every scenario while the file loads (a report, every stack's snippets): every
      // engine mutant they reach would count as static, and Stryker reruns every test for those.
      "test/engine/evidence.test.ts",
      "test/engine/fix-snippets.test.ts",
      "test/engine/fix-snippets-servers.test.ts",
      // Reads the checks' source text to see which cause codes they emit: in Stryker's sandbox that
      // text is the instrumented one (every literal wrapped in a mutant switch), so it fails the dry
      // run of any check file and could never tell one mutant from another.
      "test/meta/rooms.test.ts",
    ],
  },
});
