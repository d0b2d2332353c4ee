import { browser } from "./browser";

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/**
 * Answers runtime messages. Returning undefined leaves the message for other listeners, as the
 * polyfill's contract says; a promise answers it.
 */
export function onRuntimeMessage(handle: (message: unknown) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((message: unknown) => handle(message));
}

/** Untyped on purpose: src/protocol/runtime-channel.ts types the request and validates the reply. */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
