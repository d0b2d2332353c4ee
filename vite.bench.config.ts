import { defineConfig } from "vite";
import { VERSION_DEFINE } from "./scripts/version.ts";

// Benchmarks that exercise TypeScript sources in Node: bundled once, run by scripts/bench/run.mjs.
export default defineConfig({
  publicDir: false,
  define: VERSION_DEFINE,
  build: {
    ssr: true,
    outDir: "dist/bench",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: {
      input: { engine: "scripts/bench/engine.ts", fuzz: "scripts/bench/fuzz.ts" },
      output: { entryFileNames: "[name].mjs", format: "es" },
    },
  },
});
