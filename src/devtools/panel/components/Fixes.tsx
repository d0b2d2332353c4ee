import type { Fix } from "../../../engine";
import { visibleText } from "../../../report/safe-text";
import { CopyButton } from "./CopyButton";

export interface FixesProps {
  fixes: Fix[];
  stack: string;
  onStack(stack: string): void;
  onCopy(text: string): boolean | undefined;
}

/** The fix for the chosen server stack; one remembered selector instead of a row of 13 tabs. */
export function Fixes({ fixes, stack, onStack, onCopy }: FixesProps) {
  const current = fixes.find((f) => f.stack === stack) ?? fixes[0];
  if (!current) return null;
  return (
    <section class="fixes" aria-label="Fix">
      <div class="fix-bar">
        <label>
          Your server:{" "}
          <select
            aria-label="Server stack"
            value={current.stack}
            onChange={(e) => onStack(e.currentTarget.value)}
          >
            {fixes.map((f) => (
              <option key={f.stack} value={f.stack}>
                {f.title}
              </option>
            ))}
          </select>
        </label>
        <CopyButton
          text={current.snippet}
          label="Copy"
          ariaLabel={`Copy the ${current.title} fix`}
          onCopy={onCopy}
        />
      </div>
      <pre class="snippet">{current.snippet.split("\n").map(visibleText).join("\n")}</pre>
    </section>
  );
}
