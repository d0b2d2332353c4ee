import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";
import { VERSION_DEFINE } from "./scripts/version.ts";

export default defineConfig({
  plugins: [preact()],
  define: { __TARGET__: JSON.stringify("chrome"), ...VERSION_DEFINE },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**", "test/fixes/**", "node_modules/**"],
    environment: "node",
    globalSetup: ["./test/run-tmp.ts"],
    reporters: ["default", "./scripts/count-reporter.mjs"],
  },
});
