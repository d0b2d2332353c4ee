import { defineConfig } from "vite";
import { VERSION_DEFINE } from "./scripts/version.ts";

// The command line: one Node ESM file, dist/cli/cors-lens.mjs, run by `npx cors-lens`.
export default defineConfig({
  publicDir: false,
  define: VERSION_DEFINE,
  build: {
    ssr: "src/cli/main.ts",
    outDir: "dist/cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: { output: { entryFileNames: "cors-lens.mjs", format: "es" } },
  },
  ssr: { target: "node" },
});
