import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { EmptyState } from "./components/EmptyState";
import { ExchangeDetail } from "./components/ExchangeDetail";
import { ExchangeList } from "./components/ExchangeList";
import { GroupedView } from "./components/GroupedView";
import { Toolbar } from "./components/Toolbar";
import { type Filters, filterExchanges, NO_FILTERS, type PanelState } from "./model";

/** What the panel can do beyond rendering; given by main.tsx, faked in component tests. */
export interface PanelActions {
  clearLog(): void;
  setPreserveLog(preserve: boolean): void;
  exportReport(): void;
  exportHar(): void;
  openHar(file: File): void;
  closeHar(): void;
  copy(text: string): void;
  saveStack(stack: string): void;
}

/** A HAR file shown instead of the live log. */
export interface HarView {
  file: string;
  notes: string[];
  error: string | null;
}

export interface AppProps {
  state: PanelState;
  actions: PanelActions;
  initialStack?: string;
  har?: HarView | null;
}

export function App({ state, actions, initialStack = "generic-headers", har = null }: AppProps) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [grouped, setGrouped] = useState(false);
  const [stack, setStack] = useState(initialStack);
  const searchRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => setStack(initialStack), [initialStack]);
  const shown = useMemo(() => filterExchanges(state.exchanges, filters), [state.exchanges, filters]);
  const types = useMemo(
    () => [...new Set(state.exchanges.map((x) => x.resourceType))].sort(),
    [state.exchanges],
  );
  const open = openId === null ? null : (state.exchanges.find((x) => x.id === openId) ?? null);
  const blocked = state.exchanges.filter((x) => x.verdict === "blocked").length;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      if ((e.key === "/" && !typing) || (e.key === "f" && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (typing) return;
      if (e.key === "Escape") setOpenId(null);
      if (e.key === "Enter" && selectedId !== null) setOpenId(selectedId);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const index = shown.findIndex((x) => x.id === selectedId);
        const next = e.key === "ArrowDown" ? Math.min(shown.length - 1, index + 1) : Math.max(0, index - 1);
        const target = shown[index < 0 ? shown.length - 1 : next];
        if (target) {
          setSelectedId(target.id);
          if (openId !== null) setOpenId(target.id);
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shown, selectedId, openId]);

  const chooseStack = (s: string) => {
    setStack(s);
    actions.saveStack(s);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a file drop target; "Open HAR…" is the keyboard way
    <div
      class="app"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer?.files[0];
        if (file) actions.openHar(file);
      }}
    >
      <Toolbar
        filters={filters}
        onFilters={setFilters}
        types={types}
        grouped={grouped}
        onGrouped={setGrouped}
        preserveLog={state.preserveLog}
        onPreserveLog={actions.setPreserveLog}
        onClear={() => {
          setOpenId(null);
          setSelectedId(null);
          actions.clearLog();
        }}
        onExportReport={actions.exportReport}
        onExportHar={actions.exportHar}
        onOpenHar={actions.openHar}
        searchRef={searchRef}
        counts={{ shown: shown.length, total: state.exchanges.length, blocked, dropped: state.dropped }}
      />
      {har ? (
        <div class={`banner${har.error ? " error" : ""}`} role="status">
          {har.error
            ? `Could not open ${har.file}: ${har.error}`
            : `Viewing ${har.file} (${state.exchanges.length} requests)`}
          {har.notes.map((n) => ` · ${n}`).join("")}{" "}
          <button type="button" onClick={actions.closeHar}>
            Back to the live log
          </button>
        </div>
      ) : null}
      <div class={`main${open ? " with-detail" : ""}`}>
        <div class="master">
          {state.exchanges.length === 0 || shown.length === 0 ? (
            <EmptyState filtered={state.exchanges.length > 0} />
          ) : grouped ? (
            <GroupedView
              exchanges={shown}
              onOpen={(id) => {
                setSelectedId(id);
                setOpenId(id);
              }}
            />
          ) : (
            <ExchangeList
              exchanges={shown}
              selectedId={selectedId}
              onSelect={(id) => {
                setSelectedId(id);
                setOpenId(id);
              }}
              onOpen={setOpenId}
            />
          )}
        </div>
        {open ? (
          <ExchangeDetail
            x={open}
            stack={stack}
            onStack={chooseStack}
            onCopy={actions.copy}
            onClose={() => setOpenId(null)}
          />
        ) : null}
      </div>
    </div>
  );
}
