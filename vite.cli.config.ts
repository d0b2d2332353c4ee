import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { VERSION_DEFINE } from "./scripts/version.ts";

/**
 * The helper's types for `cors-lens/playwright` (package.json "exports" → "types"): TypeScript's own
 * declarations of src/playwright/index.ts and what it refers to, into dist/cli/types, after the
 * bundle is written (emptyOutDir clears dist/cli first).
 */
function helperTypes(): Plugin {
  return {
    name: "cors-lens-helper-types",
    apply: "build",
    closeBundle() {
      const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.types.json"], { stdio: "inherit" });
    },
  };
}

/**
 * The grammars' wasm (web-tree-sitter's runtime, tree-sitter-python's and tree-sitter-ruby's prebuilt
 * grammars) next to the bundle: `check|fix --config settings.py` (or `cors.rb`) reads them from there
 * (in the packed tarball too: "files" lists dist/cli).
 */
function grammars(): Plugin {
  return {
    name: "cors-lens-grammars",
    apply: "build",
    generateBundle() {
      const require = createRequire(import.meta.url);
      const files = {
        "tree-sitter.wasm": require.resolve("web-tree-sitter/tree-sitter.wasm"),
        "tree-sitter-python.wasm": join(
          dirname(require.resolve("tree-sitter-python/package.json")),
          "tree-sitter-python.wasm",
        ),
        "tree-sitter-ruby.wasm": join(
          dirname(require.resolve("tree-sitter-ruby/package.json")),
          "tree-sitter-ruby.wasm",
        ),
      };
      for (const [fileName, path] of Object.entries(files))
        this.emitFile({ type: "asset", fileName, source: readFileSync(path) });
    },
  };
}

// The command line, dist/cli/cors-lens.mjs (run by `npx cors-lens`), and the Playwright helper,
// dist/cli/playwright.mjs (`import { attachCorsLens } from "cors-lens/playwright"`): Node ESM with
// no runtime dependency (everything they use is bundled), so the packed tarball installs offline.
export default defineConfig({
  publicDir: false,
  define: VERSION_DEFINE,
  plugins: [helperTypes(), grammars()],
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
  ssr: { target: "node", noExternal: true },
});
