/** Untrusted header values as safe, readable text: control characters made visible, long values cut. */
import { visibleText } from "../../report/safe-text";

export const DISPLAY_LIMIT = 300;

/** Controls, C1 and bidi overrides made visible (report/safe-text.ts): nothing in a value acts. */
export function visibleControls(value: string): string {
  return visibleText(value);
}

export function truncated(value: string, limit = DISPLAY_LIMIT): { text: string; cut: boolean } {
  const visible = visibleControls(value);
  return visible.length > limit
    ? { text: `${visible.slice(0, limit)}…`, cut: true }
    : { text: visible, cut: false };
}
