/**
 * The panel's state and the pure functions over it: applying background events, filtering,
 * grouping. Components only render what these return.
 */
import { type Translate, tEn } from "../../i18n";
import type { PanelEvent } from "../../protocol/messages";
import type { ReportExchange } from "../../report/report";

export { type Group, groupFailures } from "../../report/groups";

export interface PanelState {
  exchanges: ReportExchange[];
  dropped: number;
  /** Of `dropped`, those dropped to fit the browser's storage quota. */
  storageDropped?: number;
  preserveLog: boolean;
  /** The background records (true) or is paused (false, no webRequest listener registered). */
  recording: boolean;
}

export const EMPTY_STATE: PanelState = { exchanges: [], dropped: 0, preserveLog: false, recording: true };

export function applyEvent(state: PanelState, event: PanelEvent): PanelState {
  switch (event.type) {
    case "cors-lens/snapshot":
      return {
        exchanges: event.exchanges,
        dropped: event.dropped,
        storageDropped: event.storageDropped ?? 0,
        preserveLog: event.preserveLog,
        recording: event.recording,
      };
    case "cors-lens/exchanges-updated": {
      const index = new Map(state.exchanges.map((x, i) => [x.id, i]));
      const exchanges = state.exchanges.slice();
      for (const x of event.exchanges) {
        const at = index.get(x.id);
        if (at === undefined) exchanges.push(x);
        else exchanges[at] = x;
      }
      return { ...state, exchanges, dropped: event.dropped, storageDropped: event.storageDropped ?? 0 };
    }
    case "cors-lens/cleared":
      return { ...state, exchanges: [], dropped: 0, storageDropped: 0 };
    case "cors-lens/recording":
      return { ...state, recording: event.on };
    case "cors-lens/incompatible":
      // The bridge reports it to the panel as a banner; the log itself stays as it was.
      return state;
  }
}

export interface Filters {
  blockedOnly: boolean;
  warningsOnly: boolean;
  text: string;
  /** A resource type, or "" for all. */
  type: string;
}

export const NO_FILTERS: Filters = { blockedOnly: false, warningsOnly: false, text: "", type: "" };

export function hasWarnings(x: ReportExchange): boolean {
  return x.findings.some((f) => f.severity !== "info");
}

export function filterExchanges(exchanges: readonly ReportExchange[], f: Filters): ReportExchange[] {
  const text = f.text.trim().toLowerCase();
  return exchanges.filter((x) => {
    if (f.blockedOnly && x.verdict !== "blocked") return false;
    if (f.warningsOnly && !hasWarnings(x) && x.verdict !== "blocked") return false;
    if (f.type && x.resourceType !== f.type) return false;
    if (!text) return true;
    const cause = x.causes[0];
    return (
      x.url.toLowerCase().includes(text) ||
      x.method.toLowerCase().includes(text) ||
      (cause !== undefined &&
        (cause.title.toLowerCase().includes(text) ||
          cause.code.includes(text) ||
          (cause.chromium ?? "").toLowerCase().includes(text)))
    );
  });
}

/** What the list's cause column says: the cause, else the first warning, else why it is unknown. */
export function summaryOf(
  x: ReportExchange,
  t: Translate = tEn,
): { text: string; tone: "blocked" | "warning" | "muted" } | null {
  const cause = x.causes[0];
  if (cause) return { text: cause.title, tone: "blocked" };
  const warning =
    x.findings.find((f) => f.severity === "error") ?? x.findings.find((f) => f.severity === "warning");
  if (warning) return { text: warning.title, tone: "warning" };
  if (x.verdict === "unknown") return { text: t("summary.not-enough-evidence"), tone: "muted" };
  return null;
}

/** The words of the verdict badge. */
export function badgeOf(
  x: ReportExchange,
  t: Translate = tEn,
): {
  label: string;
  tone: "blocked" | "warning" | "allowed" | "muted";
} {
  if (x.verdict === "blocked") return { label: t("verdict.blocked"), tone: "blocked" };
  if (x.verdict === "unknown") return { label: t("verdict.unknown"), tone: "muted" };
  if (x.verdict === "not-cors") return { label: t("verdict.not-cors"), tone: "muted" };
  return hasWarnings(x)
    ? { label: t("verdict.warnings"), tone: "warning" }
    : { label: t("verdict.allowed"), tone: "allowed" };
}
