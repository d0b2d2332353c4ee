import { useEffect, useState } from "preact/hooks";

/** Follows a media query: DevTools docked to the side is a narrow window, and the user resizes it. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => globalThis.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = globalThis.matchMedia?.(query);
    if (!list) return;
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener("change", update);
    return () => list.removeEventListener("change", update);
  }, [query]);
  return matches;
}

/** The width under which the panel uses its narrow layout (two-line rows, the overflow menu). */
export const NARROW = "(max-width: 640px)";

/**
 * True while the element is narrower than `limit` px: the list is narrow when DevTools is docked
 * to the side, and also when the detail takes most of a wide bottom dock.
 */
export function useNarrowerThan(ref: { current: HTMLElement | null }, limit: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setNarrow(el.clientWidth > 0 && el.clientWidth < limit));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, limit]);
  return narrow;
}
