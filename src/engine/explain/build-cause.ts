import { chromiumName, firefoxName } from "../browser-names";
import type { Cause, Fix } from "../types";
import { fixesForCause } from "./cause-fixes";
import { CAUSE_TEXT } from "./cause-text";
import type { CauseContext } from "./context";

/** A failing check, explained and named as Chromium and Firefox name it, with its fixes. */
export function buildCause(ctx: CauseContext, withFixes = true): Cause {
  const { failure } = ctx;
  const text = CAUSE_TEXT[failure.code](ctx);
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
    title: text.title,
    message: text.message,
    fixes: [],
  };
  if (withFixes) {
    // Snippets for 13 stacks cost more than the whole diagnosis: rendered when first read (the
    // panel's detail, a JSON export), then kept. JSON.stringify and structuredClone read getters.
    let fixes: Fix[] | null = null;
    Object.defineProperty(cause, "fixes", {
      enumerable: true,
      configurable: true,
      get: () => {
        fixes ??= fixesForCause(failure.code, ctx);
        return fixes;
      },
    });
  }
  return cause;
}
