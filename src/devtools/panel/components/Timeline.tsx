import type { Hop } from "../../../engine";
import type { ReportExchange } from "../../../report/report";
import { visibleText } from "../../../report/safe-text";

function duration(hop: Hop): string {
  return hop.startedAt !== undefined && hop.endedAt !== undefined
    ? `${Math.max(0, Math.round(hop.endedAt - hop.startedAt))} ms`
    : "";
}

function Step({ label, hop }: { label: string; hop: Hop }) {
  return (
    <li>
      <span class="step-label">{label}</span> <code>{visibleText(hop.method)}</code> {visibleText(hop.url)} →{" "}
      <strong>{hop.status ?? visibleText(hop.error ?? "no response")}</strong>
      {hop.error && hop.status !== null ? <span class="muted"> ({visibleText(hop.error)})</span> : null}{" "}
      <span class="muted">{duration(hop)}</span>
    </li>
  );
}

export function Timeline({ x }: { x: ReportExchange }) {
  const cached = x.findings.some((f) => f.code === "preflight-cached");
  return (
    <ol class="timeline" aria-label="Timeline">
      {x.preflight ? (
        <Step label="Preflight" hop={x.preflight} />
      ) : (
        <li class="muted">{cached ? "Preflight served from the preflight cache" : "No preflight"}</li>
      )}
      {x.hops.map((hop, i) => (
        <Step key={`${hop.url}-${i}`} label={i < x.hops.length - 1 ? "Redirect" : "Response"} hop={hop} />
      ))}
      {x.hops.length === 0 ? (
        <li class="muted">The actual request was never sent{x.error ? ` (${visibleText(x.error)})` : ""}.</li>
      ) : null}
    </ol>
  );
}
