import { setBadge } from "../platform/action";
import { uiLanguage } from "../platform/i18n";
import { onPortConnect, onTabRemoved, openTabs } from "../platform/ports";
import { extensionVersion, onRuntimeMessage } from "../platform/runtime";
import { localSettings, sessionStore } from "../platform/session-storage";
import { TARGET } from "../platform/target";
import { observeWebRequests } from "../platform/web-request";
import { PANEL_PORT } from "../protocol/messages";
import { startBackground } from "./start-background";

// Everything is registered synchronously, at the top level of the worker.
startBackground({
  target: TARGET,
  version: extensionVersion(),
  observeWebRequests,
  setBadge,
  settings: localSettings,
  onRuntimeMessage,
  onPanelConnect: (handle) => onPortConnect(PANEL_PORT, handle),
  onTabRemoved,
  openTabs,
  store: sessionStore,
  now: () => Date.now(),
  uiLanguage,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
});
