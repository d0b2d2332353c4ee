/**
 * Budgets for property tests (fast-check). Each runs a fixed number of inputs from a fixed seed, so a
 * run checks the same inputs on every machine and a failure reproduces; its vitest time limit scales
 * with the number of runs, so a loaded machine gets time in proportion to the work instead of the
 * 5 s default (https://fast-check.dev/docs/configuration/global-settings/, `seed`, `numRuns`).
 */

/** The seed every property test starts from (fast-check prints it with a failure, to replay). */
export const PROPERTY_SEED = 20261204;

export interface PropertyBudget {
  /** For `fc.assert(property, params)`. */
  params: { numRuns: number; seed: number };
  /** Milliseconds, for `it(name, fn, timeout)`. */
  timeout: number;
}

/**
 * `numRuns` inputs at up to `msPerRun` each: about ten times what one run takes on an idle machine
 * (the machines that run the suite are shared by several jobs at once), plus 5 s to start.
 */
export function propertyBudget(numRuns: number, msPerRun: number, seed = PROPERTY_SEED): PropertyBudget {
  return { params: { numRuns, seed }, timeout: 5_000 + numRuns * msPerRun };
}
