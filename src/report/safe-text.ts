/**
 * Untrusted text (header values, URLs, methods from a page or a HAR) made safe to show: in the
 * panel and on a terminal it must not act. C0 controls and DEL become their Unicode control
 * pictures (ESC no longer starts a terminal sequence: no title change, screen clear or OSC 52
 * clipboard write); C1 controls and the bidirectional overrides and isolates (Unicode UAX #9 §2,
 * e.g. U+202E, which makes one origin read as another) become a visible `⟨U+202E⟩`; so does a lone
 * surrogate (not text at all: terminals and encoders turn it into something else, or fail).
 */

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function mark(code: number): string {
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

export function visibleText(value: string): string {
  let out = "";
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if (c < 0x20) out += String.fromCharCode(0x2400 + c);
    else if (c === 0x7f) out += "\u2421";
    else if ((c >= 0x80 && c <= 0x9f) || BIDI.test(ch)) out += mark(c);
    // A pair iterates as one character of length 2; a surrogate on its own is length 1.
    else if (c >= 0xd800 && c <= 0xdfff && ch.length === 1) out += mark(c);
    else out += ch;
  }
  return out;
}
