/**
 * The panel's state in one place, with the mode explicit: the live log of the inspected tab, or a
 * HAR file the user opened (the live log keeps updating underneath). Pure functions over a plain
 * object; main.tsx holds the current one and redraws.
 */
import type { PanelEvent } from "../../protocol/messages";
import type { ReportExchange } from "../../report/report";
import type { HarView } from "./App";
import { applyEvent, EMPTY_STATE, type PanelState } from "./model";

export type PanelMode =
  | { kind: "live" }
  /** A HAR is shown; `error` set when it could not be read (the live log stays on screen then). */
  | { kind: "har"; view: HarView; exchanges: ReportExchange[] };

export interface PanelStore {
  live: PanelState;
  mode: PanelMode;
  /** The background speaks another protocol version: the protocol it speaks. */
  incompatible: number | null;
  /** Why the last Export report failed, in the user's words; null: it did not fail. */
  exportError: string | null;
}

export const INITIAL_STORE: PanelStore = {
  live: EMPTY_STATE,
  mode: { kind: "live" },
  incompatible: null,
  exportError: null,
};

export function withLiveEvent(store: PanelStore, event: PanelEvent): PanelStore {
  return { ...store, live: applyEvent(store.live, event) };
}

export function withPreserveLog(store: PanelStore, preserveLog: boolean): PanelStore {
  return { ...store, live: { ...store.live, preserveLog } };
}

export function withHar(store: PanelStore, view: HarView, exchanges: ReportExchange[]): PanelStore {
  return { ...store, mode: { kind: "har", view, exchanges: view.error ? [] : exchanges } };
}

export function withLiveLog(store: PanelStore): PanelStore {
  return { ...store, mode: { kind: "live" } };
}

export function withIncompatible(store: PanelStore, protocol: number): PanelStore {
  return { ...store, incompatible: protocol };
}

export function withExportError(store: PanelStore, exportError: string | null): PanelStore {
  return { ...store, exportError };
}

/** What the list shows: the HAR's exchanges, or the live log (also behind a HAR that failed to open). */
export function shownState(store: PanelStore): PanelState {
  if (store.mode.kind === "har" && !store.mode.view.error)
    return {
      exchanges: store.mode.exchanges,
      dropped: 0,
      preserveLog: store.live.preserveLog,
      recording: store.live.recording,
    };
  return store.live;
}

export function harView(store: PanelStore): HarView | null {
  return store.mode.kind === "har" ? store.mode.view : null;
}
