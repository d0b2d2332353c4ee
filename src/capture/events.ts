/**
 * One normalized webRequest event, the same for Chrome and Firefox (the platform adapter maps each
 * browser's details onto it). Plain JSON: events are persisted while the worker may be stopped.
 */
import type { HeaderList } from "../engine";

export interface EventBase {
  requestId: string;
  tabId: number;
  frameId: number;
  url: string;
  method: string;
  /** webRequest resource type: `xmlhttprequest`, `font`, `image`, `main_frame`, `other` … */
  type: string;
  /** The requesting origin (Chrome `initiator`; Firefox: the origin of `originUrl`). */
  initiator: string | null;
  /** The requesting document's URL, where the browser reports it (Firefox). */
  documentUrl: string | null;
  timeStamp: number;
  /** Set by the tracker: a worker's request (no tab of its own), attributed to the tab it serves. */
  viaWorker?: boolean;
}

export type ObservedEvent =
  | (EventBase & { kind: "send"; requestHeaders: HeaderList })
  | (EventBase & { kind: "headers"; statusCode: number; responseHeaders: HeaderList })
  | (EventBase & {
      kind: "redirect";
      statusCode: number;
      redirectUrl: string;
      responseHeaders: HeaderList;
      fromCache: boolean;
    })
  | (EventBase & { kind: "completed"; statusCode: number; responseHeaders: HeaderList; fromCache: boolean })
  | (EventBase & { kind: "error"; error: string; fromCache: boolean });

export type EventKind = ObservedEvent["kind"];

/**
 * The last millisecond a time value can stand for (ECMAScript "Time Values and Time Range":
 * ±8.64e15 ms, https://tc39.es/ecma262/#sec-time-values-and-time-range): beyond it is no time.
 */
const MAX_TIME = 8.64e15;
/** How far an event may be stamped ahead of the worker's clock (the browser's processes stamp them). */
export const FUTURE_SLACK_MS = 60_000;

/**
 * An event's time made possible, on entry: not a number, negative or past any date: the clock
 * (or the floor); more than `FUTURE_SLACK_MS` ahead of the clock: the clock; before `floor` (the
 * time its request already reached): the floor. Whatever holds such a time then ages and expires
 * like any other; a time a timer can never reach would keep it open forever.
 */
export function saneTime(t: number, clock: number | null, floor: number | null): number {
  const low = floor !== null && Number.isFinite(floor) && floor >= 0 ? floor : 0;
  const fallback = clock !== null ? Math.max(low, clock) : low;
  if (!Number.isFinite(t) || t < 0 || t > MAX_TIME) return fallback;
  if (clock !== null && t > clock + FUTURE_SLACK_MS) return fallback;
  return Math.max(low, t);
}
