import { defineConfig } from "vitest/config";

// Real browsers: one at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    environment: "node",
    reporters: ["default", "./scripts/count-reporter.mjs"],
  },
});
