/**
 * What method lists of every format are checked for (rack-cors `methods:`, CORS_ALLOW_METHODS).
 *
 * The update and delete methods a method list leaves out while it keeps others of them (lower
 * case): none for a list without PUT, PATCH or DELETE (read-only, or POST alone, is a choice).
 */
export function dropsWrite(methods: readonly string[]): string[] {
  const has = new Set(methods.map((m) => m.toLowerCase()));
  const updates = ["put", "patch", "delete"];
  if (!updates.some((m) => has.has(m))) return [];
  return updates.filter((m) => !has.has(m) && (m !== "delete" || has.has("post")));
}
