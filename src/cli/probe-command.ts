/**
 * `cors-lens probe URL --origin ORIGIN …`: the command around `probe()`. Exit 0 when `--expect` is
 * met (or, without it, when no browser blocks), 1 when not, 2 for bad input or no response.
 */
import { parseArgs } from "node:util";
import {
  type BrowserName,
  diagnose,
  evidenceRows,
  type HeaderList,
  originOf,
  SERVER_STACKS,
} from "../engine";
import { toJunit, toSarif } from "../report/ci-formats";
import { buildReport, type ReportDocument } from "../report/report";
import { visibleText } from "../report/safe-text";
import { ProbeError, type ProbeRequest, probe, type Send } from "./probe";
import { type SecurityFinding, securityProbe } from "./security";
import { ansiPaint, NO_PAINT, summarize } from "./summary";

export const PROBE_USAGE = `Usage: cors-lens probe URL --origin ORIGIN [options]

Sends what a browser on a page at ORIGIN would send to URL (the preflight when one is needed, then
the request), and explains the answer as Chromium and Firefox would decide it.

Options:
  --origin ORIGIN           the page's origin (required), e.g. https://app.example.com
  --method M                the request method (default GET; case is kept: patch is not PATCH)
  --header NAME[:VALUE]     a header the page's script sets (repeatable); VALUE defaults to "x"
  --credentials             the request is made with credentials (fetch credentials: "include")
  --browser chromium|firefox|both   whose rules to apply (default both)
  --expect allowed|blocked  exit 0 when every chosen browser decides so, else 1
  --format text|json|sarif|junit  the summary, the report document (one exchange), SARIF or JUnit XML
  --stack NAME              the fix for this server stack (default: the one detected)
  --timeout SECONDS         per request (default 10)
  --include-secrets         keep header values such as Authorization in --format json
  --security                instead: the origin checks CORS scanners make (arbitrary origin reflected,
                            null, look-alikes of ORIGIN, unescaped-dot regexes, http: trusted by https,
                            * with credentials); exit 1 when any is found. Only against your own API.`;

export class ProbeUsageError extends Error {}

export interface ProbeOptions {
  request: ProbeRequest;
  browsers: BrowserName[];
  expect: "allowed" | "blocked" | null;
  format: "text" | "json" | "sarif" | "junit";
  stack: string | null;
  includeSecrets: boolean;
  security: boolean;
}

function headerArg(arg: string): [string, string] {
  const colon = arg.indexOf(":");
  const name = (colon < 0 ? arg : arg.slice(0, colon)).trim();
  const value = colon < 0 ? "x" : arg.slice(colon + 1).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ProbeUsageError(`not a header name: "${name}"`);
  return [name, value];
}

export function parseProbeArgs(argv: string[]): ProbeOptions {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        origin: { type: "string" },
        method: { type: "string" },
        header: { type: "string", multiple: true },
        credentials: { type: "boolean" },
        browser: { type: "string" },
        expect: { type: "string" },
        format: { type: "string" },
        stack: { type: "string" },
        timeout: { type: "string" },
        "include-secrets": { type: "boolean" },
        security: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new ProbeUsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const [url, ...more] = parsed.positionals;
  if (url === undefined) throw new ProbeUsageError("missing URL (cors-lens probe URL --origin ORIGIN)");
  if (more.length > 0) throw new ProbeUsageError(`one URL at a time (got "${url}" and "${more[0]}")`);
  if (originOf(url) === null) throw new ProbeUsageError(`not an http(s) URL: "${url}"`);
  const origin = typeof v.origin === "string" ? v.origin : null;
  if (origin === null)
    throw new ProbeUsageError("--origin is required: the page's origin, e.g. https://app.example.com");
  if (origin !== "null" && originOf(origin) !== origin)
    throw new ProbeUsageError(
      `--origin must be an origin such as https://app.example.com (no path), not "${origin}"`,
    );
  const browser = typeof v.browser === "string" ? v.browser : "both";
  if (!["chromium", "firefox", "both"].includes(browser))
    throw new ProbeUsageError(`--browser must be chromium, firefox or both, not "${browser}"`);
  const expect = typeof v.expect === "string" ? v.expect : null;
  if (expect !== null && expect !== "allowed" && expect !== "blocked")
    throw new ProbeUsageError(`--expect must be allowed or blocked, not "${expect}"`);
  const format = typeof v.format === "string" ? v.format : "text";
  if (format !== "text" && format !== "json" && format !== "sarif" && format !== "junit")
    throw new ProbeUsageError(`--format must be text, json, sarif or junit, not "${format}"`);
  const stack = typeof v.stack === "string" ? v.stack : null;
  if (stack !== null && !(SERVER_STACKS as string[]).includes(stack))
    throw new ProbeUsageError(`unknown stack "${stack}" (one of: ${SERVER_STACKS.join(", ")})`);
  const timeout = typeof v.timeout === "string" ? Number(v.timeout) : 10;
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new ProbeUsageError(`--timeout must be a number of seconds`);
  const method = typeof v.method === "string" ? v.method : "GET";
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method)) throw new ProbeUsageError(`not a method: "${method}"`);
  const headers: HeaderList = (Array.isArray(v.header) ? v.header : []).map(headerArg);
  return {
    request: { url, origin, method, headers, credentials: v.credentials === true, timeoutMs: timeout * 1000 },
    browsers: browser === "both" ? ["chromium", "firefox"] : [browser as BrowserName],
    expect,
    format,
    stack,
    includeSecrets: v["include-secrets"] === true,
    security: v.security === true,
  };
}

/** Runs the probe; `send` is the network (Node's http/https in the command, a stub in no test). */
export async function runProbe(
  argv: string[],
  send: Send,
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
): Promise<number> {
  let options: ProbeOptions;
  try {
    options = parseProbeArgs(argv);
  } catch (error) {
    err(`cors-lens probe: ${visibleText((error as Error).message)}\n`);
    return 2;
  }
  if (options.security) return runSecurity(options, send, out, err, color);
  const [first] = options.browsers as [BrowserName, ...BrowserName[]];
  let report: ReportDocument;
  const verdicts: Array<[BrowserName, string]> = [];
  try {
    // The requests depend on the browser only where it stops; both stop on any failure the same way.
    const exchange = await probe(options.request, send, first);
    for (const b of options.browsers) {
      const d = diagnose(exchange, { browser: b });
      const cause = d.causes[0];
      verdicts.push([
        b,
        d.verdict === "blocked" && cause
          ? `blocked: ${cause.title} (${(b === "chromium" ? cause.chromium : cause.firefox) ?? "no CORS name"})`
          : d.verdict,
      ]);
    }
    report = buildReport(
      [exchange],
      { kind: "probe", url: options.request.url, origin: options.request.origin },
      { browser: first, includeSecrets: options.includeSecrets },
    );
  } catch (error) {
    err(
      `cors-lens probe: ${visibleText(error instanceof ProbeError ? error.message : `could not probe (${(error as Error).message})`)}\n`,
    );
    return 2;
  }
  if (options.format === "json") out(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === "sarif") out(toSarif(report, options.stack));
  else if (options.format === "junit") out(toJunit(report, options.stack));
  else {
    const paint = color ? ansiPaint() : NO_PAINT;
    const lines = summarize(report, { stack: options.stack, paint, notes: [] });
    const x = report.exchanges[0];
    lines.splice(
      1,
      1,
      ...verdicts.map(
        ([b, v]) =>
          `${b === "chromium" ? "Chromium" : "Firefox"}: ${v.startsWith("blocked") ? paint.red(v) : paint.green(v)}`,
      ),
      ...(x ? evidenceRows(x) : [])
        .filter((row) => row.failing)
        .map(
          (row) =>
            `  ${row.label}: required ${visibleText(row.required)}, sent ${visibleText(row.sent ?? "(none)")}`,
        ),
      ...(x?.preflight ? [paint.dim(`  preflight: OPTIONS answered ${x.preflight.status}`)] : []),
      ...(x?.hops ?? []).map((h) =>
        paint.dim(`  ${visibleText(h.method)} ${visibleText(h.url)} answered ${h.status}`),
      ),
    );
    out(`${lines.join("\n")}\n`);
  }
  const blocked = verdicts.map(([, v]) => v.startsWith("blocked"));
  if (options.expect === null) return blocked.some(Boolean) ? 1 : 0;
  return blocked.every((b) => b === (options.expect === "blocked")) ? 0 : 1;
}

async function runSecurity(
  options: ProbeOptions,
  send: Send,
  out: (s: string) => void,
  err: (s: string) => void,
  color: boolean,
): Promise<number> {
  const { url, origin, timeoutMs } = options.request;
  let findings: SecurityFinding[];
  try {
    findings = await securityProbe(url, origin, send, timeoutMs);
  } catch (error) {
    err(
      `cors-lens probe: ${visibleText(error instanceof ProbeError ? error.message : `could not probe (${(error as Error).message})`)}\n`,
    );
    return 2;
  }
  if (options.format === "json") {
    out(`${JSON.stringify({ format: "cors-lens-security", url, origin, findings }, null, 2)}\n`);
  } else {
    const paint = color ? ansiPaint() : NO_PAINT;
    const lines = [
      paint.bold(`CORS Lens security probe — ${visibleText(url)} (page origin ${visibleText(origin)})`),
    ];
    for (const f of findings)
      lines.push(
        "",
        (f.severity === "error" ? paint.red : paint.yellow)(
          `${f.severity === "error" ? "✖" : "▲"} ${f.check}: Origin ${visibleText(f.origin)}`,
        ),
        `  ${visibleText(f.message)}`,
        paint.green(`  Fix: ${visibleText(f.fix)}`),
      );
    if (findings.length === 0) lines.push("", paint.green("✔ No origin beyond the page's own was trusted."));
    out(`${lines.join("\n")}\n`);
  }
  return findings.length > 0 ? 1 : 0;
}
