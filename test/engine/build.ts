/** Builders for exchanges that read like the situation they describe. */
import {
  type BrowserName,
  type HeaderList,
  type Hop,
  type ObservedExchange,
  observedExchange,
} from "../../src/engine";

export const PAGE = "http://localhost:5173";
export const API = "http://127.0.0.1:8000";

export function h(...pairs: string[]): HeaderList {
  const list: Array<[string, string]> = [];
  for (let i = 0; i < pairs.length; i += 2) list.push([pairs[i] as string, pairs[i + 1] as string]);
  return list;
}

export function hop(
  url: string,
  method: string,
  status: number | null,
  requestHeaders: HeaderList,
  responseHeaders: HeaderList,
  error: string | null = null,
): Hop {
  return { url, method, status, requestHeaders, responseHeaders, error, fromCache: false };
}

export interface ExchangeSpec {
  url?: string;
  method?: string;
  origin?: string;
  requestHeaders?: HeaderList;
  /** Response headers of the final (only) hop; null: never answered. */
  response?: { status: number | null; headers?: HeaderList; error?: string | null } | null;
  preflight?: {
    status: number | null;
    headers?: HeaderList;
    requestHeaders?: HeaderList;
    error?: string | null;
  } | null;
  redirects?: Array<{ status: number; to: string; headers?: HeaderList }>;
  error?: string | null;
  credentials?: ObservedExchange["credentials"];
  recordedBy?: BrowserName | null;
  mode?: ObservedExchange["mode"];
  resourceType?: string;
  redirectMode?: ObservedExchange["redirectMode"];
}

/** A Chromium-recorded CORS exchange from PAGE to API, adjusted by `spec`. */
export function exchange(spec: ExchangeSpec = {}): ObservedExchange {
  const url = spec.url ?? `${API}/api/data`;
  const method = spec.method ?? "GET";
  const origin = spec.origin ?? PAGE;
  const recordedBy = spec.recordedBy === undefined ? "chromium" : spec.recordedBy;
  const requestHeaders =
    spec.requestHeaders ?? h("Origin", origin, "Accept", "*/*", "Sec-Fetch-Mode", "cors");
  const hops: Hop[] = [];
  let current = url;
  for (const r of spec.redirects ?? []) {
    hops.push(
      hop(current, method, r.status, hops.length === 0 ? requestHeaders : [], [
        ["Location", r.to],
        ...(r.headers ?? []),
      ]),
    );
    current = new URL(r.to, current).href;
  }
  const response =
    spec.response === undefined
      ? { status: 200, headers: h("Access-Control-Allow-Origin", origin) }
      : spec.response;
  const error = spec.error ?? response?.error ?? null;
  if (response)
    hops.push(
      hop(
        current,
        method,
        response.status,
        hops.length === 0 ? requestHeaders : [],
        response.headers ?? [],
        error,
      ),
    );
  const preflight = spec.preflight
    ? hop(
        url,
        "OPTIONS",
        spec.preflight.status,
        spec.preflight.requestHeaders ??
          h("Origin", origin, "Access-Control-Request-Method", method, "Sec-Fetch-Mode", "cors"),
        spec.preflight.headers ?? [],
        spec.preflight.error ?? null,
      )
    : null;
  return observedExchange({
    id: "x1",
    url,
    method,
    initiator: origin,
    resourceType: spec.resourceType ?? "fetch",
    mode: spec.mode ?? "unknown",
    credentials: spec.credentials ?? "unknown",
    requestHeaders,
    startedAt: 0,
    preflight,
    hops,
    error,
    recordedBy,
    ...(spec.redirectMode ? { redirectMode: spec.redirectMode } : {}),
  });
}
