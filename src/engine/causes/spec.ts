/**
 * What one cause code is, in one place: its names in Chromium and Firefox, its words, the evidence
 * row it fails on, the part of the server's policy its fix changes, and a page-side alternative.
 * One file per code in this folder; `index.ts` gathers them keyed by `CauseCode`.
 */
import type { RoomWords } from "../../i18n";
import type { CauseContext } from "../explain/context";
import type { FixFocus } from "../fixes";
import type { RuleKey } from "../rule-words";
import type { CauseCode, Fix, Stage } from "../types";

export interface Text {
  title: string;
  message: string;
}

export interface DocLink {
  url: string;
  title: string;
}

/** What Firefox's reason key depends on beyond the code. */
export interface FirefoxNameContext {
  /** How many `Access-Control-Allow-Origin` lines arrived: Firefox counts lines, not values. */
  allowOriginLines: number;
  /** For a redirected preflight: Firefox's key for the origin check's failure on the 3xx, reported first. */
  redirectAccessFailureKey: string | null;
}

/** The evidence-table row the failing check stopped on. */
export type FailingRow =
  /** the response header the check read (`Cause.header`) */
  | "header"
  /** the preflight's status (non-2xx, or a redirect) */
  | "preflight-status"
  /** no header row: decided before any response (mode, scheme, local network, network error) */
  | null;

export interface CauseSpec<C extends CauseCode = CauseCode> {
  code: C;
  /** Its words (the table at the top of its file), of which its rule words. */
  words: RoomWords<RuleKey>;
  /**
   * The files (under src/engine) whose checks emit this code: its rule, which the file's comment
   * cites in the Fetch Standard. test/meta/rooms.test.ts reads those files and checks the list.
   */
  emittedBy: readonly string[];
  /** Chromium's `network::mojom::CorsError` name for the stage it failed in; null if none. */
  chromium(stage: Stage): string | null;
  /** Firefox's reason key (`security.properties`); null where Firefox logs no CORS reason. */
  firefox(ctx: FirefoxNameContext): string | null;
  /** Chromium's console words after "has been blocked by CORS policy: " (Blink
   * `cors_error_string.cc`); `kind` is Blink's resource word when known. Null: not knowable here. */
  chromiumConsole(value: string, kind: string | null): string | null;
  /** Blink's own sentence where the renderer rejects the request before the CORS frame applies
   * (`third_party/blink/renderer/core/fetch/fetch_manager.cc`). */
  chromiumRendererMessage?: (url: string) => string;
  /** The page Chromium's Issues panel links to for it (devtools-frontend `CorsIssue.ts`). */
  chromiumDocs: DocLink | null;
  /** Headline for lists, and one or two sentences naming the actual values. */
  text(ctx: CauseContext): Text;
  failingRow: FailingRow;
  /** The part of the server's CORS policy the fix must change; null when no header fixes it. */
  fixFocus(ctx: CauseContext): FixFocus | null;
  /** A change on the page's side, where one exists. */
  clientAlternative(ctx: CauseContext): Fix | null;
}

export const WEB_DEV_CORS: DocLink = {
  url: "https://web.dev/cross-origin-resource-sharing",
  title: "Cross-Origin Resource Sharing (CORS)",
};

export const LOCAL_NETWORK: DocLink = {
  url: "https://developer.chrome.com/blog/local-network-access",
  title: "Local Network Access",
};

/** Chromium names the origin/credentials checks on a preflight with a `Preflight` prefix. */
export function preflightVariant(base: string): (stage: Stage) => string {
  return (stage) => (stage === "preflight" ? `Preflight${base}` : base);
}

export const always =
  <T>(value: T) =>
  (): T =>
    value;

/** Blink appends this to the origin-value errors of a `fetch()`. */
export const FETCH_HINT = " Have the server send the header with a valid value.";
/** …and this to the credentials errors of an XMLHttpRequest. */
export const XHR_HINT =
  " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.";
