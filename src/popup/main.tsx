import { render } from "preact";
import { copyText } from "../devtools/panel/clipboard";
import { I18n, LANG_SETTING_KEY, langSettingOf, resolveLang } from "../devtools/panel/i18n";
import { type Lang, pickLang, translator } from "../i18n";
import { activeTabId } from "../platform/action";
import { uiLanguage } from "../platform/i18n";
import { sendRuntimeMessage } from "../platform/runtime";
import { localSettings } from "../platform/session-storage";
import type { ReplyTo, RuntimeType } from "../protocol/messages";
import {
  type RequestFields,
  type RuntimeResult,
  requestRuntime,
  runtimeProblemWords,
} from "../protocol/runtime-channel";
import { type Group, groupFailures } from "../report/groups";
import { Popup } from "./Popup";
import "./popup.css";
import { reportFileText } from "../report/report-file";

const root = document.getElementById("app");
// `?tabId=` lets automation (and the tests) show a given tab's popup in a page of its own.
const forced = Number(new URLSearchParams(location.search).get("tabId"));

let groups: Group[] | null = null;
let blocked = 0;
let warned = 0;
let recording = true;
let hosts: string[] | null = null;
let reportText = "";
let lang: Lang = pickLang(uiLanguage());
/** What went wrong with the last message to the background, in the user's words; null: nothing. */
let error: string | null = null;

/** Asks the background; a problem is shown in the popup, and the reply is null then. */
async function ask<K extends RuntimeType>(type: K, fields: RequestFields<K>): Promise<ReplyTo<K> | null> {
  const result: RuntimeResult<ReplyTo<K>> = await requestRuntime(sendRuntimeMessage, type, fields);
  if (result.ok) return result.reply;
  error = runtimeProblemWords(translator(lang), result.problem);
  draw();
  return null;
}

function draw(): void {
  if (!root) return;
  render(
    <I18n.Provider value={translator(lang)}>
      <Popup
        groups={groups}
        blocked={blocked}
        warned={warned}
        recording={recording}
        onRecording={(on) => {
          void ask("cors-lens/recording", { on }).then((reply) => {
            if (!reply) return;
            recording = reply.on;
            hosts = reply.hosts;
            draw();
          });
        }}
        hosts={hosts}
        onHosts={(wanted) => {
          void ask("cors-lens/recording", { hosts: wanted }).then((reply) => {
            if (!reply) return;
            hosts = reply.hosts;
            draw();
          });
        }}
        reportText={reportText}
        onCopy={copyText}
        error={error}
      />
    </I18n.Provider>,
    root,
  );
}

async function load(): Promise<void> {
  const tabId = Number.isInteger(forced) && forced > 0 ? forced : await activeTabId();
  // The panel's language choice applies here too.
  lang = resolveLang(langSettingOf(await localSettings.get<unknown>(LANG_SETTING_KEY, "auto")), uiLanguage());
  document.documentElement.lang = lang;
  const [report, state] = await Promise.all([
    ask("cors-lens/report", { tabId, lang }),
    ask("cors-lens/recording", {}),
  ]);
  if (state) {
    recording = state.on;
    hosts = state.hosts;
  }
  if (!report) {
    draw();
    return;
  }
  const failed = report.exchanges.filter((x) => x.verdict === "blocked");
  groups = groupFailures(failed);
  blocked = failed.length;
  warned = report.exchanges.filter(
    (x) => x.verdict !== "blocked" && x.findings.some((f) => f.severity !== "info"),
  ).length;
  reportText = reportFileText(report);
  draw();
}

draw();
void load();
