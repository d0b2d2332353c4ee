/**
 * Messages between the background and extension pages. Plain JSON only: no Map, Set, Date or
 * class instances cross a port. Commands are imperative, events past tense or nouns.
 */
import type { ReportDocument, ReportExchange } from "../report/report";

export const PROTOCOL_VERSION = 1;

/** The port a panel opens; the background routes by the tab it subscribes to. */
export const PANEL_PORT = "cors-lens-panel";

// ---- runtime.sendMessage ----

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

/** The report of `shared/report-format.md` for one tab (null: every tab). Secrets redacted unless asked. */
export interface ReportRequest {
  type: "cors-lens/report";
  tabId: number | null;
  includeSecrets?: boolean;
}

export type ReportReply = ReportDocument;

export type RuntimeRequest = StatusRequest | ReportRequest;

/** Narrows an unknown runtime message to one of ours; anything else is ignored. */
export function isRuntimeRequest(message: unknown): message is RuntimeRequest {
  if (typeof message !== "object" || message === null) return false;
  const { type, tabId } = message as { type?: unknown; tabId?: unknown };
  if (type === "cors-lens/status") return true;
  return type === "cors-lens/report" && (tabId === null || tabId === undefined || typeof tabId === "number");
}

// ---- panel port ----

export type PanelCommand =
  | { type: "subscribe"; tabId: number | null }
  | { type: "clearLog" }
  | { type: "setPreserveLog"; preserve: boolean };

export type PanelEvent =
  | {
      type: "snapshot";
      tabId: number | null;
      exchanges: ReportExchange[];
      dropped: number;
      preserveLog: boolean;
    }
  | { type: "exchangesUpdated"; exchanges: ReportExchange[]; dropped: number }
  | { type: "cleared"; reason: "navigation" | "user" };

export function isPanelCommand(message: unknown): message is PanelCommand {
  if (typeof message !== "object" || message === null) return false;
  const m = message as { type?: unknown; tabId?: unknown; preserve?: unknown };
  switch (m.type) {
    case "subscribe":
      return m.tabId === null || typeof m.tabId === "number";
    case "clearLog":
      return true;
    case "setPreserveLog":
      return typeof m.preserve === "boolean";
    default:
      return false;
  }
}
