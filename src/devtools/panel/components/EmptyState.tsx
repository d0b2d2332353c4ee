import { type BuildTarget, TARGET } from "../../../platform/target";
import { useT } from "../i18n";
import { RichText } from "./RichText";

export function EmptyState({ filtered, target = TARGET }: { filtered: boolean; target?: BuildTarget }) {
  const t = useT();
  if (filtered) return <p class="empty-note">{t("panel.empty.filtered")}</p>;
  return (
    <div class="empty" role="note">
      <h2>{t("panel.empty.title")}</h2>
      <p>
        <RichText text={t("panel.empty.watch")} />
      </p>
      <p>{t("panel.empty.before")}</p>
      {/* Chrome puts a new extension's button, and so the badge, in the Extensions menu until the
          user pins it; Firefox's manifest asks for the toolbar (action.default_area). */}
      {target === "chrome" && (
        <p class="empty-pin">
          <RichText text={t("panel.empty.pin-chrome")} />
        </p>
      )}
    </div>
  );
}
