import { useState } from "preact/hooks";
import type { Fix, FixImport, ServerGuess } from "../../../engine";
import { fixPackage, preferredFix } from "../../../report/preferred-fix";
import { visibleText } from "../../../report/safe-text";
import { useT } from "../i18n";
import { CopyButton } from "./CopyButton";
import { RichText } from "./RichText";

export interface FixesProps {
  fixes: Fix[];
  stack: string;
  onStack(stack: string): void;
  onCopy(text: string): boolean | undefined;
  /** The server software told from the evidence: shown first until the user picks a stack. */
  server?: ServerGuess | null;
}

/** The fix for the chosen server stack; one remembered selector instead of a row of 13 tabs. */
export function Fixes({ fixes, stack, onStack, onCopy, server }: FixesProps) {
  const t = useT();
  // The default pick ("generic-headers") is no choice yet: the detected server's fix shows first.
  const current = preferredFix(fixes, stack === "generic-headers" ? null : stack, server?.stack);
  if (!current) return null;
  const detected = server ? fixes.find((f) => f.stack === server.stack) : undefined;
  const pkg = fixPackage(current);
  return (
    <section class="fixes" aria-label={t("panel.fixes.label")}>
      <div class="fix-bar">
        <label>
          {t("panel.fixes.server")}{" "}
          <select
            aria-label={t("panel.fixes.stack")}
            value={current.stack}
            onChange={(e) => onStack(e.currentTarget.value)}
          >
            {fixes.map((f) => (
              <option key={f.stack} value={f.stack}>
                {f.title}
              </option>
            ))}
          </select>
        </label>
        <CopyButton
          text={current.snippet}
          label={t("panel.fixes.copy")}
          ariaLabel={t("panel.fixes.copy-label", { title: current.title })}
          onCopy={onCopy}
        />
      </div>
      {current.change ? (
        <p class="fix-change">
          <strong>{t("fix.label.change")}:</strong> <RichText text={current.change} />
        </p>
      ) : null}
      {current.imports && current.imports.length > 0 ? <Imports imports={current.imports} /> : null}
      {pkg ? (
        <p class="fix-install">{t("fix.label.install", { name: pkg.name, install: pkg.install })}</p>
      ) : null}
      {current.change || (current.imports && current.imports.length > 0) ? (
        <p class="fix-label">{t("fix.label.snippet")}:</p>
      ) : null}
      <pre class="snippet">{current.snippet.split("\n").map(visibleText).join("\n")}</pre>
      {/* Below the snippet, so its first lines stay on the detail's first screen in a short dock;
          each snippet's own first comments already say where it goes. */}
      {current.where ? (
        <p class="fix-where">{t("panel.fixes.where", { where: visibleText(current.where) })}</p>
      ) : null}
      {detected && server ? (
        <p class="fix-detected">
          {t("panel.fixes.detected", {
            certain: server.confidence === "certain" ? "yes" : "no",
            title: detected.title,
            basis: visibleText(server.basis),
          })}
          {current.stack !== detected.stack ? (
            <>
              {" "}
              <button type="button" class="link" onClick={() => onStack(detected.stack)}>
                {t("panel.fixes.show")}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {current.stack === "client" ? null : (
        <p class="fix-verified">
          {current.verified
            ? t("panel.fixes.verified", { servers: current.verified })
            : t("panel.fixes.not-verified")}
        </p>
      )}
    </section>
  );
}

/** The imports a snippet needs, apart from it; where a stack has both module systems, one tab each. */
function Imports({ imports }: { imports: FixImport[] }) {
  const t = useT();
  const forms = [...new Set(imports.map((m) => m.form))];
  const [form, setForm] = useState(forms[0] ?? null);
  const shown = imports.filter((m) => m.form === (forms.includes(form) ? form : forms[0]));
  return (
    <div class="fix-imports">
      <p class="fix-label">
        {t("fix.label.imports")}:
        {forms.length > 1
          ? forms.map((f) => (
              <button
                key={f ?? ""}
                type="button"
                class="fix-form"
                aria-pressed={f === form}
                onClick={() => setForm(f)}
              >
                {t("fix.label.form", { form: f ?? "" })}
              </button>
            ))
          : null}
      </p>
      <pre class="snippet fix-import">{shown.map((m) => visibleText(m.code)).join("\n")}</pre>
    </div>
  );
}
