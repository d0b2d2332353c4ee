/**
 * The one version source: package.json. Builds inject it as `__VERSION__` (the report's
 * generator, the HAR creator, `cors-lens --version`) and into both manifests.
 */
import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;

/** Vite/vitest `define` entries for the version. */
export const VERSION_DEFINE = { __VERSION__: JSON.stringify(VERSION) };
