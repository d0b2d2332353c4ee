/**
 * The evidence table of one exchange: for each header the check looked at, what the browser
 * required and what the server sent; the row the failing check stopped on is marked.
 */
import { combinedHeader, type Hop } from "../../engine";
import type { ReportExchange } from "../../report/report";

export interface EvidenceRow {
  label: string;
  required: string;
  sent: string | null;
  failing: boolean;
}

function failingHop(x: ReportExchange): Hop | null {
  const cause = x.causes[0];
  if (cause?.stage === "preflight") return x.preflight;
  return x.hops[x.hops.length - 1] ?? x.preflight;
}

export function evidenceRows(x: ReportExchange): EvidenceRow[] {
  const cause = x.causes[0] ?? null;
  const hop = failingHop(x);
  if (!hop) return [];
  const onPreflight = hop === x.preflight && x.preflight !== null;
  const credentialed = x.credentials === "include";
  const origin = x.origin ?? "(not sent)";
  const sent = (name: string) => combinedHeader(hop.responseHeaders, name);
  const rows: EvidenceRow[] = [
    { label: "Origin (request)", required: "—", sent: origin, failing: false },
    {
      label: "Access-Control-Allow-Origin",
      required:
        cause?.header === "access-control-allow-origin" && cause.expected
          ? cause.expected
          : credentialed
            ? origin
            : `${origin} or *`,
      sent: sent("access-control-allow-origin"),
      failing: cause?.header === "access-control-allow-origin",
    },
  ];
  if (credentialed || cause?.header === "access-control-allow-credentials") {
    rows.push({
      label: "Access-Control-Allow-Credentials",
      required: "true",
      sent: sent("access-control-allow-credentials"),
      failing: cause?.header === "access-control-allow-credentials",
    });
  }
  if (onPreflight) {
    const asked = hop.requestHeaders;
    rows.push({
      label: "Status (preflight)",
      required: "200–299",
      sent: hop.status === null ? null : String(hop.status),
      failing: cause?.code === "preflight-status-not-ok" || cause?.code === "preflight-redirected",
    });
    rows.push({
      label: "Access-Control-Allow-Methods",
      required: combinedHeader(asked, "access-control-request-method") ?? x.method,
      sent: sent("access-control-allow-methods"),
      failing: cause?.header === "access-control-allow-methods",
    });
    const names = combinedHeader(asked, "access-control-request-headers");
    if (names || cause?.header === "access-control-allow-headers") {
      rows.push({
        label: "Access-Control-Allow-Headers",
        required: names ?? "—",
        sent: sent("access-control-allow-headers"),
        failing: cause?.header === "access-control-allow-headers",
      });
    }
    if (cause?.code === "preflight-redirected")
      rows.push({ label: "Location", required: "(no redirect)", sent: sent("location"), failing: true });
  } else if (hop.status !== null) {
    rows.push({ label: "Status", required: "any", sent: String(hop.status), failing: false });
  }
  return rows;
}
