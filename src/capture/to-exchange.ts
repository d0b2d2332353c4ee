/** A finished request (and its preflight) as the engine's ObservedExchange. */
import { type BrowserName, type Hop, type ObservedExchange, observedExchange } from "../engine";
import type { PendingRequest } from "./pending";

const RESOURCE_TYPES: Record<string, string> = {
  xmlhttprequest: "fetch",
  fetch: "fetch",
  font: "font",
  image: "image",
  imageset: "image",
  script: "script",
  stylesheet: "stylesheet",
  media: "media",
  websocket: "websocket",
  ping: "beacon",
  beacon: "beacon",
  csp_report: "csp-report",
  object: "object",
  sub_frame: "iframe",
  main_frame: "document",
};

export function toExchange(
  pending: PendingRequest,
  error: string | null,
  preflight: Hop | null,
  browser: BrowserName,
): ObservedExchange {
  return observedExchange({
    id: `${browser}-${pending.requestId}`,
    url: pending.url,
    method: pending.method,
    initiator: pending.initiator,
    documentUrl: pending.documentUrl,
    resourceType: RESOURCE_TYPES[pending.type] ?? "other",
    credentials: "unknown",
    requestHeaders: pending.requestHeaders,
    startedAt: Math.min(pending.startedAt, preflight?.startedAt ?? Number.POSITIVE_INFINITY),
    preflight,
    hops: pending.hops,
    error,
    recordedBy: browser,
    ...(pending.viaWorker ? { viaWorker: true } : {}),
  });
}
