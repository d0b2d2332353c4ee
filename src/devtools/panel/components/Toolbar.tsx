import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
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
  counts: { shown: number; total: number; blocked: number; dropped: number };
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
  const set = (patch: Partial<Filters>) => p.onFilters({ ...p.filters, ...patch });
  const fileInput = useRef<HTMLInputElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLFieldSetElement>(null);
  const liveOnly = p.harOpen ? "Showing a HAR file: go back to the live log first" : undefined;

  // Layout effect: the focus moves as the menu appears, not a frame later (DevTools may not paint an
  // unfocused panel for a while).
  useLayoutEffect(() => {
    if (p.menuOpen) menu.current?.querySelector<HTMLElement>("input, select, button")?.focus();
  }, [p.menuOpen]);

  const secondaryFilters: ComponentChildren = (
    <>
      <Check
        label="Warnings"
        checked={p.filters.warningsOnly}
        onChange={(warningsOnly) => set({ warningsOnly })}
      />
      <select
        aria-label="Resource type"
        value={p.filters.type}
        onChange={(e) => set({ type: e.currentTarget.value })}
      >
        <option value="">All types</option>
        {p.types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <Check label="Group by cause" checked={p.grouped} onChange={p.onGrouped} />
    </>
  );
  const fileActions: ComponentChildren = (
    <>
      <button type="button" onClick={p.onExportReport}>
        Export report
      </button>
      <button type="button" onClick={p.onExportHar}>
        Export HAR
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open HAR…
      </button>
    </>
  );

  return (
    <div class={`toolbar${p.narrow ? " narrow" : ""}`} role="toolbar" aria-label="CORS Lens controls">
      <button
        type="button"
        class="icon"
        onClick={p.onClear}
        aria-label="Clear"
        title={liveOnly ?? "Clear"}
        disabled={p.harOpen}
      >
        ⊘
      </button>
      <span title={liveOnly}>
        <Check label="Preserve log" checked={p.preserveLog} onChange={p.onPreserveLog} disabled={p.harOpen} />
      </span>
      <input
        ref={(el) => {
          p.searchRef.current = el;
        }}
        class="filter"
        type="search"
        placeholder="Filter (/)"
        aria-label="Filter by URL, method or cause"
        value={p.filters.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <Check
        label="Blocked only"
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
            aria-label="More controls"
            title="More controls"
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
              aria-label="More controls"
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
        aria-label="Open HAR file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) p.onOpenHar(file);
          e.currentTarget.value = "";
          p.onMenu(false);
        }}
      />
      <span class="counts" aria-live="polite">
        {p.narrow
          ? `${p.counts.shown}/${p.counts.total} · ${p.counts.blocked} blocked`
          : `${p.counts.shown} / ${p.counts.total} requests · ${p.counts.blocked} blocked`}
        {p.counts.dropped > 0 ? ` · ${p.counts.dropped} older dropped` : ""}
      </span>
    </div>
  );
}
