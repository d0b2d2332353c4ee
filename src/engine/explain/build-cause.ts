import { chromiumName, firefoxName } from "../browser-names";
import type { Cause } from "../types";
import { fixesForCause } from "./cause-fixes";
import { CAUSE_TEXT } from "./cause-text";
import type { CauseContext } from "./context";

/** A failing check, explained and named as Chromium and Firefox name it, with its fixes. */
export function buildCause(ctx: CauseContext, withFixes = true): Cause {
  const { failure } = ctx;
  const text = CAUSE_TEXT[failure.code](ctx);
  return {
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
    title: text.title,
    message: text.message,
    fixes: withFixes ? fixesForCause(failure.code, ctx) : [],
  };
}
