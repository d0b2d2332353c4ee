/**
 * The single import point of webextension-polyfill: every other module reaches browser APIs
 * through the adapters in this folder.
 */
import browser from "webextension-polyfill";

export type { Runtime, WebRequest } from "webextension-polyfill";
export { browser };
