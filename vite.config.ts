import { crx } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { manifestFor, type Target } from "./scripts/manifest-for.ts";
import { VERSION_DEFINE } from "./scripts/version.ts";

function targetOf(mode: string): Target {
  if (mode === "chrome" || mode === "firefox") return mode;
  throw new Error(`vite --mode must be "chrome" or "firefox", got "${mode}"`);
}

export default defineConfig(({ mode }) => {
  const target = targetOf(mode);
  return {
    plugins: [preact(), crx({ manifest: manifestFor(target) as never, browser: target })],
    define: {
      __TARGET__: JSON.stringify(target),
      ...VERSION_DEFINE,
      // The listener measurement (scripts/bench/listeners.mjs) builds variants without a listener.
      ...(process.env.CORS_LENS_DROP
        ? { __DROP_LISTENERS__: JSON.stringify(process.env.CORS_LENS_DROP.split(",")) }
        : {}),
    },
    build: {
      outDir: process.env.CORS_LENS_OUT ?? `dist/${target}`,
      emptyOutDir: true,
      // The panel page is opened only by devtools.panels.create(), which crxjs cannot see.
      rollupOptions: { input: { panel: "src/devtools/panel.html" } },
      target: "es2022",
      sourcemap: false,
    },
  };
});
