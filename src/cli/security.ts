/**
 * `cors-lens probe --security`: the origin checks CORS scanners make, against the user's own API
 * (opt-in; the extension never probes). One simple GET per crafted `Origin`; a finding when the
 * API trusts an origin it should not. The look-alikes are built from the page's real origin, so
 * each one names the matching bug it catches (a prefix, a suffix or a regex test instead of an
 * exact comparison).
 */
import { combinedHeader, type Severity } from "../engine";
import { type Translate, tEn } from "../i18n";
import { Deadline, type Send, sendBefore } from "./probe";

export interface SecurityCheck {
  /** The check, which also names what a server that accepts its Origin does wrong (`security.allowed.message`). */
  id: string;
  /** The Origin sent. */
  origin: string;
}

export interface SecurityFinding {
  check: string;
  origin: string;
  severity: Severity;
  allowOrigin: string | null;
  credentials: boolean;
  message: string;
  fix: string;
}

/** The crafted origins for a page at `origin` (https://app.example.com). */
export function securityChecks(origin: string): SecurityCheck[] {
  const url = new URL(origin);
  const host = url.hostname;
  const port = url.port ? `:${url.port}` : "";
  const scheme = url.protocol;
  const parts = host.split(".");
  const checks: SecurityCheck[] = [
    { id: "arbitrary-origin", origin: "https://cors-lens-probe.invalid" },
    {
      id: "null-origin",
      origin: "null",
    },
    {
      id: "suffix-look-alike",
      origin: `${scheme}//${host}.cors-lens-probe.invalid${port}`,
    },
    {
      id: "prefix-look-alike",
      origin: `${scheme}//cors-lens-probe${host}${port}`,
    },
    {
      id: "subdomain",
      origin: `${scheme}//cors-lens-probe.${host}${port}`,
    },
  ];
  if (parts.length > 1) {
    // "app.example.com" tested by an unanchored or unescaped regex: "appXexample.com" matches `app.example.com`.
    const dotless = `${parts
      .slice(0, -1)
      .join(".")
      .replace(/\.([^.]*)$/, "x$1")}.${parts.at(-1)}`;
    if (dotless !== host)
      checks.push({
        id: "unescaped-dot",
        origin: `${scheme}//${dotless}${port}`,
      });
  }
  if (scheme === "https:")
    checks.push({
      id: "http-origin",
      origin: `http://${host}${port}`,
    });
  return checks;
}

/**
 * Runs the checks: a GET with each crafted Origin (and the real one, to see whether the API answers
 * at all), and the `*` with credentials answer. `timeoutMs` bounds the scan as a whole, every
 * request included, not each request.
 */
export async function securityProbe(
  url: string,
  origin: string,
  send: Send,
  timeoutMs: number,
  t: Translate = tEn,
): Promise<SecurityFinding[]> {
  const deadline = new Deadline(timeoutMs);
  const ask = async (o: string) => {
    const r = await sendBefore(send, {
      url,
      method: "GET",
      headers: [
        ["Origin", o],
        ["Accept", "*/*"],
        ["Sec-Fetch-Mode", "cors"],
      ],
      deadline,
    });
    const allow = combinedHeader(r.headers, "access-control-allow-origin")?.trim() ?? null;
    const credentials = combinedHeader(r.headers, "access-control-allow-credentials")?.trim() === "true";
    return { allow, credentials };
  };
  const findings: SecurityFinding[] = [];
  const real = await ask(origin);
  if (real.allow === "*" && real.credentials)
    findings.push({
      check: "wildcard-with-credentials",
      origin,
      severity: "warning",
      allowOrigin: "*",
      credentials: true,
      message: t("security.wildcard.message"),
      fix: t("security.wildcard.fix", { origin }),
    });
  for (const check of securityChecks(origin)) {
    const answer = await ask(check.origin);
    if (answer.allow !== check.origin) continue;
    const severity: Severity = answer.credentials ? "error" : "warning";
    findings.push({
      check: check.id,
      origin: check.origin,
      severity,
      allowOrigin: answer.allow,
      credentials: answer.credentials,
      message: t("security.allowed.message", {
        probe: check.origin,
        credentials: answer.credentials ? "yes" : "no",
        check: check.id,
      }),
      fix: t("security.allowed.fix", { origin }),
    });
  }
  return findings;
}
