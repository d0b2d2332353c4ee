/**
 * The one manifest (`manifest.json`, Chrome MV3 form) and the Firefox manifest derived from it.
 * Pure: the build passes the result to crxjs. Keys that differ are the ones wxt and crxjs change.
 */
import baseManifest from "../manifest.json" with { type: "json" };
import { VERSION } from "./version.ts";

export type Target = "chrome" | "firefox";

/** A stable add-on id: Firefox keys storage and the moz-extension UUID pref on it. */
export const GECKO_ID = "cors-lens@cors-lens.dev";

type Manifest = typeof baseManifest & Record<string, unknown>;

export function manifestFor(target: Target): Record<string, unknown> {
  const manifest: Manifest = { ...structuredClone(baseManifest), version: VERSION };
  if (target === "chrome") return manifest;
  const { minimum_chrome_version: _chromeOnly, background, action, ...rest } = manifest;
  return {
    ...rest,
    // Firefox puts a new add-on's button in the extensions menu unless the manifest asks for the
    // toolbar (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/action#default_area):
    // the badge is only seen there. Chrome has no such key; its users pin the button themselves.
    action: { ...action, default_area: "navbar" },
    // Firefox MV3 runs the background as an event page: `scripts`, not `service_worker`.
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140 is the first ESR that understands data_collection_permissions.
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
      // Firefox for Android learnt data_collection_permissions in 142.
      gecko_android: { strict_min_version: "142.0" },
    },
  };
}
