/**
 * Messages between the background and extension pages. Plain JSON only: no Map, Set, Date or
 * class instances cross a port. Commands are imperative, events past tense or nouns.
 */
import { isLang, type Lang } from "../i18n";
import type { ReportDocument, ReportExchange } from "../report/report";

/** Bumped on any change to the port messages: an old panel and a new background say so instead of misreading. */
export const PROTOCOL_VERSION = 3;

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
  /** Recording (webRequest listeners registered) or paused. */
  recording: boolean;
}

/**
 * Pauses (`on: false`) or resumes (`on: true`) recording for every tab; without `on`, only asks.
 * Paused, no webRequest listener is registered at all. `hosts` narrows recording to those API hosts
 * (the listeners' own URL filter, so the browser dispatches nothing for other hosts); `null` records
 * every host again. Answers the state now in force.
 */
export interface RecordingRequest {
  type: "cors-lens/recording";
  on?: boolean;
  hosts?: string[] | null;
}

export interface RecordingReply {
  type: "cors-lens/recording";
  on: boolean;
  /** The hosts recording is narrowed to; null: every host. */
  hosts: string[] | null;
}

/**
 * A host as match patterns take it (`api.example.com`, `*.example.com`, `127.0.0.1`, `[::1]`):
 * lower-cased, without scheme, port or path; null when it is not one.
 */
export function recordableHost(input: string): string | null {
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/[/?#].*$/, "");
  if (!host.startsWith("[")) host = host.replace(/:\d+$/, "");
  if (/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host)) return host;
  return null;
}

/** The report (docs/report-format.md) for one tab (null: every tab). Secrets redacted unless asked. */
export interface ReportRequest {
  type: "cors-lens/report";
  tabId: number | null;
  includeSecrets?: boolean;
  /** The language of the report's words. @default "en" */
  lang?: Lang;
}

export type ReportReply = ReportDocument;

export type RuntimeRequest = StatusRequest | ReportRequest | RecordingRequest;

/** Narrows an unknown runtime message to one of ours; anything else is ignored. */
export function isRuntimeRequest(message: unknown): message is RuntimeRequest {
  if (typeof message !== "object" || message === null) return false;
  const { type, tabId, on } = message as { type?: unknown; tabId?: unknown; on?: unknown };
  if (type === "cors-lens/status") return true;
  if (type === "cors-lens/recording") {
    const { hosts } = message as { hosts?: unknown };
    const hostsOk =
      hosts === undefined ||
      hosts === null ||
      (Array.isArray(hosts) && hosts.every((h) => typeof h === "string"));
    return (on === undefined || typeof on === "boolean") && hostsOk;
  }
  const { lang } = message as { lang?: unknown };
  return (
    type === "cors-lens/report" &&
    (tabId === null || tabId === undefined || typeof tabId === "number") &&
    (lang === undefined || isLang(lang))
  );
}

// ---- panel port ----
// Every message is `cors-lens/<what>`, like the runtime messages: commands are imperative
// (`cors-lens/subscribe`), events say what happened (`cors-lens/snapshot`, `cors-lens/cleared`).

export type PanelCommand =
  | { type: "cors-lens/subscribe"; protocol: number; tabId: number | null; lang?: Lang }
  /** The panel's language changed: the background words the exchanges again. */
  | { type: "cors-lens/set-lang"; lang: Lang }
  | { type: "cors-lens/clear-log" }
  | { type: "cors-lens/set-preserve-log"; preserve: boolean }
  | { type: "cors-lens/set-recording"; on: boolean };

export type PanelEvent =
  | {
      type: "cors-lens/snapshot";
      protocol: number;
      tabId: number | null;
      exchanges: ReportExchange[];
      dropped: number;
      /** Of `dropped`, those dropped to fit the browser's storage quota. */
      storageDropped?: number;
      preserveLog: boolean;
      recording: boolean;
    }
  | {
      type: "cors-lens/exchanges-updated";
      exchanges: ReportExchange[];
      dropped: number;
      storageDropped?: number;
    }
  | { type: "cors-lens/recording"; on: boolean }
  | { type: "cors-lens/cleared"; reason: "navigation" | "user" }
  /** The panel speaks another protocol version than the background (one of them was updated). */
  | { type: "cors-lens/incompatible"; protocol: number };

type Fields = Record<string, unknown>;

function fieldsOf(message: unknown): Fields | null {
  return typeof message === "object" && message !== null && !Array.isArray(message)
    ? (message as Fields)
    : null;
}

const isTabId = (v: unknown) => v === null || (typeof v === "number" && Number.isInteger(v));
const isCount = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** A report exchange as far as the panel relies on it; the rest is rendered as text. */
function isExchange(v: unknown): v is ReportExchange {
  const x = fieldsOf(v);
  return (
    x !== null &&
    typeof x.id === "string" &&
    typeof x.url === "string" &&
    typeof x.method === "string" &&
    typeof x.verdict === "string" &&
    Array.isArray(x.causes) &&
    Array.isArray(x.findings) &&
    Array.isArray(x.hops)
  );
}

const areExchanges = (v: unknown) => Array.isArray(v) && v.every(isExchange);

/** Narrows what arrives on the port at the background; anything else is ignored. */
export function isPanelCommand(message: unknown): message is PanelCommand {
  const m = fieldsOf(message);
  switch (m?.type) {
    case "cors-lens/subscribe":
      return typeof m.protocol === "number" && isTabId(m.tabId) && (m.lang === undefined || isLang(m.lang));
    case "cors-lens/set-lang":
      return isLang(m.lang);
    case "cors-lens/clear-log":
      return true;
    case "cors-lens/set-preserve-log":
      return typeof m.preserve === "boolean";
    case "cors-lens/set-recording":
      return typeof m.on === "boolean";
    default:
      return false;
  }
}

/** Narrows what arrives on the port at the panel; anything else is ignored. */
export function isPanelEvent(message: unknown): message is PanelEvent {
  const m = fieldsOf(message);
  switch (m?.type) {
    case "cors-lens/snapshot":
      return (
        typeof m.protocol === "number" &&
        isTabId(m.tabId) &&
        areExchanges(m.exchanges) &&
        isCount(m.dropped) &&
        (m.storageDropped === undefined || isCount(m.storageDropped)) &&
        typeof m.preserveLog === "boolean" &&
        typeof m.recording === "boolean"
      );
    case "cors-lens/recording":
      return typeof m.on === "boolean";
    case "cors-lens/exchanges-updated":
      return (
        areExchanges(m.exchanges) &&
        isCount(m.dropped) &&
        (m.storageDropped === undefined || isCount(m.storageDropped))
      );
    case "cors-lens/cleared":
      return m.reason === "navigation" || m.reason === "user";
    case "cors-lens/incompatible":
      return typeof m.protocol === "number";
    default:
      return false;
  }
}
