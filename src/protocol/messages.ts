/**
 * Messages between the background and extension pages. Plain JSON only: no Map, Set, Date or
 * class instances cross a port (Chrome structured-clones, Firefox clones differently).
 */

export const PROTOCOL_VERSION = 1;

/** Asks the background who it is; tests use it to prove the background runs and answers. */
export interface StatusRequest {
  type: "cors-lens/status";
}

export interface StatusReply {
  type: "cors-lens/status";
  protocol: number;
  target: "chrome" | "firefox";
  version: string;
  tabs: number;
  exchanges: number;
}

export type RuntimeRequest = StatusRequest;

/** Narrows an unknown runtime message to one of ours; anything else is ignored. */
export function isRuntimeRequest(message: unknown): message is RuntimeRequest {
  if (typeof message !== "object" || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return type === "cors-lens/status";
}
