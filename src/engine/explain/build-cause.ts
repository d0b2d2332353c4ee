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
  // The middleware's own "no" says more than the browser's name for it (Starlette's 400, rs/cors' bare 204).
  if (ctx.rejection) cause.message = `${cause.message} ${ctx.rejection.says}`;
  // Snippets for 13 stacks cost more than the whole diagnosis: rendered when first read.
  if (withFixes) defineLazy(cause, "fixes", () => fixesForCause(ctx));
  return cause;
}
