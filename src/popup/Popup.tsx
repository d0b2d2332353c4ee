import { useState } from "preact/hooks";
import { CopyButton } from "../devtools/panel/components/CopyButton";
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
}: PopupProps) {
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
            aria-label="Recording"
            onClick={() => onRecording(!recording)}
          >
            <span class="knob" />
          </button>
          {recording ? "Recording" : "Paused"}
        </label>
      </header>
      {!recording ? (
        <p class="note">Paused: no request is observed, in any tab, until you switch recording on again.</p>
      ) : null}
      {groups === null ? (
        <p class="note">Reading this tab's requests…</p>
      ) : groups.length === 0 ? (
        <p class="note">
          {warned > 0
            ? `Nothing blocked in this tab; ${warned} ${warned === 1 ? "request has" : "requests have"} warnings.`
            : "No cross-origin request of this tab was blocked."}
        </p>
      ) : (
        <>
          <p class="summary">
            <strong>{blocked}</strong> {blocked === 1 ? "request" : "requests"} blocked in this tab
          </p>
          <ul class="groups" aria-label="Blocked requests by cause">
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
        For the evidence and the fix: DevTools (F12) → <strong>CORS Lens</strong>.
      </p>
      <form
        class="hosts"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label for="hosts">Record only these API hosts (empty: every host)</label>
        <div class="hosts-row">
          <input
            id="hosts"
            type="text"
            spellcheck={false}
            placeholder="api.example.com, *.example.org"
            value={shown}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit">Save</button>
        </div>
        <p class="note">
          {hosts === null
            ? "Recording every host."
            : `Recording only ${hosts.join(", ")}: the browser sends CORS Lens nothing about other hosts.`}
        </p>
      </form>
      <footer>
        <CopyButton text={reportText} label="Copy report" onCopy={onCopy} />
      </footer>
    </main>
  );
}
