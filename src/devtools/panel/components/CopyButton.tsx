import { useEffect, useState } from "preact/hooks";
import { useT } from "../i18n";

export interface CopyButtonProps {
  text: string;
  label: string;
  /** What screen readers hear, when it differs from the label. */
  ariaLabel?: string;
  onCopy(text: string): boolean | undefined;
  class?: string;
}

/** A copy button that says "Copied" for a moment, so the user knows the click took. */
export function CopyButton({ text, label, ariaLabel, onCopy, class: className }: CopyButtonProps) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      class={className}
      aria-label={ariaLabel}
      data-copy-state={state}
      onClick={() => setState(onCopy(text) === false ? "failed" : "copied")}
    >
      {state === "copied" ? t("panel.copy.copied") : state === "failed" ? t("panel.copy.failed") : label}
      <span class="visually-hidden" aria-live="polite">
        {state === "copied" ? t("panel.copy.announced") : ""}
      </span>
    </button>
  );
}
