/**
 * The evidence table of one exchange, from the engine that made the verdict: for each header the
 * failing check looked at, what the browser required and what the server sent, with the row the
 * check stopped on marked (its cause's `failingRow`, in `causes/<code>.ts`).
 */
import { type Translate, tEn } from "../i18n";
import { CAUSES } from "./causes";
import { combinedHeader } from "./headers";
import type { Cause, CredentialsMode, Hop } from "./types";

export interface EvidenceRow {
  label: string;
  required: string;
  sent: string | null;
  failing: boolean;
}

/** What the table needs of an exchange (a report exchange has it all). */
export interface EvidenceSubject {
  method: string;
  /** The `Origin` the request sent, or null. */
  origin: string | null;
  credentials: CredentialsMode;
  preflight: Hop | null;
  hops: readonly Hop[];
  causes: readonly Cause[];
}

/** The response the failing check read: the preflight for a preflight-stage cause, else the last hop. */
export function failingHop(x: EvidenceSubject): Hop | null {
  const cause = x.causes[0];
  if (cause?.stage === "preflight") return x.preflight;
  return x.hops[x.hops.length - 1] ?? x.preflight;
}

export function evidenceRows(x: EvidenceSubject, t: Translate = tEn): EvidenceRow[] {
  const cause = x.causes[0] ?? null;
  const hop = failingHop(x);
  if (!hop) return [];
  const failingRow = cause ? CAUSES[cause.code].failingRow : null;
  const failsOn = (header: string) => failingRow === "header" && cause?.header === header;
  const onPreflight = hop === x.preflight && x.preflight !== null;
  const credentialed = x.credentials === "include";
  const origin = x.origin ?? t("evidence.not-sent");
  const sent = (name: string) => combinedHeader(hop.responseHeaders, name);
  const rows: EvidenceRow[] = [
    { label: t("evidence.origin-request"), required: "—", sent: origin, failing: false },
    {
      label: "Access-Control-Allow-Origin",
      required:
        cause?.header === "access-control-allow-origin" && cause.expected
          ? cause.expected
          : credentialed
            ? origin
            : t("evidence.origin-or-star", { origin }),
      sent: sent("access-control-allow-origin"),
      failing: failsOn("access-control-allow-origin"),
    },
  ];
  if (credentialed || cause?.header === "access-control-allow-credentials") {
    rows.push({
      label: "Access-Control-Allow-Credentials",
      required: "true",
      sent: sent("access-control-allow-credentials"),
      failing: failsOn("access-control-allow-credentials"),
    });
  }
  if (onPreflight) {
    const asked = hop.requestHeaders;
    rows.push({
      label: t("evidence.status-preflight"),
      required: "200–299",
      sent: hop.status === null ? null : String(hop.status),
      failing: failingRow === "preflight-status",
    });
    rows.push({
      label: "Access-Control-Allow-Methods",
      required: combinedHeader(asked, "access-control-request-method") ?? x.method,
      sent: sent("access-control-allow-methods"),
      failing: failsOn("access-control-allow-methods"),
    });
    const names = combinedHeader(asked, "access-control-request-headers");
    if (names || cause?.header === "access-control-allow-headers") {
      rows.push({
        label: "Access-Control-Allow-Headers",
        required: names ?? "—",
        sent: sent("access-control-allow-headers"),
        failing: failsOn("access-control-allow-headers"),
      });
    }
    if (cause?.code === "preflight-redirected")
      rows.push({
        label: "Location",
        required: t("evidence.no-redirect"),
        sent: sent("location"),
        failing: true,
      });
  } else if (hop.status !== null) {
    rows.push({
      label: t("evidence.status"),
      required: t("evidence.any"),
      sent: String(hop.status),
      failing: false,
    });
  }
  return rows;
}
