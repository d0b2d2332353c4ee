/**
 * `Access-Control-Allow-Origin` names another origin (a trailing slash, http vs https, `null` after a
 * redirect). Emitted by `../rules/check-allow-origin.ts` (Fetch Standard, CORS check step 4: byte
 * equality with the request's serialized origin).
 */
import { code, originDifference, short } from "../explain/context";
import { always, type CauseSpec, FETCH_HINT, preflightVariant, WEB_DEV_CORS } from "./spec";
import { subject } from "./words";

export const allowOriginMismatch: CauseSpec<"allow-origin-mismatch"> = {
  code: "allow-origin-mismatch",
  chromium: preflightVariant("AllowOriginMismatch"),
  firefox: always("CORSAllowOriginNotMatchingOrigin"),
  chromiumConsole: (v, kind) =>
    `The 'Access-Control-Allow-Origin' header has a value '${v}' that is not equal to the supplied origin.${kind === "fetch" ? FETCH_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: "Allowed origin does not match",
    message: `${subject(ctx)} allows ${code(short(ctx.failure.value ?? ""))}, but the request came from ${code(ctx.origin)}: ${originDifference(ctx.failure.value ?? "", ctx.origin)}. The browser compares the two byte for byte.`,
  }),
  failingRow: "header",
  fixFocus: (ctx) => (ctx.origin === "null" ? "null-origin" : "allow-origin"),
  clientAlternative: always(null),
};
