import { defineConfig } from "vitest/config";
import { VERSION_DEFINE } from "./scripts/version.ts";

// Real browsers: one at a time on a 2-core machine.
export default defineConfig({
  define: VERSION_DEFINE,
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    environment: "node",
    globalSetup: ["./test/run-tmp.ts"],
    reporters: ["default", "./scripts/count-reporter.mjs"],
  },
});
