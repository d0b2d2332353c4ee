/** Text helpers with no engine imports: any module of the engine can use them without a cycle. */

/** A value cut to a readable length for a sentence; the evidence table shows it whole. */
export function short(value: string, max = 120): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
