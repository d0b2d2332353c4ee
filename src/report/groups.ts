/** Blocked exchanges grouped for the panel's "Group by cause" and the CLI summary. */
import { type Cause, type Finding, type Fix, hostOf } from "../engine";
import type { ReportExchange } from "./report";

export interface Group {
  key: string;
  host: string;
  title: string;
  code: string;
  /** The words and fixes every member shares: a group is made only of exchanges they hold for. */
  cause: Cause;
  /** The "real problem is the server's error" finding the members share, if any. */
  masked: Finding | null;
  exchanges: ReportExchange[];
}

/**
 * Failures grouped by what they share word for word: the cause, its failing parameter (the header,
 * method, status or value named in the message) and the fixes. "4 × header not allowed" for four
 * different headers would print one header's words and fix for all four.
 */
/** Fix lists are mostly shared arrays: an id per list, computed once, stands for its content. */
const listIds = new WeakMap<readonly Fix[], number>();
const contentIds = new Map<string, number>();

function fixesId(fixes: readonly Fix[]): number {
  let id = listIds.get(fixes);
  if (id === undefined) {
    const content = fixes.map((f) => `${f.stack}\u0000${f.snippet}`).join("\u0001");
    id = contentIds.get(content);
    if (id === undefined) {
      // Bounded: past 10,000 distinct lists the table starts over (ids stay unique).
      if (contentIds.size >= 10_000) contentIds.clear();
      id = nextId++;
      contentIds.set(content, id);
    }
    listIds.set(fixes, id);
  }
  return id;
}
let nextId = 1;

/** The key of the group a blocked exchange belongs to: everything its group's words and fix rest on. */
export function failureGroupKey(x: ReportExchange, cause: Cause, masked: Finding | null): string {
  return [
    cause.code,
    cause.stage,
    hostOf(x.url),
    `${cause.chromium}|${cause.firefox}`,
    cause.title,
    cause.message,
    fixesId(cause.fixes),
    masked?.message ?? "",
  ].join("\u0002");
}

/** The "real problem is the server's error" finding of an exchange, which its group shares. */
export const maskedOf = (x: ReportExchange): Finding | null =>
  x.findings.find((f) => f.code === "status-masked") ?? null;

export function groupFailures(exchanges: readonly ReportExchange[]): Group[] {
  const groups = new Map<string, Group>();
  for (const x of exchanges) {
    const cause = x.causes[0];
    if (x.verdict !== "blocked" || !cause) continue;
    const masked = maskedOf(x);
    const key = failureGroupKey(x, cause, masked);
    const group = groups.get(key) ?? {
      key,
      host: hostOf(x.url),
      title: cause.title,
      code: cause.code,
      cause,
      masked,
      exchanges: [],
    };
    group.exchanges.push(x);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.exchanges.length - a.exchanges.length);
}
