import { isRedirectStatus } from "../engine";
import type { MessageKey, Params } from "../i18n";

/** What the reader should know about the file, in words of the catalogue. */
export interface HarNote {
  key: MessageKey;
  params: Params;
}

/**
 * A HAR records each redirect as its own entry, joined by `response.redirectURL` (HAR 1.2): the
 * request's hops are the chain of entries that follow it. A target that does not parse ends the
 * chain there, with a note, instead of failing the whole file.
 */
import type { Entry } from "./har-read";

export interface Chain {
  hops: Entry[];
  /** Why the chain ended early, where it did. */
  note: HarNote | null;
}

function resolve(location: string, base: string): string | null {
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

/**
 * Follows `first`'s redirects through the entries at each target URL (`at`), taking the first
 * unconsumed one that started after the redirect; marks what it takes in `consumed`.
 */
export function redirectChain(first: Entry, at: ReadonlyMap<string, Entry[]>, consumed: Set<Entry>): Chain {
  const hops = [first];
  consumed.add(first);
  let last = first;
  // A browser follows only Fetch's redirect statuses (a 300 with a Location is the answer).
  while (last.redirectURL && isRedirectStatus(last.status)) {
    const target = resolve(last.redirectURL, last.url);
    if (target === null) {
      return {
        hops,
        note: {
          key: "har.note.bad-redirect",
          params: {
            entry: last.index + 1,
            method: last.method,
            url: last.url,
            location: JSON.stringify(last.redirectURL.slice(0, 80)),
          },
        },
      };
    }
    const from = last;
    const next = at.get(target)?.find((e) => !consumed.has(e) && e.start >= from.start);
    if (!next) break;
    hops.push(next);
    consumed.add(next);
    last = next;
  }
  return { hops, note: null };
}
