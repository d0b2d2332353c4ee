import { describe, expect, it } from "vitest";
import source from "../../manifest.json" with { type: "json" };
import pkg from "../../package.json" with { type: "json" };
import { GECKO_ID, manifestFor } from "../../scripts/manifest-for";

describe("manifestFor", () => {
  it("returns the source manifest for Chrome, with the version of package.json", () => {
    expect(manifestFor("chrome")).toEqual({ ...source, version: pkg.version });
    expect(manifestFor("firefox").version).toBe(pkg.version);
  });

  it("derives Firefox's event-page background and gecko settings from the same source", () => {
    const firefox = manifestFor("firefox");
    expect(firefox.background).toEqual({ scripts: [source.background.service_worker], type: "module" });
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: {
        id: GECKO_ID,
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
    });
    expect(firefox).not.toHaveProperty("minimum_chrome_version");
  });

  it("puts the toolbar button (its badge) on Firefox's toolbar, not in the extensions menu", () => {
    expect(manifestFor("firefox").action).toEqual({ ...source.action, default_area: "navbar" });
    // Chrome rejects no key but knows none: the Chrome manifest stays the source.
    expect(manifestFor("chrome").action).toEqual(source.action);
  });

  it("asks for no permission beyond observing requests and keeping history", () => {
    for (const target of ["chrome", "firefox"] as const) {
      const m = manifestFor(target);
      expect(m.permissions).toEqual(["webRequest", "storage"]);
      expect(m.host_permissions).toEqual(["<all_urls>"]);
    }
  });
});
