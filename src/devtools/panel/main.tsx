import { render } from "preact";
import { devtoolsTheme, inspectedTabId } from "../../platform/devtools-panel";
import { connectPort } from "../../platform/ports";
import { sendRuntimeMessage } from "../../platform/runtime";
import { localSettings } from "../../platform/session-storage";
import { PANEL_PORT, type PanelCommand, type PanelEvent, type ReportRequest } from "../../protocol/messages";
import type { ReportDocument } from "../../report/report";
import { App, type PanelActions } from "./App";
import { copyText, saveFile } from "./clipboard";
import { applyEvent, EMPTY_STATE, type PanelState } from "./model";
import "./panel.css";

const root = document.getElementById("app");
const tabId = inspectedTabId();
document.documentElement.dataset.theme =
  devtoolsTheme() ??
  (new URLSearchParams(location.search).get("theme") === "dark" ||
  matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light");

let state: PanelState = EMPTY_STATE;
let stack = "generic-headers";
let send: (command: PanelCommand) => void = () => undefined;

const actions: PanelActions = {
  clearLog: () => send({ type: "clearLog" }),
  setPreserveLog: (preserve) => {
    state = { ...state, preserveLog: preserve };
    draw();
    send({ type: "setPreserveLog", preserve });
  },
  exportReport: () => {
    const request: ReportRequest = { type: "cors-lens/report", tabId };
    void sendRuntimeMessage<ReportDocument>(request).then((report) =>
      saveFile(`cors-lens-report-${Date.now()}.json`, JSON.stringify(report, null, 2)),
    );
  },
  copy: copyText,
  saveStack: (s) => {
    stack = s;
    void localSettings.set("fixStack", s);
  },
};

function draw(): void {
  if (root) render(<App state={state} actions={actions} initialStack={stack} />, root);
}

/** Connects, subscribes, and reconnects when the background's worker was stopped. */
function connect(): void {
  const wall = connectPort<PanelEvent, PanelCommand>(PANEL_PORT);
  send = (command) => wall.send(command);
  wall.onMessage((event) => {
    state = applyEvent(state, event);
    draw();
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
