/**
 * The names Chromium (`network::mojom::CorsError`, CDP `Network.CorsError`) and Firefox
 * (`security.properties` reason keys) give a cause: each cause's room in `causes/` knows its own;
 * this resolves the one case that needs another's (a redirected preflight that Firefox reports by
 * the origin check's failure on the 3xx).
 */
import { CAUSES } from "./causes";
import type { AccessFailureCode } from "./rules/check-allow-origin";
import type { CauseCode, Stage } from "./types";

/** Chromium's `CorsError` name for a cause at a stage (the `Preflight…` variant on a preflight). */
export function chromiumName(code: CauseCode, stage: Stage): string | null {
  return CAUSES[code].chromium(stage);
}

export interface FirefoxNameInput {
  /** How many `Access-Control-Allow-Origin` lines arrived: Firefox counts lines, not values. */
  allowOriginLines: number;
  /** For a redirected preflight: the origin check's failure on the 3xx, which Firefox reports first. */
  redirectAccessFailure?: AccessFailureCode | null;
}

/** Firefox's reason key for a cause, as its console's message category names it. */
export function firefoxName(code: CauseCode, input: FirefoxNameInput): string | null {
  const lines = input.allowOriginLines;
  const redirectAccessFailureKey = input.redirectAccessFailure
    ? CAUSES[input.redirectAccessFailure].firefox({ allowOriginLines: lines, redirectAccessFailureKey: null })
    : null;
  return CAUSES[code].firefox({ allowOriginLines: lines, redirectAccessFailureKey });
}

/** Older Chromium names users still see, mapped to the current ones (Chromium `services/network/public/mojom/cors.mojom`, renamed with Local Network Access). */
const CHROMIUM_ALIASES: Record<string, string> = {
  InsecurePrivateNetwork: "InsecureLocalNetwork",
  InvalidPrivateNetworkAccess: "InvalidLocalNetworkAccess",
  PrivateNetworkAccessPermissionDenied: "LocalNetworkAccessPermissionDenied",
};

/** The current name for a Chromium `CorsError` name, also one from before a rename. */
export function currentChromiumName(name: string): string {
  return CHROMIUM_ALIASES[name] ?? name;
}
