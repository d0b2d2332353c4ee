import { defineConfig } from "vite";
import { VERSION_DEFINE } from "./scripts/version.ts";

// The command line, dist/cli/cors-lens.mjs (run by `npx cors-lens`), and the Playwright helper,
// dist/cli/playwright.mjs (`import { attachCorsLens } from "cors-lens/playwright"`): Node ESM.
export default defineConfig({
  publicDir: false,
  define: VERSION_DEFINE,
  build: {
    ssr: true,
    outDir: "dist/cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: {
      input: { "cors-lens": "src/cli/main.ts", playwright: "src/playwright/index.ts" },
      output: { entryFileNames: "[name].mjs", chunkFileNames: "[name]-[hash].mjs", format: "es" },
    },
  },
  ssr: { target: "node" },
});
