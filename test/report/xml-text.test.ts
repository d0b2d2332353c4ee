/**
 * JUnit's XML text and the shown text are made with one regex pass and a fast path (issue #25's
 * 100 MB bench): the same output as the character-at-a-time definitions they replaced, on any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xml } from "../../src/report/ci-formats";
import { visibleText } from "../../src/report/safe-text";
import { propertyBudget } from "../property";

const BUDGET = propertyBudget(2_000, 10);

/** The definition, one character at a time. */
function xmlByCharacter(text: string, keepLines: boolean): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (ch === "'") out += "&apos;";
    else if (ch === "\n" && keepLines) out += "\n";
    else if (ch === ":" && out.endsWith(":")) out += "&#58;";
    else if (c === 0x9 || c === 0xa || c === 0xd) out += `&#${c};`;
    else if (c < 0x20 || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff)) out += "\ufffd";
    else if (
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x61c ||
      c === 0x200e ||
      c === 0x200f ||
      (c >= 0x2028 && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    )
      out += `&#x${c.toString(16)};`;
    else out += ch;
  }
  return out;
}

/** Text rich in what matters: colons, the five, controls, bidi, lone and paired surrogates. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom(":", "::", ":::", "&", "<", "'", '"', "\n", "\r", "\t", "\u0000", "\u001b", "\u007f"),
      fc.constantFrom("\u0085", "\u061c", "\u200e", "\u2028", "\u202e", "\u2066", "\ufffe", "\uffff"),
      fc.constantFrom("\ud800", "\udfff", "\ud83d\ude00", "https://a.example:8443/x"),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("XML and shown text", () => {
  it(
    "xml() gives what the character-at-a-time definition gives",
    () => {
      fc.assert(
        fc.property(hostile, fc.boolean(), (text, keepLines) => {
          expect(xml(text, keepLines)).toBe(xmlByCharacter(text, keepLines));
        }),
        BUDGET.params,
      );
    },
    BUDGET.timeout,
  );

  it("visibleText returns plain text as it is and marks the rest", () => {
    expect(visibleText("https://app.example")).toBe("https://app.example");
    expect(visibleText("a\u202eb\u0000\ud800\ud83d\ude00")).toBe("a⟨U+202E⟩b\u2400⟨U+D800⟩\ud83d\ude00");
  });
});
