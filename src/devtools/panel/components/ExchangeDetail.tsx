import { useState } from "preact/hooks";
import {
  type BrowserWordsContext,
  type Cause,
  chromiumConsoleMessage,
  chromiumDocs,
  type EvidenceRow,
  evidenceRows,
  failingHop,
  firefoxConsoleMessage,
  firefoxDocs,
} from "../../../engine";
import { actualFetch, actualPowerShell, preflightPowerShell } from "../../../report/copy-as";
import { actualCurl, preflightCurl } from "../../../report/curl";
import { redactForCopy } from "../../../report/redact";
import type { ReportExchange } from "../../../report/report";
import { visibleText } from "../../../report/safe-text";
import { badgeOf } from "../model";
import { Breakable } from "./Breakable";
import { CopyButton } from "./CopyButton";
import { Fixes } from "./Fixes";
import { HeadersTable } from "./HeadersTable";
import { HeaderValue } from "./HeaderValue";
import { RichText } from "./RichText";
import { Timeline } from "./Timeline";

export interface DetailProps {
  x: ReportExchange;
  stack: string;
  onStack(stack: string): void;
  onCopy(text: string): boolean | undefined;
  onClose(): void;
}

function wordsContext(x: ReportExchange, cause: Cause): BrowserWordsContext {
  const hop = failingHop(x);
  const last = x.hops[x.hops.length - 1];
  return {
    url: x.url,
    finalUrl: cause.stage === "preflight" ? null : (last?.url ?? null),
    pageOrigin: x.initiator ?? x.origin,
    resourceType: x.resourceType,
    status: hop?.status ?? null,
  };
}

function DocsLink({ link }: { link: { url: string; title: string } | null }) {
  if (!link) return null;
  return (
    <span class="docs">
      Learn more:{" "}
      <a href={link.url} target="_blank" rel="noreferrer noopener">
        {link.title}
      </a>
    </span>
  );
}

/** The failing check in one line, at the top: what the browser required, what the server sent. */
function RequiredVsSent({ row }: { row: EvidenceRow | undefined }) {
  if (!row) return null;
  return (
    <p class="required-sent" data-testid="required-vs-sent">
      <strong>{row.label}</strong>: required <code class="required">{row.required}</code>, sent{" "}
      {row.sent === null ? <span class="absent">nothing</span> : <code class="sent">{row.sent}</code>}
    </p>
  );
}

/** Chromium's console sentence and Firefox's reason, in their words, with their documentation links. */
function BrowserWords({
  x,
  cause,
  onCopy,
}: {
  x: ReportExchange;
  cause: Cause;
  onCopy: DetailProps["onCopy"];
}) {
  const ctx = wordsContext(x, cause);
  const chromium = chromiumConsoleMessage(cause, ctx);
  const firefox = cause.firefox ? firefoxConsoleMessage(cause.firefox, cause, ctx) : null;
  return (
    <section class="browser-words" aria-label="What the browsers say">
      <h3>What the browsers say</h3>
      <div class="words">
        <div class="who">
          Chromium{" "}
          <code title="network::mojom::CorsError">{cause.chromium ?? "no CORS error (a network error)"}</code>
        </div>
        {chromium ? (
          <>
            <blockquote class="console" data-browser="chromium">
              {visibleText(chromium)}
            </blockquote>
            <CopyButton
              text={chromium}
              label="Copy"
              ariaLabel="Copy Chromium's message"
              onCopy={onCopy}
            />{" "}
          </>
        ) : null}
        <DocsLink link={chromiumDocs(cause.code)} />
      </div>
      <div class="words">
        <div class="who">
          Firefox{" "}
          {cause.firefox ? (
            <code title="the reason key in Firefox's security.properties">{cause.firefox}</code>
          ) : (
            <span class="muted">reports no CORS reason for this</span>
          )}
        </div>
        {firefox ? (
          <blockquote class="console" data-browser="firefox">
            {visibleText(firefox)}
          </blockquote>
        ) : null}
        {cause.firefox ? <DocsLink link={firefoxDocs(cause.firefox)} /> : null}
      </div>
    </section>
  );
}

function Reproduce({ x: shown, onCopy }: { x: ReportExchange; onCopy: DetailProps["onCopy"] }) {
  // Copies leave the panel: Cookie, Authorization, tokens in URLs are redacted unless asked for.
  const [withSecrets, setWithSecrets] = useState(false);
  const x = withSecrets ? shown : redactForCopy(shown);
  const preflight = preflightCurl(x);
  const preflightPs = preflightPowerShell(x);
  return (
    <div class="reproduce">
      <label class="with-secrets">
        <input
          type="checkbox"
          checked={withSecrets}
          onChange={(e) => setWithSecrets(e.currentTarget.checked)}
        />{" "}
        Include secrets (cookies, tokens)
      </label>
      {preflight ? <CopyButton text={preflight} label="Copy preflight as cURL" onCopy={onCopy} /> : null}
      <CopyButton text={actualCurl(x)} label="Copy request as cURL" onCopy={onCopy} />
      <CopyButton text={actualFetch(x)} label="Copy as fetch" onCopy={onCopy} />
      {preflightPs ? (
        <CopyButton text={preflightPs} label="Copy preflight as PowerShell" onCopy={onCopy} />
      ) : null}
      <CopyButton text={actualPowerShell(x)} label="Copy request as PowerShell" onCopy={onCopy} />
    </div>
  );
}

export function ExchangeDetail({ x, stack, onStack, onCopy, onClose }: DetailProps) {
  const cause = x.causes[0];
  const rows = evidenceRows(x);
  const failing = rows.find((r) => r.failing);
  const badge = badgeOf(x);
  return (
    <article class="detail" aria-label="Request details">
      <header>
        <button type="button" class="close" onClick={onClose} aria-label="Close details" title="Close (Esc)">
          ×
        </button>
        <span class={`badge ${badge.tone}`}>{badge.label}</span>{" "}
        <code class="verb">{visibleText(x.method)}</code>{" "}
        <span class="url">
          <Breakable text={x.url} />
        </span>
        {x.viaWorker ? (
          <p class="via-worker-note">
            Via a worker: the page's service worker (or a shared worker) re-issued this request with its own
            fetch options (`mode`, `credentials`); the fix is the same on the server, and on the page side it
            lives in the worker's `fetch` call.
          </p>
        ) : null}
      </header>
      {cause ? (
        <section class="cause">
          <h2>{visibleText(cause.title)}</h2>
          <RequiredVsSent row={failing} />
          <p class="message">
            <RichText text={cause.message} />
          </p>
        </section>
      ) : (
        <section class="cause">
          <h2 class={x.verdict === "allowed" ? "ok" : ""}>
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
      {cause && cause.fixes.length > 0 ? (
        <>
          <h3>Fix</h3>
          <Fixes fixes={cause.fixes} stack={stack} onStack={onStack} onCopy={onCopy} server={x.server} />
        </>
      ) : null}
      {cause ? <BrowserWords x={x} cause={cause} onCopy={onCopy} /> : null}
      {x.findings.length > 0 ? (
        <>
          <h3>Findings</h3>
          <ul class="findings">
            {x.findings.map((f) => (
              <li key={f.code} class={`finding ${f.severity}`}>
                <strong>{visibleText(f.title)}</strong> <span class="muted">({f.code})</span>
                <p>
                  <RichText text={f.message} />
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Evidence</h3>
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
                  <Breakable text={r.required} />
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
      <h3>Reproduce</h3>
      <Reproduce x={x} onCopy={onCopy} />
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
