/**
 * The catalogue's contract: every key in both languages, with the same placeholders (and the same
 * names; a Korean count is a plain number where English has a plural), every pattern well-formed, and Korean written
 * in Korean. A key missing in Korean is also a type error; this catches the placeholders.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUES, type MessageKey, translator } from "../../src/i18n";
import { argumentsOf, formatMessage, MessageSyntaxError } from "../../src/i18n/format";

const en = CATALOGUES.en;
const ko = CATALOGUES.ko;
const keys = Object.keys(en) as MessageKey[];
const HANGUL = /[\uac00-\ud7a3]/;

/** Keys whose Korean is rightly the same as the English (names, codes, separators). */
const SAME_IN_KOREAN = new Set<MessageKey>(["fix.part.separator"]);

/** The names of the placeholders: Korean counts need no plural form, so a kind may differ. */
const names = (pattern: string) => [...new Set(argumentsOf(pattern).map((a) => a.split(":")[0]))].sort();

describe("the message catalogue", () => {
  it("has the same keys in English and Korean", () => {
    expect(Object.keys(ko).sort()).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(350);
  });

  it.each(keys)("%s: same placeholders, well-formed, in Korean", (key) => {
    expect(names(ko[key]), "the Korean placeholders").toEqual(names(en[key]));
    if (!SAME_IN_KOREAN.has(key)) expect(ko[key], "written in Korean").toMatch(HANGUL);
  });

  it("formats plurals by each language's rules, and selects with a fallback", () => {
    const t = translator("en");
    expect(t("popup.warned", { count: 1 })).toBe("Nothing blocked in this tab; 1 request has warnings.");
    expect(t("popup.warned", { count: 3 })).toBe("Nothing blocked in this tab; 3 requests have warnings.");
    expect(translator("ko")("popup.warned", { count: 1 })).toBe(
      "이 탭에서 차단된 요청은 없습니다. 경고가 있는 요청이 1개 있습니다.",
    );
    expect(formatMessage("{n, plural, =0 {none} one {# item} other {# items}}", { n: 0 })).toBe("none");
    expect(formatMessage("{k, select, a {A} other {B{k}}}", { k: "z" })).toBe("Bz");
  });

  it("rejects malformed patterns instead of printing them half-formatted", () => {
    for (const bad of ["{", "a}", "{x, select, a {A}}", "{x, plural, one {#}", "{x, date}", "{1x}"])
      expect(() => formatMessage(bad, {}), bad).toThrow(MessageSyntaxError);
  });
});
