import { useState } from "preact/hooks";
import { visibleText } from "../../../report/safe-text";
import type { PastedFix, PastedRow } from "../config-fix";
import { useT } from "../i18n";
import { CopyButton } from "./CopyButton";

export interface ConfigPasteProps {
  /** Computes the patch (lazily loads the configuration readers); given by main.tsx. */
  onFix(name: string, text: string): Promise<PastedFix>;
  onCopy(text: string): boolean | undefined;
}

/**
 * "Paste your config" under a cause's fix: the user's own file in, the minimal patch and the
 * before/after verdicts out (issue #23). Closed by default, so it costs nothing until opened.
 */
export function ConfigPaste({ onFix, onCopy }: ConfigPasteProps) {
  const t = useT();
  // Empty: told from the text (pastedName). A name the user gives decides.
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PastedFix | null>(null);
  const run = () => {
    setBusy(true);
    onFix(name, text).then(
      (r) => {
        setResult(r);
        setBusy(false);
      },
      (error: unknown) => {
        setResult({ ok: false, error: t("panel.config.failed", { error: String(error).slice(0, 300) }) });
        setBusy(false);
      },
    );
  };
  return (
    <details class="config-paste">
      <summary>{t("panel.config.summary")}</summary>
      <p class="muted">{t("panel.config.intro")}</p>
      <label class="config-name">
        {t("panel.config.name")}{" "}
        <input
          type="text"
          value={name}
          placeholder={t("panel.config.name-placeholder")}
          spellcheck={false}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <textarea
        class="config-text"
        aria-label={t("panel.config.text")}
        placeholder={t("panel.config.placeholder")}
        rows={8}
        spellcheck={false}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <p>
        <button type="button" disabled={busy || text.trim() === ""} onClick={run}>
          {t("panel.config.run")}
        </button>{" "}
        {busy ? <span class="muted">{t("panel.config.loading")}</span> : null}
      </p>
      {result ? <PastedResult result={result} onCopy={onCopy} /> : null}
    </details>
  );
}

/** The patch, its reasons and the two tables; exported for the panel-inert test. */
export function PastedResult({ result, onCopy }: { result: PastedFix; onCopy: ConfigPasteProps["onCopy"] }) {
  const t = useT();
  if (!result.ok)
    return (
      <p class="config-error" role="alert">
        {visibleText(result.error)}
      </p>
    );
  return (
    <div class="config-result">
      <p class={result.fixed ? "config-verdict ok" : "config-verdict bad"} role="status">
        {result.fixed
          ? result.diff === ""
            ? t("panel.config.no-change")
            : t("panel.config.fixed")
          : t("panel.config.not-fixed")}
      </p>
      {result.diff !== "" ? (
        <>
          <div class="fix-bar">
            <span class="fix-label">{t("panel.config.diff")}:</span>
            <CopyButton
              text={result.diff}
              label={t("panel.fixes.copy")}
              ariaLabel={t("panel.config.copy-diff")}
              onCopy={onCopy}
            />
          </div>
          <pre class="snippet config-diff">{result.diff.split("\n").map(visibleText).join("\n")}</pre>
        </>
      ) : null}
      {result.edits.length > 0 ? (
        <ul class="config-edits">
          {result.edits.map((e) => (
            <li key={e}>{visibleText(e)}</li>
          ))}
        </ul>
      ) : null}
      {result.notes.map((n) => (
        <p key={n} class="muted">
          {visibleText(n)}
        </p>
      ))}
      <Rows title={t("panel.config.evidence")} rows={result.evidence} recorded />
      {result.kept.length > 0 ? <Rows title={t("panel.config.kept")} rows={result.kept} /> : null}
    </div>
  );
}

function Rows({ title, rows, recorded }: { title: string; rows: PastedRow[]; recorded?: boolean }) {
  const t = useT();
  return (
    <table class="config-rows">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("panel.config.col.request")}</th>
          {recorded ? <th scope="col">{t("panel.config.col.recorded")}</th> : null}
          <th scope="col">{t("panel.config.col.before")}</th>
          <th scope="col">{t("panel.config.col.after")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // Rows never reorder, and two may read the same: the position is their identity.
          <tr key={i} class={r.failing ? "failing" : ""}>
            <td>
              {visibleText(r.request)}
              {r.note ? <div class="muted">{visibleText(r.note)}</div> : null}
            </td>
            {recorded ? <td>{r.recorded === null ? "–" : visibleText(r.recorded)}</td> : null}
            <td>{visibleText(r.before)}</td>
            <td>{visibleText(r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
