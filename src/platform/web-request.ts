/**
 * The webRequest adapter: subscribes to the five events that carry the evidence (request headers as
 * sent, response headers, redirects, the end) and normalizes Chrome's and Firefox's details into one
 * `ObservedEvent`. Observe only: no blocking listener, nothing modified.
 */
import type { ObservedEvent } from "../capture/events";
import type { HeaderList } from "../engine";
import { browser, type WebRequest } from "./browser";

/** The fields every one of the five events' details has (Chrome and Firefox alike). */
type CommonDetails = Pick<
  WebRequest.OnSendHeadersDetailsType,
  | "requestId"
  | "tabId"
  | "frameId"
  | "url"
  | "method"
  | "type"
  | "timeStamp"
  | "initiator"
  | "originUrl"
  | "documentUrl"
>;

/** A header as the browser gives it; Chrome's binary values may come as an ArrayBuffer. */
interface RawHeader {
  name: string;
  value?: string;
  binaryValue?: number[] | ArrayBuffer;
}

/**
 * Every request repeats the same header names and many of the same values (User-Agent, client
 * hints, Origin, the Access-Control-* answers): one shared string each keeps 2,000 exchanges per
 * tab small in the worker's heap.
 */
const INTERNED = new Map<string, string>();
const REPEATED =
  /^(user-agent|accept|accept-language|accept-encoding|sec-ch-ua.*|sec-fetch-.*|origin|referer|connection|keep-alive|content-type|access-control-.*|vary|server|cache-control|pragma|priority)$/i;

function intern(text: string): string {
  const known = INTERNED.get(text);
  if (known !== undefined) return known;
  if (INTERNED.size >= 10_000) INTERNED.clear();
  INTERNED.set(text, text);
  return text;
}

function headers(raw: RawHeader[] | undefined): HeaderList {
  if (!raw) return [];
  return raw.map((h): [string, string] => {
    const value = h.value ?? decodeBinary(h.binaryValue);
    return [intern(h.name), value.length <= 256 && REPEATED.test(h.name) ? intern(value) : value];
  });
}

function decodeBinary(bytes: number[] | ArrayBuffer | undefined): string {
  if (!bytes) return "";
  const array = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  let text = "";
  for (const b of array) text += String.fromCharCode(b);
  return text;
}

function originOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:"
      ? u.origin
      : u.protocol === "file:" || u.protocol === "data:"
        ? "null"
        : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

function base(d: CommonDetails) {
  return {
    requestId: String(d.requestId),
    tabId: d.tabId,
    frameId: d.frameId,
    url: d.url,
    method: d.method,
    type: d.type,
    // Chrome reports the requesting origin; Firefox the requesting document's URL.
    initiator: d.initiator ?? originOfUrl(d.originUrl),
    documentUrl: d.documentUrl ?? null,
    timeStamp: d.timeStamp,
  };
}

/**
 * Chrome shows Origin, preflights and CORS-failed responses only to listeners with `extraHeaders`
 * (Chrome webRequest docs, "extraHeaders"; checked in Chromium 156 by test/e2e/chromium-oracle.e2e.test.ts); Firefox rejects the value ("Invalid enumeration value"), so feature-detect.
 */
function extraHeaders(): Array<"extraHeaders"> {
  const chromeApi = (
    globalThis as { chrome?: { webRequest?: { OnSendHeadersOptions?: { EXTRA_HEADERS?: string } } } }
  ).chrome;
  return chromeApi?.webRequest?.OnSendHeadersOptions?.EXTRA_HEADERS ? ["extraHeaders"] : [];
}

/** Set only by the listener measurement's builds (scripts/bench/listeners.mjs). */
declare const __DROP_LISTENERS__: string[] | undefined;

/**
 * One webRequest event as the typed API declares it: `D` its details, `S` its extraInfoSpec values.
 * Each of the five events of `WebRequest.Static` is one of these, so no cast is needed to use them.
 */
interface TypedEvent<D, S extends string> {
  addListener(callback: (details: D) => void, filter: WebRequest.RequestFilter, extraInfoSpec?: S[]): void;
  removeListener(callback: (details: D) => void): void;
  hasListener(callback: (details: D) => void): boolean;
}

/** A registered listener, its event's types closed over. */
interface Registration {
  add(filter: WebRequest.RequestFilter): void;
  remove(): void;
  has(): boolean;
}

/** The subscription, switchable: paused means no listener is registered, so nothing is dispatched. */
export interface WebRequestSubscription {
  /** Registers the listeners; `hosts` narrows their URL filter (null: every URL). */
  start(hosts?: readonly string[] | null): void;
  stop(): void;
  /** Whether the browser has any of our listeners registered (its own bookkeeping, not ours). */
  listening(): boolean;
}

/**
 * Registers the listeners synchronously (call at the top level of the background: an MV3 worker
 * woken by an event must find them) and returns the switch that removes and re-adds them.
 */
export function observeWebRequests(onEvent: (event: ObservedEvent) => void): WebRequestSubscription {
  const api = browser.webRequest;
  let filter: WebRequest.RequestFilter = { urls: ["<all_urls>"] };
  const extra = extraHeaders();
  const registrations: Registration[] = [];
  const on = <D, S extends string>(
    name: string,
    event: TypedEvent<D, S> | undefined,
    spec: S[],
    map: (d: D) => ObservedEvent,
  ) => {
    // Only `npm run bench -- listeners` builds without some listener, to measure what each is worth.
    // biome-ignore lint/complexity/useOptionalChain: the name is undeclared in normal builds; only typeof may read it
    if (typeof __DROP_LISTENERS__ !== "undefined" && __DROP_LISTENERS__.includes(name)) return;
    if (!event) return;
    const listener = (d: D) => onEvent(map(d));
    registrations.push({
      // Firefox rejects an explicit `undefined` extraInfoSpec ("Incorrect argument types").
      add: (f) => (spec.length > 0 ? event.addListener(listener, f, spec) : event.addListener(listener, f)),
      remove: () => event.removeListener(listener),
      has: () => event.hasListener(listener),
    });
  };

  on("onSendHeaders", api.onSendHeaders, ["requestHeaders", ...extra], (d) => ({
    ...base(d),
    kind: "send",
    requestHeaders: headers(d.requestHeaders),
  }));
  on("onHeadersReceived", api.onHeadersReceived, ["responseHeaders", ...extra], (d) => ({
    ...base(d),
    kind: "headers",
    statusCode: d.statusCode ?? 0,
    responseHeaders: headers(d.responseHeaders),
  }));
  on("onBeforeRedirect", api.onBeforeRedirect, ["responseHeaders", ...extra], (d) => ({
    ...base(d),
    kind: "redirect",
    statusCode: d.statusCode ?? 0,
    redirectUrl: d.redirectUrl ?? d.url,
    responseHeaders: headers(d.responseHeaders),
    fromCache: d.fromCache ?? false,
  }));
  on("onCompleted", api.onCompleted, ["responseHeaders", ...extra], (d) => ({
    ...base(d),
    kind: "completed",
    statusCode: d.statusCode ?? 0,
    responseHeaders: headers(d.responseHeaders),
    fromCache: d.fromCache ?? false,
  }));
  on("onErrorOccurred", api.onErrorOccurred, extra, (d) => ({
    ...base(d),
    kind: "error",
    error: d.error ?? "unknown error",
    fromCache: d.fromCache ?? false,
  }));

  const subscription: WebRequestSubscription = {
    start(hosts) {
      if (hosts !== undefined) {
        const urls = hosts === null || hosts.length === 0 ? ["<all_urls>"] : hosts.map((h) => `*://${h}/*`);
        if (urls.join(" ") !== filter.urls.join(" ")) {
          // A listener's filter is fixed when it is added: a new one means removing it first.
          for (const registration of registrations) registration.remove();
          filter = { urls };
        }
      }
      for (const registration of registrations) if (!registration.has()) registration.add(filter);
    },
    stop() {
      for (const registration of registrations) registration.remove();
    },
    listening: () => registrations.some((registration) => registration.has()),
  };
  subscription.start();
  return subscription;
}
