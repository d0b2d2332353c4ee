import { render } from "preact";
import {
  devtoolsTheme,
  inspectedTabId,
  onDevtoolsThemeChange,
  type Theme,
} from "../../platform/devtools-panel";
import { connectPort } from "../../platform/ports";
import { sendRuntimeMessage } from "../../platform/runtime";
import { localSettings } from "../../platform/session-storage";
import { TARGET } from "../../platform/target";
import { PANEL_PORT, type PanelCommand, type PanelEvent, type ReportRequest } from "../../protocol/messages";
import { analyzeHar, HarError } from "../../report/analyze-har";
import { exportHar } from "../../report/har-export";
import { observedFromReport, type ReportDocument } from "../../report/report";
import { App, type HarView, type PanelActions } from "./App";
import { copyText, saveFile } from "./clipboard";
import { applyEvent, EMPTY_STATE, type PanelState } from "./model";
import "./panel.css";

const root = document.getElementById("app");
const tabId = inspectedTabId();
const setTheme = (theme: Theme) => {
  document.documentElement.dataset.theme = theme;
};
const forcedTheme = new URLSearchParams(location.search).get("theme");
const systemDark = matchMedia("(prefers-color-scheme: dark)");
setTheme(
  devtoolsTheme() ??
    (forcedTheme === "dark" || (forcedTheme === null && systemDark.matches) ? "dark" : "light"),
);
// Follow the user's switch of DevTools' theme while the panel is open; outside DevTools (the panel
// page in a tab), the system's.
if (!onDevtoolsThemeChange(setTheme) && forcedTheme === null)
  systemDark.addEventListener("change", () => setTheme(systemDark.matches ? "dark" : "light"));

const browserName = TARGET === "chrome" ? "chromium" : "firefox";
let live: PanelState = EMPTY_STATE;
let state: PanelState = EMPTY_STATE;
let har: HarView | null = null;
let stack = "generic-headers";
let send: (command: PanelCommand) => void = () => undefined;

const actions: PanelActions = {
  clearLog: () => send({ type: "clearLog" }),
  setPreserveLog: (preserve) => {
    live = { ...live, preserveLog: preserve };
    if (!har) state = live;
    draw();
    send({ type: "setPreserveLog", preserve });
  },
  exportReport: () => {
    const request: ReportRequest = { type: "cors-lens/report", tabId };
    void sendRuntimeMessage<ReportDocument>(request).then((report) =>
      saveFile(`cors-lens-report-${Date.now()}.json`, JSON.stringify(report, null, 2)),
    );
  },
  exportHar: () => {
    const document = exportHar(
      state.exchanges.map((x) => observedFromReport(x, browserName)),
      { creator: "cors-lens" },
    );
    saveFile(`cors-lens-${Date.now()}.har`, JSON.stringify(document, null, 2));
  },
  openHar: (file) => {
    void file.text().then((text) => {
      try {
        const { report, notes } = analyzeHar(text, file.name, { includeSecrets: true });
        har = { file: file.name, notes, error: null };
        state = { exchanges: report.exchanges, dropped: 0, preserveLog: live.preserveLog };
      } catch (error) {
        har = {
          file: file.name,
          notes: [],
          error: error instanceof HarError ? error.message : String(error),
        };
        state = live;
      }
      draw();
    });
  },
  closeHar: () => {
    har = null;
    state = live;
    draw();
  },
  copy: copyText,
  saveStack: (s) => {
    stack = s;
    void localSettings.set("fixStack", s);
  },
};

function draw(): void {
  if (root) render(<App state={state} actions={actions} initialStack={stack} har={har} />, root);
}

/** Connects, subscribes, and reconnects when the background's worker was stopped. */
function connect(): void {
  const wall = connectPort<PanelEvent, PanelCommand>(PANEL_PORT);
  send = (command) => wall.send(command);
  wall.onMessage((event) => {
    // Performance marks: `npm run bench -- panel` reads how long a snapshot takes to render.
    performance.mark("cors-lens:event");
    live = applyEvent(live, event);
    if (!har) state = live;
    draw();
    performance.measure(`cors-lens:render-${event.type}`, "cors-lens:event");
  });
  wall.onDisconnect(() => setTimeout(connect, 300));
  wall.send({ type: "subscribe", tabId });
}

void localSettings.get("fixStack", "generic-headers").then((s) => {
  stack = s;
  draw();
});
draw();
connect();
