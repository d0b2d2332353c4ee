/** What the panel's component tests render: the golden scenarios as a snapshot, and fake actions. */
import { vi } from "vitest";
import type { PanelActions } from "../../src/devtools/panel/App";
import { applyEvent, EMPTY_STATE, type PanelState } from "../../src/devtools/panel/model";
import type { ObservedExchange } from "../../src/engine";
import { PROTOCOL_VERSION } from "../../src/protocol/messages";
import { buildReport } from "../../src/report/report";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

/** The scenarios (all, or those named) as Chromium recorded them. */
export function scenarioExchanges(names?: string[]): ObservedExchange[] {
  const chosen = names ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  return chosen.map((s, i) => ({
    ...recorded(s, "chromium"),
    id: `s${i}`,
    startedAt: 1_700_000_000_000 + i,
  }));
}

export function stateOf(exchanges: ObservedExchange[] = scenarioExchanges()): PanelState {
  const report = buildReport(exchanges, { kind: "extension", tabId: 1 }, { includeSecrets: true });
  return applyEvent(EMPTY_STATE, {
    type: "cors-lens/snapshot",
    protocol: PROTOCOL_VERSION,
    tabId: 1,
    exchanges: report.exchanges,
    dropped: 0,
    preserveLog: false,
    recording: true,
  });
}

export function fakeActions(): PanelActions & { copied: string[] } {
  const copied: string[] = [];
  return {
    copied,
    clearLog: vi.fn(),
    setPreserveLog: vi.fn(),
    exportReport: vi.fn(),
    exportHar: vi.fn(),
    openHar: vi.fn(),
    closeHar: vi.fn(),
    setLang: vi.fn(),
    copy: (t) => {
      copied.push(t);
      return true;
    },
    saveStack: vi.fn(),
    setRecording: vi.fn(),
  };
}
