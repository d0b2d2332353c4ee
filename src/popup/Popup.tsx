import { useState } from "preact/hooks";
import { CopyButton } from "../devtools/panel/components/CopyButton";
import { RichText } from "../devtools/panel/components/RichText";
import { useT } from "../devtools/panel/i18n";
import type { Group } from "../report/groups";
import { visibleText } from "../report/safe-text";

export interface PopupProps {
  /** The tab's failures, grouped as the panel and the CLI group them; null while loading. */
  groups: Group[] | null;
  blocked: number;
  warned: number;
  recording: boolean;
  onRecording(on: boolean): void;
  /** The API hosts recording is narrowed to; null: every host. */
  hosts: string[] | null;
  onHosts(hosts: string[] | null): void;
  /** The tab's report document as JSON (redacted), what "Copy report" copies. */
  reportText: string;
  onCopy(text: string): boolean | undefined;
  /** The background could not be asked or did not answer as expected, in the user's words. */
  error?: string | null;
}

/** What the toolbar button opens: the tab's CORS failures at a glance, and the recording switch. */
export function Popup({
  groups,
  blocked,
  warned,
  recording,
  onRecording,
  hosts,
  onHosts,
  reportText,
  onCopy,
  error = null,
}: PopupProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (hosts ?? []).join(", ");
  const save = () => {
    const list = shown
      .split(/[\s,]+/)
      .map((h) => h.trim())
      .filter((h) => h !== "");
    onHosts(list.length > 0 ? list : null);
    setDraft(null);
  };
  return (
    <main class="popup">
      <header>
        <h1>CORS Lens</h1>
        <label class="switch">
          <button
            type="button"
            role="switch"
            aria-checked={recording}
            aria-label={t("popup.recording")}
            onClick={() => onRecording(!recording)}
          >
            <span class="knob" />
          </button>
          {recording ? t("popup.recording") : t("popup.paused")}
        </label>
      </header>
      {!recording ? <p class="note">{t("popup.paused-note")}</p> : null}
      {error !== null ? (
        <p class="note error" role="alert">
          {t("popup.error", { error: visibleText(error) })}
        </p>
      ) : null}
      {groups === null ? (
        error === null ? (
          <p class="note">{t("popup.loading")}</p>
        ) : null
      ) : groups.length === 0 ? (
        <p class="note">{warned > 0 ? t("popup.warned", { count: warned }) : t("popup.none")}</p>
      ) : (
        <>
          <p class="summary">
            <RichText text={t("popup.summary", { count: blocked })} />
          </p>
          <ul class="groups" aria-label={t("popup.groups")}>
            {groups.map((g) => (
              <li key={g.key}>
                <span class="count">{g.exchanges.length}×</span>
                <span class="title">{visibleText(g.title)}</span>
                <span class="host">{visibleText(g.host)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="hint">
        <RichText text={t("popup.hint")} />
      </p>
      <form
        class="hosts"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label for="hosts">{t("popup.hosts.label")}</label>
        <div class="hosts-row">
          <input
            id="hosts"
            type="text"
            spellcheck={false}
            placeholder="api.example.com, *.example.org"
            value={shown}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit">{t("popup.hosts.save")}</button>
        </div>
        <p class="note">
          {hosts === null
            ? t("popup.hosts.every")
            : t("popup.hosts.only", { hosts: visibleText(hosts.join(", ")) })}
        </p>
      </form>
      <footer>
        <CopyButton text={reportText} label={t("popup.copy-report")} onCopy={onCopy} />
      </footer>
    </main>
  );
}
