import type { Hop } from "../../../engine";
import type { ReportExchange } from "../../../report/report";
import { visibleText } from "../../../report/safe-text";
import { useT } from "../i18n";

function duration(hop: Hop): string {
  return hop.startedAt !== undefined && hop.endedAt !== undefined
    ? `${Math.max(0, Math.round(hop.endedAt - hop.startedAt))} ms`
    : "";
}

function Step({ label, hop }: { label: string; hop: Hop }) {
  const t = useT();
  return (
    <li>
      <span class="step-label">{label}</span> <code>{visibleText(hop.method)}</code> {visibleText(hop.url)} →{" "}
      <strong>{hop.status ?? visibleText(hop.error ?? t("panel.detail.no-response"))}</strong>
      {hop.error && hop.status !== null ? <span class="muted"> ({visibleText(hop.error)})</span> : null}{" "}
      <span class="muted">{duration(hop)}</span>
    </li>
  );
}

export function Timeline({ x }: { x: ReportExchange }) {
  const t = useT();
  const cached = x.findings.some((f) => f.code === "preflight-cached");
  return (
    <ol class="timeline" aria-label={t("panel.timeline.label")}>
      {x.preflight ? (
        <Step label={t("panel.timeline.preflight")} hop={x.preflight} />
      ) : (
        <li class="muted">{cached ? t("panel.timeline.cached") : t("panel.timeline.no-preflight")}</li>
      )}
      {x.hops.map((hop, i) => (
        <Step
          key={`${hop.url}-${i}`}
          label={i < x.hops.length - 1 ? t("panel.timeline.redirect") : t("panel.timeline.response")}
          hop={hop}
        />
      ))}
      {x.hops.length === 0 ? (
        <li class="muted">
          {x.error
            ? t("panel.timeline.never-sent-error", { error: visibleText(x.error) })
            : t("panel.timeline.never-sent")}
        </li>
      ) : null}
    </ol>
  );
}
