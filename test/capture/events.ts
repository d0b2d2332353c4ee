import type { ObservedEvent } from "../../src/capture/events";
import type { HeaderList } from "../../src/engine";

/** Builds event sequences the way Chromium 156 and Firefox 153 delivered them (recorded on this project's machines). */
export function ev(
  kind: ObservedEvent["kind"],
  requestId: string,
  url: string,
  method: string,
  t: number,
  extra: {
    headers?: HeaderList;
    status?: number;
    error?: string;
    redirectUrl?: string;
    tabId?: number;
    type?: string;
    initiator?: string | null;
  } = {},
): ObservedEvent {
  const base = {
    requestId,
    tabId: extra.tabId ?? 7,
    frameId: 0,
    url,
    method,
    type: extra.type ?? "xmlhttprequest",
    initiator: extra.initiator === undefined ? "http://127.0.0.1:5601" : extra.initiator,
    documentUrl: null,
    timeStamp: t,
  };
  switch (kind) {
    case "send":
      return { ...base, kind, requestHeaders: extra.headers ?? [] };
    case "headers":
      return { ...base, kind, statusCode: extra.status ?? 200, responseHeaders: extra.headers ?? [] };
    case "redirect":
      return {
        ...base,
        kind,
        statusCode: extra.status ?? 302,
        redirectUrl: extra.redirectUrl ?? url,
        responseHeaders: extra.headers ?? [],
        fromCache: false,
      };
    case "completed":
      return {
        ...base,
        kind,
        statusCode: extra.status ?? 200,
        responseHeaders: extra.headers ?? [],
        fromCache: false,
      };
    case "error":
      return { ...base, kind, error: extra.error ?? "net::ERR_FAILED", fromCache: false };
  }
}
