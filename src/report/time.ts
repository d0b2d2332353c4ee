/** Times in exports: Date's range is ±8.64e15 ms (ECMA-262 §21.4.1.22); outside it `toISOString` throws. */

export function isValidTime(ms: number | undefined): ms is number {
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/** ISO-8601 for a time; a time a Date cannot hold (hostile input) is the epoch, never a RangeError. */
export function isoTime(ms: number | undefined): string {
  return new Date(isValidTime(ms) ? ms : 0).toISOString();
}
