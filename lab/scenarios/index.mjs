import { ALLOW_ORIGIN } from "./allow-origin.mjs";
import { KINDS } from "./kinds.mjs";
import { PREFLIGHT } from "./preflight.mjs";
import { REDIRECTS } from "./redirects.mjs";
import { SEED } from "./seed.mjs";

/** Every lab scenario: a real misconfiguration, reproduced by a real HTTP endpoint. */
export const SCENARIOS = [...SEED, ...PREFLIGHT, ...ALLOW_ORIGIN, ...REDIRECTS, ...KINDS];
