import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { type LangSetting, langSettingOf, useT } from "../i18n";
import type { Filters } from "../model";

export interface ToolbarProps {
  filters: Filters;
  onFilters(filters: Filters): void;
  types: string[];
  grouped: boolean;
  onGrouped(grouped: boolean): void;
  preserveLog: boolean;
  onPreserveLog(preserve: boolean): void;
  onClear(): void;
  onExportReport(): void;
  onExportHar(): void;
  onOpenHar(file: File): void;
  /** A HAR file is shown: Clear and Preserve log act on the live log, so they wait. */
  harOpen: boolean;
  /** Narrow dock: the secondary controls go into the "More" menu to keep one row. */
  narrow: boolean;
  menuOpen: boolean;
  onMenu(open: boolean): void;
  searchRef: { current: HTMLInputElement | null };
  counts: { shown: number; total: number; blocked: number; dropped: number; storage: number };
  /** The language setting ("auto": the browser's) and its change. */
  langSetting: LangSetting;
  onLang(setting: LangSetting): void;
}

function Check(p: { label: string; checked: boolean; onChange(checked: boolean): void; disabled?: boolean }) {
  return (
    <label class={p.disabled ? "disabled" : undefined}>
      <input
        type="checkbox"
        checked={p.checked}
        disabled={p.disabled}
        onChange={(e) => p.onChange(e.currentTarget.checked)}
      />{" "}
      {p.label}
    </label>
  );
}

export function Toolbar(p: ToolbarProps) {
  const t = useT();
  const set = (patch: Partial<Filters>) => p.onFilters({ ...p.filters, ...patch });
  const fileInput = useRef<HTMLInputElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLFieldSetElement>(null);
  const liveOnly = p.harOpen ? t("panel.toolbar.live-only") : undefined;

  // Layout effect: the focus moves as the menu appears, not a frame later (DevTools may not paint an
  // unfocused panel for a while).
  useLayoutEffect(() => {
    if (p.menuOpen) menu.current?.querySelector<HTMLElement>("input, select, button")?.focus();
  }, [p.menuOpen]);

  const secondaryFilters: ComponentChildren = (
    <>
      <Check
        label={t("panel.toolbar.warnings")}
        checked={p.filters.warningsOnly}
        onChange={(warningsOnly) => set({ warningsOnly })}
      />
      <select
        aria-label={t("panel.toolbar.type")}
        value={p.filters.type}
        onChange={(e) => set({ type: e.currentTarget.value })}
      >
        <option value="">{t("panel.toolbar.all-types")}</option>
        {p.types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <Check label={t("panel.toolbar.group")} checked={p.grouped} onChange={p.onGrouped} />
      <select
        aria-label={t("panel.toolbar.language")}
        title={t("panel.toolbar.language")}
        value={p.langSetting}
        onChange={(e) => p.onLang(langSettingOf(e.currentTarget.value))}
      >
        <option value="auto">{t("panel.toolbar.language-auto")}</option>
        <option value="en">English</option>
        <option value="ko">한국어</option>
      </select>
    </>
  );
  const fileActions: ComponentChildren = (
    <>
      <button type="button" onClick={p.onExportReport}>
        {t("panel.toolbar.export-report")}
      </button>
      <button type="button" onClick={p.onExportHar}>
        {t("panel.toolbar.export-har")}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t("panel.toolbar.open-har")}
      </button>
    </>
  );

  return (
    <div class={`toolbar${p.narrow ? " narrow" : ""}`} role="toolbar" aria-label={t("panel.toolbar.label")}>
      <button
        type="button"
        class="icon"
        onClick={p.onClear}
        aria-label={t("panel.toolbar.clear")}
        title={liveOnly ?? t("panel.toolbar.clear")}
        disabled={p.harOpen}
      >
        ⊘
      </button>
      <span title={liveOnly}>
        <Check
          label={t("panel.toolbar.preserve-log")}
          checked={p.preserveLog}
          onChange={p.onPreserveLog}
          disabled={p.harOpen}
        />
      </span>
      <input
        ref={(el) => {
          p.searchRef.current = el;
        }}
        class="filter"
        type="search"
        placeholder={t("panel.toolbar.filter")}
        aria-label={t("panel.toolbar.filter-label")}
        value={p.filters.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <Check
        label={t("panel.toolbar.blocked-only")}
        checked={p.filters.blockedOnly}
        onChange={(blockedOnly) => set({ blockedOnly })}
      />
      {p.narrow ? null : (
        <>
          {secondaryFilters}
          <span class="sep" />
          {fileActions}
        </>
      )}
      {p.narrow ? (
        <span class="menu-anchor">
          <button
            ref={menuButton}
            type="button"
            class="icon"
            aria-label={t("panel.toolbar.more")}
            title={t("panel.toolbar.more")}
            aria-haspopup="true"
            aria-expanded={p.menuOpen}
            aria-controls="toolbar-menu"
            onClick={() => p.onMenu(!p.menuOpen)}
          >
            ⋯
          </button>
          {p.menuOpen ? (
            <fieldset
              id="toolbar-menu"
              class="menu"
              ref={menu}
              aria-label={t("panel.toolbar.more")}
              onFocusOut={(e) => {
                const next = e.relatedTarget as Node | null;
                if (next && !menu.current?.contains(next) && next !== menuButton.current) p.onMenu(false);
              }}
            >
              {secondaryFilters}
              {fileActions}
            </fieldset>
          ) : null}
        </span>
      ) : null}
      <input
        ref={fileInput}
        class="file-input"
        type="file"
        accept=".har,application/json"
        aria-label={t("panel.toolbar.open-har-label")}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) p.onOpenHar(file);
          e.currentTarget.value = "";
          p.onMenu(false);
        }}
      />
      <span class="counts" aria-live="polite">
        {t(p.narrow ? "panel.counts.narrow" : "panel.counts.wide", p.counts)}
        {p.counts.storage > 0
          ? t("panel.counts.dropped-storage", { dropped: p.counts.dropped, storage: p.counts.storage })
          : p.counts.dropped > 0
            ? t("panel.counts.dropped", { dropped: p.counts.dropped })
            : ""}
      </span>
    </div>
  );
}
