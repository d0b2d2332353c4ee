/**
 * An enumerable property computed on first read and then kept. Explanations and fix snippets cost
 * more than the checks themselves, and most diagnoses are never read in full (a list row needs the
 * code and names only); JSON.stringify and structuredClone read the getter like a value.
 */
export function defineLazy<T extends object, K extends keyof T>(
  target: T,
  key: K,
  compute: () => T[K],
): void {
  let value: T[K];
  let done = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
  });
}
