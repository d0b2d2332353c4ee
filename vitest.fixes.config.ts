import { defineConfig } from "vitest/config";
import { VERSION_DEFINE } from "./scripts/version.ts";

// Real servers and one real Chromium: one case at a time on a 2-core machine.
export default defineConfig({
  define: VERSION_DEFINE,
  test: {
    include: ["test/fixes/**/*.fixes.test.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    environment: "node",
    globalSetup: ["./test/run-tmp.ts"],
    reporters: ["default", "./scripts/count-reporter.mjs"],
  },
});
