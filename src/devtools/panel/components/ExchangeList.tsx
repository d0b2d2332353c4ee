import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ReportExchange } from "../../../report/report";
import { visibleText } from "../../../report/safe-text";
import { useT } from "../i18n";
import { badgeOf, summaryOf } from "../model";
import { rowDomId, splitUrl } from "../url-parts";

export const ROW_HEIGHT = 22;
/** Narrow dock: the cause gets a second line instead of being cut to a few letters. */
export const NARROW_ROW_HEIGHT = 38;
const OVERSCAN = 10;

function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString(undefined, { hour12: false });
}

export interface ExchangeListProps {
  exchanges: ReportExchange[];
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  narrow?: boolean;
}

/** A virtualized list: only the rows in view (plus a few) are in the DOM, so 2,000 stay fast. */
export function ExchangeList({ exchanges, selectedId, onSelect, onOpen, narrow = false }: ExchangeListProps) {
  const t = useT();
  const rowHeight = narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const stickToBottom = useRef(true);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight || 400);
    if (stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [exchanges.length, rowHeight]);

  useEffect(() => {
    const el = box.current;
    if (!el || selectedId === null) return;
    const index = exchanges.findIndex((x) => x.id === selectedId);
    if (index < 0) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
  }, [selectedId, rowHeight]);

  let first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  let last = Math.min(exchanges.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  // The active descendant must be in the DOM for screen readers, even when scrolled away.
  const selectedIndex = selectedId === null ? -1 : exchanges.findIndex((x) => x.id === selectedId);
  if (selectedIndex >= 0 && (selectedIndex < first || selectedIndex >= last)) {
    first = Math.min(first, selectedIndex);
    last = Math.max(last, selectedIndex + 1);
  }
  const rows = exchanges.slice(first, last);

  return (
    <>
      <div class={`list-header${narrow ? " narrow" : ""}`} aria-hidden="true">
        <span class="badge-col">{t("panel.list.verdict")}</span>
        <span class="method">{t("panel.list.method")}</span>
        <span class="url">{t("panel.list.name")}</span>
        <span class="status">{t("panel.list.status")}</span>
        {narrow ? null : (
          <>
            <span class="cause">{t("panel.list.cause")}</span>
            <span class="time">{t("panel.list.time")}</span>
          </>
        )}
      </div>
      <div
        class={`list${narrow ? " narrow" : ""}`}
        ref={box}
        role="listbox"
        aria-label={t("panel.list.label")}
        aria-activedescendant={selectedIndex >= 0 && selectedId !== null ? rowDomId(selectedId) : undefined}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          stickToBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
        }}
      >
        <div style={{ height: `${exchanges.length * rowHeight}px`, position: "relative" }}>
          {rows.map((x, i) => {
            const badge = badgeOf(x, t);
            const status = x.hops[x.hops.length - 1]?.status ?? x.preflight?.status ?? null;
            const summary = summaryOf(x, t);
            const { host, path, query } = splitUrl(x.url);
            const method = visibleText(x.method);
            return (
              // biome-ignore lint/a11y/useFocusableInteractive: the listbox keeps the focus; options are its aria-activedescendant
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keys (arrows, Enter) are the listbox's, handled by the panel
              <div
                key={x.id}
                id={rowDomId(x.id)}
                class={`row${x.id === selectedId ? " selected" : ""}`}
                role="option"
                aria-selected={x.id === selectedId}
                data-verdict={x.verdict}
                style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}
                onClick={() => onSelect(x.id)}
                onDblClick={() => onOpen(x.id)}
              >
                <span class="line">
                  <span class={`badge ${badge.tone}`}>{badge.label}</span>
                  <span class="method">{method}</span>
                  <span class="url" title={visibleText(x.url)}>
                    <span class="path">{visibleText(path)}</span>
                    <span class="query">{visibleText(query)}</span>{" "}
                    <span class="host">{visibleText(host)}</span>
                    {x.viaWorker ? (
                      <span class="via-worker" title={t("panel.list.via-worker-title")}>
                        {" "}
                        {t("panel.list.via-worker")}
                      </span>
                    ) : null}
                  </span>
                  <span class="status">{status ?? "—"}</span>
                  {narrow ? null : (
                    <span class={`cause ${summary?.tone ?? ""}`} title={visibleText(summary?.text ?? "")}>
                      {visibleText(summary?.text ?? "")}
                    </span>
                  )}
                  {narrow ? null : <span class="time">{timeOf(x.startedAt)}</span>}
                </span>
                {narrow && summary ? (
                  <span class={`cause line2 ${summary.tone}`} title={visibleText(summary.text)}>
                    {visibleText(summary.text)}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
