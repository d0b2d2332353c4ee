import { useT } from "../i18n";
import { RichText } from "./RichText";

export function EmptyState({ filtered }: { filtered: boolean }) {
  const t = useT();
  if (filtered) return <p class="empty-note">{t("panel.empty.filtered")}</p>;
  return (
    <div class="empty" role="note">
      <h2>{t("panel.empty.title")}</h2>
      <p>
        <RichText text={t("panel.empty.watch")} />
      </p>
      <p>{t("panel.empty.before")}</p>
    </div>
  );
}
