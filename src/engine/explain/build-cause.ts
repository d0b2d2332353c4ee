import { chromiumName, firefoxName } from "../browser-names";
import { defineLazy } from "../lazy";
import type { Cause } from "../types";
import { fixesForCause } from "./cause-fixes";
import { CAUSE_TEXT } from "./cause-text";
import type { CauseContext } from "./context";

/** A failing check, explained and named as Chromium and Firefox name it, with its fixes. */
export function buildCause(ctx: CauseContext, withFixes = true): Cause {
  const { failure } = ctx;
  const cause: Cause = {
    code: failure.code,
    stage: failure.stage,
    chromium: chromiumName(failure.code, failure.stage),
    firefox: firefoxName(failure.code, {
      allowOriginLines: failure.lines,
      redirectAccessFailure: failure.redirectAccessFailure ?? null,
    }),
    header: failure.header,
    value: failure.value,
    expected: failure.expected,
    ...CAUSE_TEXT[failure.code](ctx),
    fixes: [],
  };
  // Snippets for 13 stacks cost more than the whole diagnosis: rendered when first read.
  if (withFixes) defineLazy(cause, "fixes", () => fixesForCause(failure.code, ctx));
  return cause;
}
