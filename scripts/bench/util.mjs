import { CHROMIUM_FLAGS as BASE, HEADLESS } from "../chromium-flags.mjs";

export const CHROMIUM_FLAGS = [HEADLESS, ...BASE];

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}
