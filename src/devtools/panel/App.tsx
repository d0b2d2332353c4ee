import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { PROTOCOL_VERSION } from "../../protocol/messages";
import type { ReportExchange } from "../../report/report";
import { visibleText } from "../../report/safe-text";
import { EmptyState } from "./components/EmptyState";
import { ExchangeDetail } from "./components/ExchangeDetail";
import { ExchangeList } from "./components/ExchangeList";
import { GroupedView } from "./components/GroupedView";
import { Toolbar } from "./components/Toolbar";
import type { PastedFix } from "./config-fix";
import { NARROW, useMediaQuery, useNarrowerThan } from "./hooks/use-media-query";
import { type LangSetting, useT } from "./i18n";
import { type Filters, filterExchanges, NO_FILTERS, type PanelState } from "./model";

/** What the panel can do beyond rendering; given by main.tsx, faked in component tests. */
export interface PanelActions {
  clearLog(): void;
  setPreserveLog(preserve: boolean): void;
  exportReport(): void;
  exportHar(): void;
  openHar(file: File): void;
  closeHar(): void;
  /** Copies text; false when the browser refused. */
  copy(text: string): boolean | undefined;
  saveStack(stack: string): void;
  /** Resumes (or pauses) recording for every tab. */
  setRecording(on: boolean): void;
  /** The user picked the panel's language ("auto": the browser's). */
  setLang(setting: LangSetting): void;
  /** "Paste your config": the patch for the user's file from the open request's host (#23). */
  fixConfig?(x: ReportExchange, name: string, text: string): Promise<PastedFix>;
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
  /** The background speaks this other protocol version (CORS Lens was updated under the panel). */
  incompatible?: number | null;
  /** Why the last Export report failed, in the user's words (null: it did not). */
  exportError?: string | null;
  onDismissExportError?: () => void;
  langSetting?: LangSetting;
}

export function App({
  state,
  actions,
  initialStack = "generic-headers",
  har = null,
  incompatible = null,
  exportError = null,
  onDismissExportError,
  langSetting = "auto",
}: AppProps) {
  const t = useT();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [grouped, setGrouped] = useState(false);
  const [stack, setStack] = useState(initialStack);
  const [menuOpen, setMenuOpen] = useState(false);
  const narrow = useMediaQuery(NARROW);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const masterRef = useRef<HTMLDivElement | null>(null);
  const narrowList = useNarrowerThan(masterRef, 640);

  useEffect(() => setStack(initialStack), [initialStack]);
  const shown = useMemo(() => filterExchanges(state.exchanges, filters), [state.exchanges, filters]);
  const types = useMemo(
    () => [...new Set(state.exchanges.map((x) => x.resourceType))].sort(),
    [state.exchanges],
  );
  const open = openId === null ? null : (state.exchanges.find((x) => x.id === openId) ?? null);
  const blocked = state.exchanges.filter((x) => x.verdict === "blocked").length;

  // Window, capture phase: DevTools' extension API forwards unhandled keydowns from the panel's
  // document to DevTools itself (Esc toggles the console drawer, Ctrl+F opens DevTools' find bar;
  // devtools-frontend `front_end/models/extensions/ExtensionAPI.ts`, forwardKeyboardEvent). The keys
  // the panel handles are stopped here, before that listener on `document` sees them.
  useEffect(() => {
    const handled = (e: KeyboardEvent) => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement;
      if (
        (e.key === "/" && !typing) ||
        (e.key.toLowerCase() === "f" && (e.ctrlKey || e.metaKey) && !e.altKey)
      ) {
        handled(e);
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (e.key === "Escape") {
        if (menuOpen) {
          handled(e);
          setMenuOpen(false);
          return;
        }
        if (target === searchRef.current && filters.text !== "") {
          handled(e);
          setFilters({ ...filters, text: "" });
          return;
        }
        if (openId !== null) {
          handled(e);
          setOpenId(null);
          masterRef.current?.querySelector<HTMLElement>(".list")?.focus();
        }
        // Nothing of ours to close: DevTools gets its Esc (the console drawer).
        return;
      }
      if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
      const inDetail = Boolean(target?.closest?.(".detail"));
      const onButton = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
      if (e.key === "Enter" && selectedId !== null && !onButton && !inDetail) {
        handled(e);
        setOpenId(selectedId);
        return;
      }
      if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !inDetail) {
        handled(e);
        const index = shown.findIndex((x) => x.id === selectedId);
        const next = e.key === "ArrowDown" ? Math.min(shown.length - 1, index + 1) : Math.max(0, index - 1);
        const chosen = shown[index < 0 ? shown.length - 1 : next];
        if (chosen) {
          setSelectedId(chosen.id);
          if (openId !== null) setOpenId(chosen.id);
        }
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [shown, selectedId, openId, menuOpen, filters]);

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
        harOpen={har !== null}
        narrow={narrow}
        menuOpen={menuOpen}
        onMenu={setMenuOpen}
        searchRef={searchRef}
        counts={{
          shown: shown.length,
          total: state.exchanges.length,
          blocked,
          dropped: state.dropped,
          storage: state.storageDropped ?? 0,
        }}
        langSetting={langSetting}
        onLang={actions.setLang}
      />
      {!state.recording && !har ? (
        <div class="banner" role="status">
          {t("panel.banner.paused")}{" "}
          <button type="button" onClick={() => actions.setRecording(true)}>
            {t("panel.banner.resume")}
          </button>
        </div>
      ) : null}
      {incompatible !== null ? (
        <div class="banner error" role="alert">
          {t("panel.banner.incompatible", { theirs: incompatible, ours: PROTOCOL_VERSION })}
        </div>
      ) : null}
      {exportError !== null ? (
        <div class="banner error" role="alert">
          {t("panel.banner.export-error", { error: visibleText(exportError) })}{" "}
          {onDismissExportError ? (
            <button type="button" onClick={onDismissExportError}>
              {t("panel.banner.dismiss")}
            </button>
          ) : null}
        </div>
      ) : null}
      {har ? (
        <div class={`banner${har.error ? " error" : ""}`} role="status">
          {/* The file's name, the parser's words (they quote the file) and the notes (they quote
              its URLs) are the file's text: made visible like every other value. */}
          {har.error
            ? t("panel.banner.har-error", { file: visibleText(har.file), error: visibleText(har.error) })
            : t("panel.banner.har-viewing", { file: visibleText(har.file), count: state.exchanges.length })}
          {har.notes.map((n) => ` · ${visibleText(n)}`).join("")}{" "}
          <button type="button" onClick={actions.closeHar}>
            {t("panel.banner.back-to-live")}
          </button>
        </div>
      ) : null}
      <div class={`main${open ? " with-detail" : ""}`}>
        <div class="master" ref={masterRef}>
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
              narrow={narrow || narrowList}
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
            {...(actions.fixConfig ? { onFixConfig: actions.fixConfig } : {})}
          />
        ) : null}
      </div>
    </div>
  );
}
