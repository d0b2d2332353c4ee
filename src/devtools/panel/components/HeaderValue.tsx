import { useState } from "preact/hooks";
import { truncated, visibleControls } from "../display";

/** An untrusted value, rendered as text only; long values are cut with a way to see all. */
export function HeaderValue({ value }: { value: string | null }) {
  const [full, setFull] = useState(false);
  if (value === null) return <span class="absent">(absent)</span>;
  const { text, cut } = truncated(value);
  return (
    <span class="value">
      {full ? visibleControls(value) : text}
      {cut && (
        <button type="button" class="link" onClick={() => setFull(!full)}>
          {full ? "show less" : `show all ${value.length.toLocaleString()} characters`}
        </button>
      )}
    </span>
  );
}
