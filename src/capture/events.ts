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
