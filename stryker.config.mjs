// Mutation testing of the engine (`npm run test:mutation`): Stryker changes one expression of
// src/engine at a time and runs the unit tests that cover it; a mutant no test notices ("survived")
// is an explanation that could change unseen. Score = killed / (killed + survived).
//
// A whole run of src/engine takes hours on two cores; narrow it to a folder or file with
//   npm run test:mutation -- --mutate "src/engine/causes/**/*.ts"
//   npm run test:mutation -- --mutate "src/engine/facts.ts"
// Incremental: results are kept in reports/stryker-incremental.json (not committed), so a rerun only
// tests the mutants whose code or covering tests changed (https://stryker-mutator.io/docs/stryker-js/incremental/).
// Not part of .ci/run.

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  mutate: ["src/engine/**/*.ts"],
  coverageAnalysis: "perTest",
  // The machine running it is usually shared: one test process at a time.
  concurrency: 1,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  // event-recorder writes each mutant's result as it is tested (reports/mutation/events): a run
  // stopped early still says what it found.
  reporters: ["clear-text", "progress", "html", "json", "event-recorder"],
  eventReporter: { baseDir: "reports/mutation/events" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // The sandbox needs the sources and tests, not the builds and browser artefacts.
  ignorePatterns: ["dist", "web-ext-artifacts", "test-results", "lab", "reports", ".cache", "scratch"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // A mutant that makes a loop endless is a timeout (counted as detected), after the test's own time
  // plus this margin.
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: null },
};
