import { actualCurl, preflightCurl } from "../../../report/curl";
import type { ReportExchange } from "../../../report/report";
import { evidenceRows } from "../evidence";
import { badgeOf } from "../model";
import { Fixes } from "./Fixes";
import { HeadersTable } from "./HeadersTable";
import { HeaderValue } from "./HeaderValue";
import { RichText } from "./RichText";
import { Timeline } from "./Timeline";

export interface DetailProps {
  x: ReportExchange;
  stack: string;
  onStack(stack: string): void;
  onCopy(text: string): void;
  onClose(): void;
}

export function ExchangeDetail({ x, stack, onStack, onCopy, onClose }: DetailProps) {
  const cause = x.causes[0];
  const rows = evidenceRows(x);
  const preflightCmd = preflightCurl(x);
  const badge = badgeOf(x);
  return (
    <article class="detail" aria-label="Request details">
      <header>
        <button type="button" class="close" onClick={onClose} aria-label="Close details">
          ×
        </button>
        <span class={`badge ${badge.tone}`}>{badge.label}</span> <code class="verb">{x.method}</code>{" "}
        <span class="url">{x.url}</span>
      </header>
      {cause ? (
        <section class="cause">
          <h2>{cause.title}</h2>
          <p class="message">
            <RichText text={cause.message} />
          </p>
          <p class="names muted">
            Chromium: <code>{cause.chromium ?? "no CORS error (net error)"}</code> · Firefox:{" "}
            <code>{cause.firefox ?? "—"}</code> · stage: {cause.stage}
          </p>
        </section>
      ) : (
        <section class="cause">
          <h2>
            {x.verdict === "allowed"
              ? "Allowed by the CORS checks"
              : x.verdict === "not-cors"
                ? "Not a CORS decision"
                : "Not enough evidence"}
          </h2>
          {x.evidence.unknownReason ? (
            <p class="message">
              <RichText text={x.evidence.unknownReason} />
            </p>
          ) : null}
        </section>
      )}
      <p class="muted credentials">
        Credentials: {x.credentials} — {x.evidence.credentials}
      </p>
      {rows.length > 0 ? (
        <table class="evidence" aria-label="Evidence">
          <thead>
            <tr>
              <th>Header</th>
              <th>What the browser required</th>
              <th>What the server sent</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.label}
                class={r.failing ? "failing" : ""}
                data-failing={r.failing ? "true" : undefined}
              >
                <th scope="row">{r.label}</th>
                <td>
                  <HeaderValue value={r.required} />
                </td>
                <td>
                  <HeaderValue value={r.sent} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>Timeline</h3>
      <Timeline x={x} />
      {x.findings.length > 0 ? (
        <>
          <h3>Findings</h3>
          <ul class="findings">
            {x.findings.map((f) => (
              <li key={f.code} class={`finding ${f.severity}`}>
                <strong>{f.title}</strong> <span class="muted">({f.code})</span>
                <p>
                  <RichText text={f.message} />
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {cause && cause.fixes.length > 0 ? (
        <>
          <h3>Fix</h3>
          <Fixes fixes={cause.fixes} stack={stack} onStack={onStack} onCopy={onCopy} />
        </>
      ) : null}
      <h3>Reproduce with cURL</h3>
      <div class="curl">
        {preflightCmd ? (
          <button type="button" onClick={() => onCopy(preflightCmd)}>
            Copy preflight as cURL
          </button>
        ) : null}
        <button type="button" onClick={() => onCopy(actualCurl(x))}>
          Copy request as cURL
        </button>
      </div>
      <h3>Raw headers</h3>
      <HeadersTable title="Request headers" headers={x.requestHeaders ?? x.hops[0]?.requestHeaders ?? []} />
      {x.preflight ? (
        <HeadersTable title="Preflight response headers" headers={x.preflight.responseHeaders} />
      ) : null}
      {x.hops.map((hop, i) => (
        <HeadersTable
          key={`${hop.url}-${i}`}
          title={`Response headers (${hop.status ?? "no response"}) ${i < x.hops.length - 1 ? "redirect" : ""}`}
          headers={hop.responseHeaders}
        />
      ))}
      {x.error ? (
        <p class="muted">
          Browser error: <HeaderValue value={x.error} />
        </p>
      ) : null}
    </article>
  );
}
