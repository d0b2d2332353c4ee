import type { ReportExchange } from "../../../report/report";
import { visibleText } from "../../../report/safe-text";
import { useT } from "../i18n";
import { groupFailures } from "../model";
import { RichText } from "./RichText";

export function GroupedView({
  exchanges,
  onOpen,
}: {
  exchanges: ReportExchange[];
  onOpen(id: string): void;
}) {
  const t = useT();
  const groups = groupFailures(exchanges);
  if (groups.length === 0) return <p class="empty-note">{t("panel.groups.none")}</p>;
  return (
    <ul class="groups" aria-label={t("panel.groups.label")}>
      {groups.map((g) => (
        <li key={g.key}>
          <button
            type="button"
            class="group"
            onClick={() => onOpen(g.exchanges[g.exchanges.length - 1]?.id ?? "")}
          >
            <strong>
              {t("panel.groups.heading", { count: g.exchanges.length, host: visibleText(g.host) })}
            </strong>
            : {visibleText(g.title)} <code>{g.code}</code>
            <span class="group-message">
              <RichText text={g.cause.message} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
