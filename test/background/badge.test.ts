import { describe, expect, it } from "vitest";
import { badgeLook } from "../../src/background/badge";

describe("the badge", () => {
  it("says how many were blocked, marks warnings only, and off while paused", () => {
    expect(badgeLook(3, 5, false)).toMatchObject({
      text: "3",
      title: "CORS Lens: 3 cross-origin requests blocked",
    });
    expect(badgeLook(1, 0, false).title).toBe("CORS Lens: 1 cross-origin request blocked");
    expect(badgeLook(120, 0, false).text).toBe("99+");
    expect(badgeLook(0, 2, false)).toMatchObject({ text: "!", title: "CORS Lens: 2 requests with warnings" });
    expect(badgeLook(0, 0, false).text).toBe("");
    expect(badgeLook(3, 0, true)).toMatchObject({ text: "off", title: "CORS Lens: recording paused" });
    expect(badgeLook(3, 0, false).color).not.toBe(badgeLook(0, 3, false).color);
  });
});
