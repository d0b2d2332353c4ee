import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [preact()],
  define: { __TARGET__: JSON.stringify("chrome") },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "node",
    reporters: ["default", "./scripts/count-reporter.mjs"],
  },
});
