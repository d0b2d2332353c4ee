/** @vitest-environment happy-dom */
import { cleanup, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { EmptyState } from "../../src/devtools/panel/components/EmptyState";
import { I18n } from "../../src/devtools/panel/i18n";
import { translator } from "../../src/i18n";

afterEach(cleanup);

const shown = (target: "chrome" | "firefox", lang: "en" | "ko") =>
  render(
    <I18n.Provider value={translator(lang)}>
      <EmptyState filtered={false} target={target} />
    </I18n.Provider>,
  ).container.querySelector(".empty-pin")?.textContent ?? null;

describe("the panel's empty state", () => {
  it("tells Chrome users how to pin the toolbar button, with Chrome's own words", () => {
    expect(shown("chrome", "en")).toBe(
      "To keep the count of blocked requests in sight, pin the toolbar button: to the right of the address bar, click Extensions (the puzzle piece), then Pin next to CORS Lens.",
    );
    // Chrome's Korean menu: 확장 프로그램, 고정.
    expect(shown("chrome", "ko")).toContain("확장 프로그램(퍼즐 조각)을 클릭한 다음");
    expect(shown("chrome", "ko")).toContain("CORS Lens 옆의 고정을 클릭합니다");
  });

  it("says nothing of pinning in Firefox, whose manifest puts the button on the toolbar", () => {
    expect(shown("firefox", "en")).toBeNull();
  });
});
