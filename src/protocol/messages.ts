/**
 * Messages between the background and extension pages. Plain JSON only: no Map, Set, Date or
 * class instances cross a port. Commands are imperative, events past tense or nouns.
 */
import { isLang, type Lang } from "../i18n";
import { REPORT_FORMAT, REPORT_VERSION, type ReportDocument, type ReportExchange } from "../report/report";

/**
 * Bumped on any change to the port or runtime messages: an old page and a new background say so
 * instead of misreading. 4: runtime requests carry it, and a refusal (`RuntimeRefusal`) may answer them.
 */
export const PROTOCOL_VERSION = 4;

/** The port a panel opens; the background routes by the tab it subscribes to. */
export const PANEL_PORT = "cors-lens-panel";

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

// ---- runtime.sendMessage ----
// Each request's reply type is tied to the request by its `type` (`RuntimeMessages`); the page
// sends through `src/protocol/runtime-channel.ts`, which stamps the protocol version and validates
// the reply before anyone reads it.

/** Asks the background who it is; tests use it to prove the background runs and answers. */
export interface StatusRequest {
  type: "cors-lens/status";
  /** The sender's protocol version; a request without one (automation, tests) is answered as ours. */
  protocol?: number;
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
  protocol?: number;
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
  protocol?: number;
  tabId: number | null;
  includeSecrets?: boolean;
  /** The language of the report's words. @default "en" */
  lang?: Lang;
}

export type ReportReply = ReportDocument;

/** Each request with the reply it gets: the one place a request's `type` decides its reply's type. */
export interface RuntimeMessages {
  "cors-lens/status": { request: StatusRequest; reply: StatusReply };
  "cors-lens/recording": { request: RecordingRequest; reply: RecordingReply };
  "cors-lens/report": { request: ReportRequest; reply: ReportReply };
}

export type RuntimeType = keyof RuntimeMessages;
export type RuntimeRequest = RuntimeMessages[RuntimeType]["request"];
/** The reply a request of this type gets. */
export type ReplyTo<K extends RuntimeType> = RuntimeMessages[K]["reply"];

/**
 * What the background answers instead of a reply: the request came from another protocol version
 * (the extension was updated under an open page), or answering it failed.
 */
export type RuntimeRefusal =
  | { type: "cors-lens/incompatible"; protocol: number }
  | { type: "cors-lens/failed"; protocol: number; message: string };

/** A narrowing of an unknown message's fields; the tables below hold one per message type. */
type Guard = (m: Fields) => boolean;

/**
 * Builds a type guard from one guard per message type. The table's type lists every `type` of the
 * union: a new variant without its guard is a compile error, not a message dropped in silence.
 */
function guardOf<M extends { type: string }>(
  table: { [K in M["type"]]: Guard },
): (message: unknown) => message is M {
  const guards: Record<string, Guard | undefined> = table;
  return (message: unknown): message is M => {
    const m = fieldsOf(message);
    if (m === null || typeof m.type !== "string" || !Object.hasOwn(guards, m.type)) return false;
    return guards[m.type]?.(m) === true;
  };
}

const isVersion = (v: unknown) => v === undefined || (typeof v === "number" && Number.isInteger(v));
const isHostList = (v: unknown) => Array.isArray(v) && v.every((h) => typeof h === "string");

const RUNTIME_REQUEST_GUARDS: { [K in RuntimeType]: Guard } = {
  "cors-lens/status": (m) => isVersion(m.protocol),
  "cors-lens/recording": (m) =>
    isVersion(m.protocol) &&
    (m.on === undefined || typeof m.on === "boolean") &&
    (m.hosts === undefined || m.hosts === null || isHostList(m.hosts)),
  "cors-lens/report": (m) =>
    isVersion(m.protocol) &&
    (m.tabId === null || m.tabId === undefined || isTabId(m.tabId)) &&
    (m.includeSecrets === undefined || typeof m.includeSecrets === "boolean") &&
    (m.lang === undefined || isLang(m.lang)),
};

/** Narrows an unknown runtime message to one of ours; anything else is ignored. */
export const isRuntimeRequest = guardOf<RuntimeRequest>(RUNTIME_REQUEST_GUARDS);

/** Validates a reply on arrival, by the type of the request it answers. */
export const RUNTIME_REPLY_GUARDS: { [K in RuntimeType]: (reply: unknown) => reply is ReplyTo<K> } = {
  "cors-lens/status": (reply): reply is StatusReply => {
    const m = fieldsOf(reply);
    return (
      m !== null &&
      m.type === "cors-lens/status" &&
      typeof m.protocol === "number" &&
      (m.target === "chrome" || m.target === "firefox") &&
      typeof m.version === "string" &&
      isCount(m.tabs) &&
      isCount(m.exchanges) &&
      typeof m.recording === "boolean"
    );
  },
  "cors-lens/recording": (reply): reply is RecordingReply => {
    const m = fieldsOf(reply);
    return (
      m !== null &&
      m.type === "cors-lens/recording" &&
      typeof m.on === "boolean" &&
      (m.hosts === null || isHostList(m.hosts))
    );
  },
  "cors-lens/report": (reply): reply is ReportReply => {
    const m = fieldsOf(reply);
    const generator = fieldsOf(m?.generator);
    return (
      m !== null &&
      m.format === REPORT_FORMAT &&
      m.version === REPORT_VERSION &&
      generator !== null &&
      typeof generator.version === "string" &&
      fieldsOf(m.source) !== null &&
      (m.lang === undefined || isLang(m.lang)) &&
      areExchanges(m.exchanges)
    );
  },
};

/** Narrows a reply to the background's refusal (another protocol version, or a failure). */
export const isRuntimeRefusal = guardOf<RuntimeRefusal>({
  "cors-lens/incompatible": (m) => typeof m.protocol === "number",
  "cors-lens/failed": (m) => typeof m.protocol === "number" && typeof m.message === "string",
});

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

/** Narrows what arrives on the port at the background; anything else is ignored. */
export const isPanelCommand = guardOf<PanelCommand>({
  "cors-lens/subscribe": (m) =>
    typeof m.protocol === "number" && isTabId(m.tabId) && (m.lang === undefined || isLang(m.lang)),
  "cors-lens/set-lang": (m) => isLang(m.lang),
  "cors-lens/clear-log": () => true,
  "cors-lens/set-preserve-log": (m) => typeof m.preserve === "boolean",
  "cors-lens/set-recording": (m) => typeof m.on === "boolean",
});

/** Narrows what arrives on the port at the panel; anything else is ignored. */
export const isPanelEvent = guardOf<PanelEvent>({
  "cors-lens/snapshot": (m) =>
    typeof m.protocol === "number" &&
    isTabId(m.tabId) &&
    areExchanges(m.exchanges) &&
    isCount(m.dropped) &&
    (m.storageDropped === undefined || isCount(m.storageDropped)) &&
    typeof m.preserveLog === "boolean" &&
    typeof m.recording === "boolean",
  "cors-lens/recording": (m) => typeof m.on === "boolean",
  "cors-lens/exchanges-updated": (m) =>
    areExchanges(m.exchanges) &&
    isCount(m.dropped) &&
    (m.storageDropped === undefined || isCount(m.storageDropped)),
  "cors-lens/cleared": (m) => m.reason === "navigation" || m.reason === "user",
  "cors-lens/incompatible": (m) => typeof m.protocol === "number",
});
