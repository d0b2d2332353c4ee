import type { Fix } from "../../../engine";

export interface FixesProps {
  fixes: Fix[];
  stack: string;
  onStack(stack: string): void;
  onCopy(text: string): void;
}

/** Fixes as tabs, one per server stack; the chosen stack is remembered by the caller. */
export function Fixes({ fixes, stack, onStack, onCopy }: FixesProps) {
  if (fixes.length === 0) return null;
  const current = fixes.find((f) => f.stack === stack) ?? fixes[0];
  if (!current) return null;
  return (
    <section class="fixes" aria-label="Fixes">
      <div class="tabs" role="tablist">
        {fixes.map((f) => (
          <button
            key={f.stack}
            type="button"
            role="tab"
            aria-selected={f.stack === current.stack}
            class={f.stack === current.stack ? "active" : ""}
            onClick={() => onStack(f.stack)}
          >
            {f.title}
          </button>
        ))}
      </div>
      <div class="snippet">
        <button
          type="button"
          class="copy"
          onClick={() => onCopy(current.snippet)}
          aria-label={`Copy the ${current.title} fix`}
        >
          Copy
        </button>
        <pre>{current.snippet}</pre>
      </div>
    </section>
  );
}
