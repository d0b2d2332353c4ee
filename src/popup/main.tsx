import { render } from "preact";
import { copyText } from "../devtools/panel/clipboard";
import { I18n, LANG_SETTING_KEY, langSettingOf, resolveLang } from "../devtools/panel/i18n";
import { type Lang, pickLang, translator } from "../i18n";
import { activeTabId } from "../platform/action";
import { uiLanguage } from "../platform/i18n";
import { sendRuntimeMessage } from "../platform/runtime";
import { localSettings } from "../platform/session-storage";
import type { RecordingReply, ReportRequest } from "../protocol/messages";
import { type Group, groupFailures } from "../report/groups";
import type { ReportDocument } from "../report/report";
import { Popup } from "./Popup";
import "./popup.css";

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
          void sendRuntimeMessage<RecordingReply>({ type: "cors-lens/recording", on }).then((reply) => {
            recording = reply.on;
            hosts = reply.hosts;
            draw();
          });
        }}
        hosts={hosts}
        onHosts={(wanted) => {
          void sendRuntimeMessage<RecordingReply>({ type: "cors-lens/recording", hosts: wanted }).then(
            (reply) => {
              hosts = reply.hosts;
              draw();
            },
          );
        }}
        reportText={reportText}
        onCopy={copyText}
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
    sendRuntimeMessage<ReportDocument>({ type: "cors-lens/report", tabId, lang } satisfies ReportRequest),
    sendRuntimeMessage<RecordingReply>({ type: "cors-lens/recording" }),
  ]);
  const failed = report.exchanges.filter((x) => x.verdict === "blocked");
  groups = groupFailures(failed);
  blocked = failed.length;
  warned = report.exchanges.filter(
    (x) => x.verdict !== "blocked" && x.findings.some((f) => f.severity !== "info"),
  ).length;
  recording = state.on;
  hosts = state.hosts;
  reportText = JSON.stringify(report, null, 2);
  draw();
}

draw();
void load();
