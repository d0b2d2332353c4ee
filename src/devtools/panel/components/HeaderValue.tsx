import { useState } from "preact/hooks";
import { truncated, visibleControls } from "../display";
import { useT } from "../i18n";

/** An untrusted value, rendered as text only; long values are cut with a way to see all. */
export function HeaderValue({ value }: { value: string | null }) {
  const t = useT();
  const [full, setFull] = useState(false);
  if (value === null) return <span class="absent">{t("panel.detail.absent")}</span>;
  const { text, cut } = truncated(value);
  return (
    <span class="value">
      {full ? visibleControls(value) : text}
      {cut && (
        <button type="button" class="link" onClick={() => setFull(!full)}>
          {full
            ? t("panel.value.show-less")
            : t("panel.value.show-all", { count: value.length.toLocaleString() })}
        </button>
      )}
    </span>
  );
}
