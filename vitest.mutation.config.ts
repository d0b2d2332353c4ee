// The unit tests as Stryker runs them (stryker.config.mjs): its sandbox holds no build, so the tests
// that run the built CLI are left out; they test the bundle, not src/engine.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

export default mergeConfig(base, defineConfig({ test: { exclude: ["test/cli/lang.test.ts"] } }));
