/**
 * Untrusted text (header values, URLs, methods from a page or a HAR) made safe to show: in the
 * panel and on a terminal it must not act. C0 controls and DEL become their Unicode control
 * pictures (ESC no longer starts a terminal sequence: no title change, screen clear or OSC 52
 * clipboard write); C1 controls, the bidirectional overrides, isolates and marks (Unicode UAX #9 §2,
 * e.g. U+202E, which makes one origin read as another) and the line and paragraph separators
 * (U+2028, U+2029: a line break to some log readers) become a visible `⟨U+202E⟩`; so does a lone
 * surrogate (not text at all: terminals and encoders turn it into something else, or fail).
 */

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function mark(code: number): string {
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** Anything `visibleText` changes (with `u`, a surrogate on its own; a pair is one code point). */
const NOT_PLAIN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what it finds
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\u{d800}-\u{dfff}]/u;

export function visibleText(value: string): string {
  // Nearly every value is plain: returned as it is, without a copy built a character at a time.
  if (!NOT_PLAIN.test(value)) return value;
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

/**
 * A line of a CI log made inert: GitHub Actions runs any line that starts with `::` (after leading
 * whitespace) as a workflow command (`::add-mask::`, `::stop-commands::`, `::error`; see
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions). A line of ours
 * never starts so; one that would because of a value shows its first colon as a mark.
 */
export function inertLine(line: string): string {
  // Colours (SGR sequences) first count as nothing: a log viewer may strip them before reading.
  return line.replace(SGR_THEN_COLON, `$1${mark(0x3a)}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC opens the SGR sequences skipped here
const SGR_THEN_COLON = /^((?:\s|\u001b\[[0-9;]*m)*):(?=:)/;

/** Every line of a text made inert (`inertLine`), line breaks kept. */
export function inertLines(text: string): string {
  return text.includes("::") ? text.split("\n").map(inertLine).join("\n") : text;
}

/**
 * JSON text with every character that acts on a reader written as its `\uXXXX` escape: DEL, C1
 * controls, bidi controls, U+2028/U+2029 (JSON.stringify escapes C0 controls and lone surrogates
 * itself, ECMA-262 JSON.stringify "QuoteJSONString", but leaves these raw). The parsed value is the
 * same.
 */
export function jsonInert(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The first character `visibleText` would mark or replace (tab and line feed aside), or null. */
export function unsafeCharacter(text: string): string | null {
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 0x9 || c === 0xa) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || BIDI.test(ch)) return ch;
    if (c >= 0xd800 && c <= 0xdfff && ch.length === 1) return ch;
  }
  return null;
}
