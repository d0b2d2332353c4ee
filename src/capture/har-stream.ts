/**
 * A HAR read in pieces (issue #25): the CLI hands the file's bytes chunk by chunk, and each entry of
 * `log.entries` is parsed on its own as soon as it is complete, its response body and request body
 * dropped at once (CORS Lens reads neither: ./har-read.ts). A 100 MB HAR is then never held whole —
 * neither its text nor its parsed tree — only its entries' headers. Everything outside
 * `log.entries` (creator, browser, pages; or a whole report file) is kept as text and parsed at the
 * end.
 *
 * The scanner only follows JSON's structure (strings, escapes, nesting) to find where each entry
 * starts and ends; JSON.parse still decides what is valid. It reads bytes, not text: JSON's structure
 * is ASCII, and a byte below 0x80 is never part of a longer UTF-8 sequence, so only what is kept is
 * decoded — a body left out is never made a string (decoding and scanning the bodies' text was
 * most of the reading). On anything it did not expect, it says
 * so (`ok: false`) and the caller parses the whole text instead, so errors read exactly as they do
 * without streaming (./har-read.ts `parseHarJson`).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
/** A body left out: its value becomes `""`. */
const EMPTY_STRING = new Uint8Array([QUOTE, QUOTE]);
/** The end of `log.entries` in the skeleton (the entries are put back after parsing it). */
const CLOSE_ENTRIES = new Uint8Array([CLOSE_ARRAY]);

/** The keys on the path to an entry's bodies, told apart without making a string of each key. */
const KEY = { other: 0, response: 1, content: 2, request: 3, postData: 4, text: 5 } as const;
const KEY_WORDS: ReadonlyArray<readonly [string, number]> = [
  ["response", KEY.response],
  ["content", KEY.content],
  ["request", KEY.request],
  ["postData", KEY.postData],
  ["text", KEY.text],
];

/** The code of the key `bytes[start, end)` (escaped keys are never one of these: "other"). */
function keyCode(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  for (const [word, code] of KEY_WORDS) {
    if (length !== word.length) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = bytes[start + k] === word.charCodeAt(k);
    if (same) return code;
  }
  return KEY.other;
}

/**
 * Where the string being read from `from` (no escape pending) ends: its closing quote, or -1. A loop
 * over the bytes, not `indexOf` per quote: a HAR's bodies are JSON inside JSON, full of `\"` (the
 * 100 MB bench HAR: 20 million quotes, 0.5–0.9 s by indexOf, 0.15 s for the whole file this way).
 */
function closingQuote(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  for (let i = from; i < n; i++) {
    const c = bytes[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return -1;
}

/** Whether the chunk ends inside an escape: an odd run of backslashes at its end, after `from`. */
function endsEscaped(bytes: Uint8Array, from: number): boolean {
  let backslashes = 0;
  for (let k = bytes.length - 1; k >= from && bytes[k] === BACKSLASH; k--) backslashes++;
  return backslashes % 2 === 1;
}

/** Pieces of bytes as one text (a multi-byte character may be cut between two pieces). */
function decode(pieces: readonly Uint8Array[], decoder: TextDecoder): string {
  if (pieces.length === 1) return decoder.decode(pieces[0]);
  let length = 0;
  for (const p of pieces) length += p.length;
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return decoder.decode(all);
}

/** What a HAR entry holds that CORS Lens never reads, and that makes most of a large file. */
function lighten(entry: unknown): unknown {
  if (typeof entry !== "object" || entry === null) return entry;
  const e = entry as { response?: { content?: { text?: unknown } }; request?: { postData?: unknown } };
  if (e.response?.content && typeof e.response.content === "object") delete e.response.content.text;
  if (e.request && typeof e.request === "object") delete e.request.postData;
  return entry;
}

export type StreamedHar = { ok: true; document: unknown } | { ok: false };

export class HarStream {
  /**
   * `each` turns an entry, as soon as it is parsed, into what is kept of it (its position in
   * `log.entries` given): by default the entry without its bodies; the CLI keeps only what CORS Lens
   * reads of it (./har-read.ts `readEntry`), so no parsed entry is held beside the others.
   */
  private readonly each: (entry: unknown, index: number) => unknown;
  constructor(each: (entry: unknown, index: number) => unknown = lighten) {
    this.each = each;
  }

  /** Containers open around the cursor: "{" or "[" (outside any entry). */
  private readonly stack: number[] = [];
  /** Per open object: the key of the member being read ("" before its first key). */
  private readonly keys: string[] = [];
  private inString = false;
  private escaped = false;
  /** The string being read is an object's key: its text is collected. */
  private keyText: Uint8Array[] | null = null;
  /** Where the key being read starts in the current chunk. */
  private keyStart = 0;
  private expectKey = false;
  private lastKey = "";
  /** Text outside the entries (the skeleton), with `log.entries` left as `[]`. */
  private readonly skeleton: Uint8Array[] = [];
  private readonly entries: unknown[] = [];
  /** Inside `log.entries`: the entry being read, as pieces of bytes. */
  private entry: Uint8Array[] | null = null;
  /** The entry's open containers, and per open object the key being read (a `KEY` code). */
  private readonly entryStack: number[] = [];
  private readonly entryKeys: number[] = [];
  private entryExpectKey = false;
  /** Where the entry's string being read starts in this chunk (-1: in an earlier chunk). */
  private entryStringStart = -1;
  private entryStringIsKey = false;
  /** The body string being read is left out of the entry's text (its value becomes `""`). */
  private cutting = false;
  private inEntries = false;
  private sawEntries = false;
  private failed = false;

  private readonly decoder = new TextDecoder("utf-8");

  /**
   * Feeds the next piece of the file's bytes (UTF-8; a leading byte order mark is dropped by the
   * decoder). The stream keeps copies of what it needs: the caller may reuse `chunk`'s memory.
   */
  push(chunk: Uint8Array): void {
    if (this.failed) return;
    const text = chunk;
    // Copies, never views (Buffer's own `slice` is a view): the caller reuses the chunk's memory.
    const slice = (from: number, to?: number): Uint8Array => Uint8Array.prototype.slice.call(text, from, to);
    let copied = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text[i] as number;
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        // The string's end: the next quote not escaped, found with indexOf (most of a HAR is inside
        // strings, and looking at each character of them was the scanner's main cost).
        const end = closingQuote(text, i);
        if (end < 0) {
          this.escaped = endsEscaped(text, i);
          i = n;
          continue;
        }
        i = end;
        this.inString = false;
        if (this.keyText) {
          this.keyText.push(slice(this.keyStart, i));
          this.lastKey = decode(this.keyText, this.decoder);
          this.keyText = null;
        } else if (this.cutting) {
          this.cutting = false;
          copied = i + 1;
        } else if (this.entryStringIsKey) {
          const top = this.entryKeys.length - 1;
          this.entryKeys[top] =
            this.entryStringStart < 0 ? KEY.other : keyCode(text, this.entryStringStart, i);
        }
        continue;
      }
      if (this.entry) {
        // Inside an entry: its end, and the path to its bodies (left out before JSON.parse: they are
        // most of a large HAR, and parsing them only to drop them cost a quarter of the reading).
        if (c === QUOTE) {
          this.inString = true;
          this.entryStringStart = i + 1;
          this.entryStringIsKey = this.entryExpectKey;
          if (!this.entryExpectKey && this.atBody()) {
            this.entry.push(slice(copied, i), EMPTY_STRING);
            this.cutting = true;
          }
        } else if (c === COLON) this.entryExpectKey = false;
        else if (c === COMMA)
          this.entryExpectKey = this.entryStack[this.entryStack.length - 1] === OPEN_OBJECT;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          this.entryStack.push(c);
          this.entryKeys.push(KEY.other);
          this.entryExpectKey = c === OPEN_OBJECT;
        } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          this.entryStack.pop();
          this.entryKeys.pop();
          this.entryExpectKey = false;
          if (this.entryStack.length === 0) {
            this.entry.push(slice(copied, i + 1));
            copied = i + 1;
            if (!this.finishEntry()) return;
          }
        }
        continue;
      }
      if (this.inEntries) {
        // Between entries: `,`, white space, the array's end, or an entry's start.
        if (c === COMMA || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
          copied = i + 1;
          continue;
        }
        if (c === CLOSE_ARRAY) {
          // The skeleton keeps `log.entries` as `[]`; the entries are put back in `end()`.
          this.inEntries = false;
          this.stack.pop();
          this.keys.pop();
          this.skeleton.push(CLOSE_ENTRIES);
          copied = i + 1;
          continue;
        }
        if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          this.entry = [];
          this.entryStack.push(c);
          this.entryKeys.push(KEY.other);
          this.entryExpectKey = c === OPEN_OBJECT;
          copied = i;
          continue;
        }
        // A string, number or literal as an entry: not a HAR this reader knows; parse it whole.
        this.failed = true;
        return;
      }
      if (c === QUOTE) {
        this.inString = true;
        if (this.expectKey) {
          this.keyText = [];
          this.keyStart = i + 1;
        }
        continue;
      }
      if (c === COLON) {
        this.expectKey = false;
        if (this.stack.length > 0) this.keys[this.keys.length - 1] = this.lastKey;
        continue;
      }
      if (c === COMMA) {
        if (this.stack[this.stack.length - 1] === OPEN_OBJECT) this.expectKey = true;
        continue;
      }
      if (c === OPEN_OBJECT) {
        this.stack.push(c);
        this.keys.push("");
        this.expectKey = true;
        continue;
      }
      if (c === OPEN_ARRAY) {
        // `log.entries`: the root object's `log` member's `entries` member.
        if (
          this.stack.length === 2 &&
          this.stack[0] === OPEN_OBJECT &&
          this.stack[1] === OPEN_OBJECT &&
          this.keys[0] === "log" &&
          this.keys[1] === "entries" &&
          !this.sawEntries
        ) {
          this.skeleton.push(slice(copied, i + 1));
          copied = i + 1;
          this.stack.push(c);
          this.keys.push("");
          this.inEntries = true;
          this.sawEntries = true;
          continue;
        }
        this.stack.push(c);
        this.keys.push("");
        continue;
      }
      if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        this.stack.pop();
        this.keys.pop();
        this.expectKey = false;
      }
    }
    // What is left of this chunk: part of an entry (not of a body being left out), or of the skeleton.
    if (this.entry) {
      if (!this.cutting) this.entry.push(slice(copied));
      this.entryStringStart = -1;
    } else if (!this.inEntries) this.skeleton.push(slice(copied));
    if (this.keyText && this.inString) {
      this.keyText.push(slice(this.keyStart));
      this.keyStart = 0;
    }
  }

  /** The value about to be read is `response.content.text` or `request.postData.text` of the entry. */
  private atBody(): boolean {
    const k = this.entryKeys;
    const s = this.entryStack;
    return (
      s.length === 3 &&
      s[0] === OPEN_OBJECT &&
      s[1] === OPEN_OBJECT &&
      s[2] === OPEN_OBJECT &&
      k[2] === KEY.text &&
      ((k[0] === KEY.response && k[1] === KEY.content) || (k[0] === KEY.request && k[1] === KEY.postData))
    );
  }

  private finishEntry(): boolean {
    const text = decode(this.entry as Uint8Array[], this.decoder);
    this.entry = null;
    try {
      this.entries.push(this.each(JSON.parse(text), this.entries.length));
      return true;
    } catch {
      this.failed = true;
      return false;
    }
  }

  /** The document, its entries (as `each` kept them) in place; `ok: false` when the text must be parsed whole instead. */
  end(): StreamedHar {
    if (this.failed || this.inString || this.entry || this.inEntries || this.stack.length > 0)
      return { ok: false };
    let document: unknown;
    try {
      document = JSON.parse(decode(this.skeleton, this.decoder));
    } catch {
      return { ok: false };
    }
    if (this.sawEntries) {
      const log = (document as { log?: { entries?: unknown } } | null)?.log;
      if (!log || typeof log !== "object" || !Array.isArray(log.entries)) return { ok: false };
      log.entries = this.entries;
    }
    return { ok: true, document };
  }
}
