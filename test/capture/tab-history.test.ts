import { describe, expect, it } from "vitest";
import { emptyTab, onNavigation, upsertExchange } from "../../src/capture/tab-history";
import { exchange } from "../engine/build";

const at = (id: string, startedAt: number) => ({ ...exchange(), id, startedAt });

describe("tab history", () => {
  it("keeps the newest exchanges within the limit and counts the dropped ones", () => {
    const tab = emptyTab();
    for (let i = 0; i < 5; i++) upsertExchange(tab, at(`x${i}`, i), 3);
    expect(tab.exchanges.map((x) => x.id)).toEqual(["x2", "x3", "x4"]);
    expect(tab.dropped).toBe(2);
    upsertExchange(tab, { ...at("x3", 3), method: "PUT" }, 3);
    expect(tab.exchanges.map((x) => x.method)).toEqual(["GET", "PUT", "GET"]);
  });

  it("drops what the previous page did on navigation, even when the navigation arrives late", () => {
    const tab = emptyTab();
    upsertExchange(tab, at("old", 100));
    upsertExchange(tab, at("new-page-first-request", 205));
    expect(onNavigation(tab, 200)).toBe(true);
    expect(tab.exchanges.map((x) => x.id)).toEqual(["new-page-first-request"]);
  });

  it("keeps everything with preserve log", () => {
    const tab = emptyTab();
    tab.preserveLog = true;
    upsertExchange(tab, at("old", 100));
    expect(onNavigation(tab, 200)).toBe(false);
    expect(tab.exchanges).toHaveLength(1);
  });
});
