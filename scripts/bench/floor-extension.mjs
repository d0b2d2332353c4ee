// The "floor": an extension with empty listeners on exactly the events, filters and extraInfoSpec
// CORS Lens subscribes to. CORS Lens can cost no less than this.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function writeFloorExtension(root) {
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-floor-"));
  const manifest = JSON.parse(readFileSync(join(root, "dist/chrome/manifest.json"), "utf8"));
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify({
      manifest_version: 3,
      name: "floor",
      version: "1.0",
      permissions: manifest.permissions,
      host_permissions: manifest.host_permissions,
      background: { service_worker: "sw.js" },
    }),
  );
  writeFileSync(
    join(dir, "sw.js"),
    `const f = { urls: ["<all_urls>"] };
const x = chrome.webRequest.OnSendHeadersOptions.EXTRA_HEADERS ? ["extraHeaders"] : [];
const noop = () => {};
chrome.webRequest.onSendHeaders.addListener(noop, f, ["requestHeaders", ...x]);
chrome.webRequest.onHeadersReceived.addListener(noop, f, ["responseHeaders", ...x]);
chrome.webRequest.onBeforeRedirect.addListener(noop, f, ["responseHeaders", ...x]);
chrome.webRequest.onCompleted.addListener(noop, f, ["responseHeaders", ...x]);
chrome.webRequest.onErrorOccurred.addListener(noop, f, x);
`,
  );
  return dir;
}
