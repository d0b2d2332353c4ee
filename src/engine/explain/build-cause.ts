import type { MessageKey, Translate } from "../../i18n";
import { firefoxName } from "../browser-names";
import { CAUSES } from "../causes";
import { defineLazy } from "../lazy";
import type { Cause } from "../types";
import { fixesForCause } from "./cause-fixes";
import type { CauseContext } from "./context";

/** The checks' descriptions of what they expected, where it is words rather than a value. */
const EXPECTED: Record<string, MessageKey> = {
  "a response": "expected.a-response",
  "a 2xx answer to OPTIONS at this URL": "expected.2xx-options",
  "a comma-separated list of method tokens": "expected.method-list",
  "a comma-separated list of header names": "expected.header-list",
  "a Location without user:password@": "expected.location-no-userinfo",
};

function expectedIn(expected: string | null, t: Translate): string | null {
  const key = expected === null ? undefined : EXPECTED[expected];
  return key ? t(key) : expected;
}

/** A failing check, explained and named as Chromium and Firefox name it, with its fixes. */
export function buildCause(ctx: CauseContext, withFixes = true): Cause {
  const { failure } = ctx;
  const spec = CAUSES[failure.code];
  const cause: Cause = {
    code: failure.code,
    stage: failure.stage,
    chromium: spec.chromium(failure.stage),
    firefox: firefoxName(failure.code, {
      allowOriginLines: failure.lines,
      redirectAccessFailure: failure.redirectAccessFailure ?? null,
    }),
    header: failure.header,
    value: failure.value,
    expected: expectedIn(failure.expected, ctx.t),
    ...spec.text(ctx),
    fixes: [],
  };
  // The middleware's own "no" says more than the browser's name for it (Starlette's 400, rs/cors' bare 204).
  if (ctx.rejection) cause.message = `${cause.message} ${ctx.rejection.says}`;
  // Snippets for 13 stacks cost more than the whole diagnosis: rendered when first read.
  if (withFixes) defineLazy(cause, "fixes", () => fixesForCause(ctx));
  return cause;
}
