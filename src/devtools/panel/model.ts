/**
 * The panel's state and the pure functions over it: applying background events, filtering,
 * grouping. Components only render what these return.
 */
import { hostOf } from "../../engine";
import type { PanelEvent } from "../../protocol/messages";
import type { ReportExchange } from "../../report/report";

export interface PanelState {
  exchanges: ReportExchange[];
  dropped: number;
  preserveLog: boolean;
}

export const EMPTY_STATE: PanelState = { exchanges: [], dropped: 0, preserveLog: false };

export function applyEvent(state: PanelState, event: PanelEvent): PanelState {
  switch (event.type) {
    case "snapshot":
      return { exchanges: event.exchanges, dropped: event.dropped, preserveLog: event.preserveLog };
    case "exchangesUpdated": {
      const index = new Map(state.exchanges.map((x, i) => [x.id, i]));
      const exchanges = state.exchanges.slice();
      for (const x of event.exchanges) {
        const at = index.get(x.id);
        if (at === undefined) exchanges.push(x);
        else exchanges[at] = x;
      }
      return { ...state, exchanges, dropped: event.dropped };
    }
    case "cleared":
      return { ...state, exchanges: [], dropped: 0 };
    default:
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

export interface Group {
  key: string;
  host: string;
  title: string;
  code: string;
  exchanges: ReportExchange[];
}

/** Failures grouped by cause and host: "14 requests to api.example.com: preflight answered 401". */
export function groupFailures(exchanges: readonly ReportExchange[]): Group[] {
  const groups = new Map<string, Group>();
  for (const x of exchanges) {
    const cause = x.causes[0];
    if (x.verdict !== "blocked" || !cause) continue;
    const host = hostOf(x.url);
    const key = `${cause.code}|${cause.stage}|${host}`;
    const group = groups.get(key) ?? { key, host, title: cause.title, code: cause.code, exchanges: [] };
    group.exchanges.push(x);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.exchanges.length - a.exchanges.length);
}

/** The words of the verdict badge. */
export function badgeOf(x: ReportExchange): {
  label: string;
  tone: "blocked" | "warning" | "allowed" | "muted";
} {
  if (x.verdict === "blocked") return { label: "blocked", tone: "blocked" };
  if (x.verdict === "unknown") return { label: "unknown", tone: "muted" };
  if (x.verdict === "not-cors") return { label: "not CORS", tone: "muted" };
  return hasWarnings(x) ? { label: "warnings", tone: "warning" } : { label: "allowed", tone: "allowed" };
}
