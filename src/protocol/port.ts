/**
 * The one port interface of the extension: the panel's end (src/protocol/bridge.ts), the
 * background's (src/background/platform.ts) and the browser's (src/platform/ports.ts) are this type.
 * Typed on the way out; what comes in is `unknown` until a guard of src/protocol/messages.ts narrows it.
 */
export interface Port<Out = unknown> {
  send(message: Out): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}
