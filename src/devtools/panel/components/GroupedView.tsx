import type { ReportExchange } from "../../../report/report";
import { visibleText } from "../../../report/safe-text";
import { groupFailures } from "../model";
import { RichText } from "./RichText";

export function GroupedView({
  exchanges,
  onOpen,
}: {
  exchanges: ReportExchange[];
  onOpen(id: string): void;
}) {
  const groups = groupFailures(exchanges);
  if (groups.length === 0) return <p class="empty-note">No failures to group.</p>;
  return (
    <ul class="groups" aria-label="Failures grouped by cause and host">
      {groups.map((g) => (
        <li key={g.key}>
          <button
            type="button"
            class="group"
            onClick={() => onOpen(g.exchanges[g.exchanges.length - 1]?.id ?? "")}
          >
            <strong>
              {g.exchanges.length} {g.exchanges.length === 1 ? "request" : "requests"} to{" "}
              {visibleText(g.host)}
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
