/** Untrusted header values as safe, readable text: control characters made visible, long values cut. */

export const DISPLAY_LIMIT = 300;

/** Replaces C0 controls and DEL by their visible Unicode "control picture". */
export function visibleControls(value: string): string {
  let out = "";
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 ? String.fromCharCode(0x2400 + c) : c === 0x7f ? "\u2421" : ch;
  }
  return out;
}

export function truncated(value: string, limit = DISPLAY_LIMIT): { text: string; cut: boolean } {
  const visible = visibleControls(value);
  return visible.length > limit
    ? { text: `${visible.slice(0, limit)}…`, cut: true }
    : { text: visible, cut: false };
}
