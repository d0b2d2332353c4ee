import { firefoxName } from "../browser-names";
import { CAUSES } from "../causes";
import { defineLazy } from "../lazy";
import type { Cause } from "../types";
import { fixesForCause } from "./cause-fixes";
import type { CauseContext } from "./context";

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
    expected: failure.expected,
    ...spec.text(ctx),
    fixes: [],
  };
  // Snippets for 13 stacks cost more than the whole diagnosis: rendered when first read.
  if (withFixes) defineLazy(cause, "fixes", () => fixesForCause(ctx));
  return cause;
}
