import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ReportExchange } from "../../../report/report";
import { badgeOf } from "../model";

export const ROW_HEIGHT = 22;
const OVERSCAN = 10;

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString(undefined, { hour12: false });
}

export interface ExchangeListProps {
  exchanges: ReportExchange[];
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
}

/** A virtualized list: only the rows in view (plus a few) are in the DOM, so 2,000 stay fast. */
export function ExchangeList({ exchanges, selectedId, onSelect, onOpen }: ExchangeListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const stickToBottom = useRef(true);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight || 400);
    if (stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [exchanges.length]);

  useEffect(() => {
    const el = box.current;
    if (!el || selectedId === null) return;
    const index = exchanges.findIndex((x) => x.id === selectedId);
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedId]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(exchanges.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows = exchanges.slice(first, last);

  return (
    <>
      <div class="list-header" aria-hidden="true">
        <span class="badge-col">Verdict</span>
        <span class="method">Method</span>
        <span class="url">URL</span>
        <span class="status">Status</span>
        <span class="cause">Cause</span>
        <span class="time">Time</span>
      </div>
      <div
        class="list"
        ref={box}
        role="listbox"
        aria-label="Cross-origin requests"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          stickToBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
        }}
      >
        <div style={{ height: `${exchanges.length * ROW_HEIGHT}px`, position: "relative" }}>
          {rows.map((x, i) => {
            const badge = badgeOf(x);
            const status = x.hops[x.hops.length - 1]?.status ?? x.preflight?.status ?? null;
            return (
              <div
                key={x.id}
                class={`row${x.id === selectedId ? " selected" : ""}`}
                role="option"
                aria-selected={x.id === selectedId}
                data-verdict={x.verdict}
                style={{ top: `${(first + i) * ROW_HEIGHT}px` }}
                tabIndex={-1}
                onClick={() => onSelect(x.id)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") onOpen(x.id);
                }}
                onDblClick={() => onOpen(x.id)}
              >
                <span class={`badge ${badge.tone}`}>{badge.label}</span>
                <span class="method">{x.method}</span>
                <span class="url" title={x.url}>
                  {pathOf(x.url)}
                </span>
                <span class="status">{status ?? "—"}</span>
                <span class="cause" title={x.causes[0]?.chromium ?? ""}>
                  {x.causes[0]?.title ?? (x.verdict === "unknown" ? "not enough evidence" : "")}
                </span>
                <span class="time">{timeOf(x.startedAt)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
