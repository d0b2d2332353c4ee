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
  searchRef: { current: HTMLInputElement | null };
  counts: { shown: number; total: number; blocked: number; dropped: number };
}

export function Toolbar(p: ToolbarProps) {
  const set = (patch: Partial<Filters>) => p.onFilters({ ...p.filters, ...patch });
  return (
    <div class="toolbar" role="toolbar" aria-label="CORS Lens controls">
      <button type="button" onClick={p.onClear} aria-label="Clear" title="Clear">
        ⊘ Clear
      </button>
      <label>
        <input
          type="checkbox"
          checked={p.preserveLog}
          onChange={(e) => p.onPreserveLog(e.currentTarget.checked)}
        />{" "}
        Preserve log
      </label>
      <span class="sep" />
      <input
        ref={(el) => {
          p.searchRef.current = el;
        }}
        type="search"
        placeholder="Filter (/)"
        aria-label="Filter by URL, method or cause"
        value={p.filters.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <label>
        <input
          type="checkbox"
          checked={p.filters.blockedOnly}
          onChange={(e) => set({ blockedOnly: e.currentTarget.checked })}
        />{" "}
        Blocked only
      </label>
      <label>
        <input
          type="checkbox"
          checked={p.filters.warningsOnly}
          onChange={(e) => set({ warningsOnly: e.currentTarget.checked })}
        />{" "}
        Warnings
      </label>
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
      <label>
        <input type="checkbox" checked={p.grouped} onChange={(e) => p.onGrouped(e.currentTarget.checked)} />{" "}
        Group by cause
      </label>
      <span class="sep" />
      <button type="button" onClick={p.onExportReport} aria-label="Export report">
        Export report
      </button>
      <button type="button" onClick={p.onExportHar} aria-label="Export HAR">
        Export HAR
      </button>
      <label class="file">
        Open HAR…
        <input
          type="file"
          accept=".har,application/json"
          aria-label="Open HAR file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) p.onOpenHar(file);
            e.currentTarget.value = "";
          }}
        />
      </label>
      <span class="counts" aria-live="polite">
        {p.counts.shown} / {p.counts.total} requests · {p.counts.blocked} blocked
        {p.counts.dropped > 0 ? ` · ${p.counts.dropped} older dropped` : ""}
      </span>
    </div>
  );
}
