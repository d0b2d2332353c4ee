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
import type { PastedFix } from "../config-fix";
import { useT } from "../i18n";
import { badgeOf } from "../model";
import { Breakable } from "./Breakable";
import { ConfigPaste } from "./ConfigPaste";
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
  /** "Paste your config": the patch for the user's file from this host's requests (lazily loaded). */
  onFixConfig?(x: ReportExchange, name: string, text: string): Promise<PastedFix>;
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
  const t = useT();
  if (!link) return null;
  return (
    <span class="docs">
      {t("panel.words.learn-more")}{" "}
      <a href={link.url} target="_blank" rel="noreferrer noopener">
        {link.title}
      </a>
    </span>
  );
}

/**
 * The failing check in one line, at the top: what the browser required, what the server sent. Both
 * quote the exchange (an origin, a header value): made visible, so a bidi override cannot make one
 * origin read as another.
 */
function RequiredVsSent({ row }: { row: EvidenceRow | undefined }) {
  const t = useT();
  if (!row) return null;
  return (
    <p class="required-sent" data-testid="required-vs-sent">
      <strong>{visibleText(row.label)}</strong>: {t("panel.detail.required-sent-required")}{" "}
      <code class="required">{visibleText(row.required)}</code>, {t("panel.detail.required-sent-sent")}{" "}
      {row.sent === null ? (
        <span class="absent">{t("panel.detail.nothing")}</span>
      ) : (
        <code class="sent">{visibleText(row.sent)}</code>
      )}
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
  const t = useT();
  const ctx = wordsContext(x, cause);
  const chromium = chromiumConsoleMessage(cause, ctx);
  const firefox = cause.firefox ? firefoxConsoleMessage(cause.firefox, cause, ctx) : null;
  return (
    <section class="browser-words" aria-label={t("panel.words.title")}>
      <h3>{t("panel.words.title")}</h3>
      <div class="words">
        <div class="who">
          Chromium{" "}
          <code title="network::mojom::CorsError">
            {cause.chromium ? visibleText(cause.chromium) : t("panel.words.chromium-no-cors")}
          </code>
        </div>
        {chromium ? (
          <>
            <blockquote class="console" data-browser="chromium">
              {visibleText(chromium)}
            </blockquote>
            <CopyButton
              text={chromium}
              label={t("panel.words.copy")}
              ariaLabel={t("panel.words.copy-chromium")}
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
            <code title={t("panel.words.firefox-key")}>{visibleText(cause.firefox)}</code>
          ) : (
            <span class="muted">{t("panel.words.firefox-none")}</span>
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
  const t = useT();
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
        {t("panel.reproduce.secrets")}
      </label>
      {preflight ? (
        <CopyButton text={preflight} label={t("panel.reproduce.preflight-curl")} onCopy={onCopy} />
      ) : null}
      <CopyButton text={actualCurl(x)} label={t("panel.reproduce.request-curl")} onCopy={onCopy} />
      <CopyButton text={actualFetch(x)} label={t("panel.reproduce.fetch")} onCopy={onCopy} />
      {preflightPs ? (
        <CopyButton text={preflightPs} label={t("panel.reproduce.preflight-ps")} onCopy={onCopy} />
      ) : null}
      <CopyButton text={actualPowerShell(x)} label={t("panel.reproduce.request-ps")} onCopy={onCopy} />
    </div>
  );
}

export function ExchangeDetail({ x, stack, onStack, onCopy, onClose, onFixConfig }: DetailProps) {
  const t = useT();
  const cause = x.causes[0];
  const rows = evidenceRows(x, t);
  const failing = rows.find((r) => r.failing);
  const badge = badgeOf(x, t);
  return (
    <article class="detail" aria-label={t("panel.detail.label")}>
      <header>
        <button
          type="button"
          class="close"
          onClick={onClose}
          aria-label={t("panel.detail.close")}
          title={t("panel.detail.close-title")}
        >
          ×
        </button>
        <span class={`badge ${badge.tone}`}>{badge.label}</span>{" "}
        <code class="verb">{visibleText(x.method)}</code>{" "}
        <span class="url">
          <Breakable text={x.url} />
        </span>
        {x.viaWorker ? (
          <p class="via-worker-note">
            <RichText text={t("panel.detail.via-worker")} />
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
              ? t("panel.detail.allowed")
              : x.verdict === "not-cors"
                ? t("panel.detail.not-cors")
                : t("panel.detail.unknown")}
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
          <h3>{t("panel.detail.fix")}</h3>
          <Fixes fixes={cause.fixes} stack={stack} onStack={onStack} onCopy={onCopy} server={x.server} />
          {onFixConfig ? (
            <ConfigPaste key={x.id} onFix={(name, text) => onFixConfig(x, name, text)} onCopy={onCopy} />
          ) : null}
        </>
      ) : null}
      {cause ? <BrowserWords x={x} cause={cause} onCopy={onCopy} /> : null}
      {x.findings.length > 0 ? (
        <>
          <h3>{t("panel.detail.findings")}</h3>
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
      <h3>{t("panel.detail.evidence")}</h3>
      <p class="muted credentials">
        {t("panel.detail.credentials", {
          mode: visibleText(x.credentials),
          basis: visibleText(x.evidence.credentials),
        })}
      </p>
      {rows.length > 0 ? (
        <table class="evidence" aria-label={t("panel.detail.evidence")}>
          <thead>
            <tr>
              <th>{t("panel.detail.evidence-header")}</th>
              <th>{t("panel.detail.evidence-required")}</th>
              <th>{t("panel.detail.evidence-sent")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.label}
                class={r.failing ? "failing" : ""}
                data-failing={r.failing ? "true" : undefined}
              >
                <th scope="row">{visibleText(r.label)}</th>
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
      <h3>{t("panel.detail.timeline")}</h3>
      <Timeline x={x} />
      <h3>{t("panel.detail.reproduce")}</h3>
      <Reproduce x={x} onCopy={onCopy} />
      <h3>{t("panel.detail.raw-headers")}</h3>
      <HeadersTable
        title={t("panel.detail.request-headers")}
        headers={x.requestHeaders ?? x.hops[0]?.requestHeaders ?? []}
      />
      {x.preflight ? (
        <HeadersTable title={t("panel.detail.preflight-headers")} headers={x.preflight.responseHeaders} />
      ) : null}
      {x.hops.map((hop, i) => (
        <HeadersTable
          key={`${hop.url}-${i}`}
          title={t("panel.detail.response-headers", {
            status: hop.status ?? t("panel.detail.no-response"),
            redirect: i < x.hops.length - 1 ? "yes" : "no",
          })}
          headers={hop.responseHeaders}
        />
      ))}
      {x.error ? (
        <p class="muted">
          {t("panel.detail.browser-error")} <HeaderValue value={x.error} />
        </p>
      ) : null}
    </article>
  );
}
