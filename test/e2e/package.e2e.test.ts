/** `npm run package`: the store zips load as what they claim (manifest at the root, the one version). */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { GECKO_ID } from "../../scripts/manifest-for";
import { ROOT } from "./helpers/paths";
import { readZip } from "./helpers/zip";

describe("npm run package", () => {
  it("makes the Chrome Web Store, AMO and source zips from the built dists, at package.json's version", () => {
    const printed = execFileSync("node", [join(ROOT, "scripts/package.mjs")], { cwd: ROOT, encoding: "utf8" })
      .trim()
      .split("\n");
    expect(printed).toEqual(
      ["chrome", "firefox", "source"].map((k) => `web-ext-artifacts/cors-lens-${k}-${pkg.version}.zip`),
    );
    const [chromeZip, firefoxZip, sourceZip] = printed.map((p) => readZip(join(ROOT, p)));
    for (const [zip, target] of [
      [chromeZip, "chrome"],
      [firefoxZip, "firefox"],
    ] as const) {
      const names = zip?.map((e) => e.name) ?? [];
      expect(names).toEqual(
        expect.arrayContaining(["manifest.json", "src/devtools/panel.html", "icons/icon-32.png"]),
      );
      const manifest = JSON.parse(
        zip
          ?.find((e) => e.name === "manifest.json")
          ?.read()
          .toString("utf8") ?? "{}",
      );
      expect(manifest.version, target).toBe(pkg.version);
      if (target === "firefox") expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
      else expect(manifest.background.service_worker).toBe("service-worker-loader.js");
    }
    expect(sourceZip?.map((e) => e.name)).toEqual(
      expect.arrayContaining(["package.json", "src/engine/diagnose.ts"]),
    );
  });
});
