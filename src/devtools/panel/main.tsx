import { render } from "preact";
import pythonWasm from "tree-sitter-python/tree-sitter-python.wasm?url";
import rubyWasm from "tree-sitter-ruby/tree-sitter-ruby.wasm?url";
import runtimeWasm from "web-tree-sitter/tree-sitter.wasm?url";
import { type Lang, translator } from "../../i18n";
import {
  devtoolsTheme,
  inspectedTabId,
  onDevtoolsThemeChange,
  type Theme,
} from "../../platform/devtools-panel";
import { uiLanguage } from "../../platform/i18n";
import { connectPort } from "../../platform/ports";
import { sendRuntimeMessage } from "../../platform/runtime";
import { localSettings } from "../../platform/session-storage";
import { TARGET } from "../../platform/target";
import { openPanelBridge } from "../../protocol/bridge";
import { PANEL_PORT } from "../../protocol/messages";
import { requestRuntime, runtimeProblemWords } from "../../protocol/runtime-channel";
import { analyzeHar, HarError } from "../../report/analyze-har";
import { exportHar } from "../../report/har-export";
import { observedFromReport } from "../../report/report";
import { App, type PanelActions } from "./App";
import { copyText, saveFile } from "./clipboard";
import { I18n, LANG_SETTING_KEY, type LangSetting, langSettingOf, resolveLang } from "./i18n";
import {
  harView,
  INITIAL_STORE,
  type PanelStore,
  shownState,
  withExportError,
  withHar,
  withIncompatible,
  withLiveEvent,
  withLiveLog,
  withPreserveLog,
} from "./store";
import "./panel.css";
import { reportFileText } from "../../report/report-file";

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
let store: PanelStore = INITIAL_STORE;
let stack = "generic-headers";
// The browser's language until the saved choice is read (a storage read later).
let langSetting: LangSetting = "auto";
let lang: Lang = resolveLang(langSetting, uiLanguage());
document.documentElement.lang = lang;

function update(next: PanelStore): void {
  store = next;
  draw();
}

// The port to the background, typed and validated both ways, reconnecting after a worker stop.
const bridge = openPanelBridge({
  connect: () => connectPort(PANEL_PORT),
  tabId,
  lang: () => lang,
  onEvent: (event) => {
    // Performance marks: `npm run bench -- panel` reads how long a snapshot takes to render.
    performance.mark("cors-lens:event");
    update(withLiveEvent(store, event));
    performance.measure(`cors-lens:render-${event.type.replace("cors-lens/", "")}`, "cors-lens:event");
  },
  onIncompatible: (protocol) => update(withIncompatible(store, protocol)),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
});

const actions: PanelActions = {
  clearLog: () => bridge.send({ type: "cors-lens/clear-log" }),
  setPreserveLog: (preserve) => {
    update(withPreserveLog(store, preserve));
    bridge.send({ type: "cors-lens/set-preserve-log", preserve });
  },
  exportReport: () => {
    void requestRuntime(sendRuntimeMessage, "cors-lens/report", { tabId, lang }).then((result) => {
      if (!result.ok) {
        update(withExportError(store, runtimeProblemWords(translator(lang), result.problem)));
        return;
      }
      if (store.exportError !== null) update(withExportError(store, null));
      saveFile(`cors-lens-report-${Date.now()}.json`, reportFileText(result.reply));
    });
  },
  exportHar: () => {
    const document = exportHar(
      shownState(store).exchanges.map((x) => observedFromReport(x, browserName)),
      { creator: "cors-lens" },
    );
    saveFile(`cors-lens-${Date.now()}.har`, JSON.stringify(document, null, 2));
  },
  openHar: (file) => {
    void file.text().then((text) => {
      try {
        const { report, notes } = analyzeHar(text, file.name, { includeSecrets: true, lang });
        update(withHar(store, { file: file.name, notes, error: null }, report.exchanges));
      } catch (error) {
        const message = error instanceof HarError ? error.message : String(error);
        update(withHar(store, { file: file.name, notes: [], error: message }, []));
      }
    });
  },
  closeHar: () => update(withLiveLog(store)),
  setRecording: (on) => bridge.send({ type: "cors-lens/set-recording", on }),
  copy: copyText,
  saveStack: (s) => {
    stack = s;
    void localSettings.set("fixStack", s);
  },
  setLang: (setting) => {
    void localSettings.set(LANG_SETTING_KEY, setting);
    applyLang(setting);
  },
  // Loaded on first use: the configuration readers stay out of the panel's first paint.
  fixConfig: (x, name, text) =>
    import("./config-fix").then((m) =>
      m.fixPasted(name, text, x, shownState(store).exchanges, browserName, lang, wasmBytes),
    ),
};

/**
 * A grammar's wasm (Python apps and rack-cors files in "Paste your config"), from the extension's own files (vite
 * emits them as assets): fetched from chrome-extension:// or moz-extension://, nothing leaves the
 * browser. The runtime's is the asset web-tree-sitter itself refers to, so it is emitted once.
 */
async function wasmBytes(name: string): Promise<Uint8Array> {
  const url =
    name === "tree-sitter.wasm" ? runtimeWasm : name === "tree-sitter-ruby.wasm" ? rubyWasm : pythonWasm;
  const response = await fetch(new URL(url, location.href));
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Words the pages and the background's exchanges in the chosen language. */
function applyLang(setting: LangSetting): void {
  langSetting = setting;
  const next = resolveLang(setting, uiLanguage());
  if (next !== lang) {
    lang = next;
    document.documentElement.lang = lang;
    bridge.send({ type: "cors-lens/set-lang", lang });
  }
  draw();
}

function draw(): void {
  if (root)
    render(
      <I18n.Provider value={translator(lang)}>
        <App
          state={shownState(store)}
          actions={actions}
          initialStack={stack}
          har={harView(store)}
          incompatible={store.incompatible}
          exportError={store.exportError}
          onDismissExportError={() => update(withExportError(store, null))}
          langSetting={langSetting}
        />
      </I18n.Provider>,
      root,
    );
}

void localSettings.get("fixStack", "generic-headers").then((s) => {
  stack = s;
  draw();
});
void localSettings.get<unknown>(LANG_SETTING_KEY, "auto").then((saved) => applyLang(langSettingOf(saved)));
draw();
