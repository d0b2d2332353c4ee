/**
 * `cors-lens/playwright`: CORS Lens in a user's own Playwright tests. Attach it to a page (or use the
 * `corsLensFixtures()` fixture); `await lens.assertNoCorsErrors()` first waits until every
 * cross-origin request the page started has ended, then fails with CORS Lens's diagnosis of each one
 * that failed: the cause, both browsers' names, the fix and the request.
 *
 * In Chromium it reads the DevTools protocol's Network domain (the wire headers, preflights and
 * redirects, Chromium's own CORS error); in Firefox and WebKit it reads what Playwright's request
 * events give, which has no preflights and no CORS error, and it says so (`limitations`).
 * Typed structurally: it needs no Playwright of its own.
 */
import {
  type BrowserName,
  type HeaderList,
  type Hop,
  type ObservedExchange,
  observedExchange,
  originOf,
  visibilityOf,
} from "../engine";
import { classifyError } from "../engine/rules/classify-error";
import { type Lang, type Translate, translator } from "../i18n";
import { exportHar } from "../report/har-export";
import { preferredFix } from "../report/preferred-fix";
import { buildReport, type ReportDocument, type ReportExchange } from "../report/report";
import { visibleText } from "../report/safe-text";
import { until } from "./wait";

/**
 * The part of a Playwright CDPSession the helper uses; parameters typed `never` so that
 * Playwright's own overloads (one per protocol event) fit.
 */
export interface CdpSessionLike {
  on(event: never, listener: never): unknown;
  send(method: never, params?: never): Promise<unknown>;
  detach(): Promise<void>;
}

/** The session's methods as the helper calls them: by event and method name. */
function untyped(session: CdpSessionLike) {
  return session as unknown as {
    on(event: string, listener: (params: unknown) => void): unknown;
    send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  };
}

/** The part of a Playwright Request the helper reads. */
export interface RequestLike {
  url(): string;
  method(): string;
  resourceType(): string;
  allHeaders(): Promise<Record<string, string>>;
  failure(): { errorText: string } | null;
  redirectedFrom(): RequestLike | null;
  redirectedTo?(): RequestLike | null;
  /** The service worker that made it (Chromium only), else null. */
  serviceWorker?(): { url(): string } | null;
  response(): Promise<{ status(): number; allHeaders(): Promise<Record<string, string>> } | null>;
}

type RequestEvent = "request" | "requestfinished" | "requestfailed";

/** The part of a Playwright Page the helper uses. */
export interface PageLike {
  url(): string;
  context(): {
    browser(): { browserType(): { name(): string } } | null;
    /** Takes the page itself (typed `never` so that Playwright's own signature fits). */
    newCDPSession?(page: never): Promise<CdpSessionLike>;
    /** The context's events: where Playwright reports service workers' requests. */
    on?(event: RequestEvent, listener: (request: RequestLike) => void): unknown;
  };
  on(event: RequestEvent, listener: (request: RequestLike) => void): unknown;
  /** A round trip through the page (typed `never` so that Playwright's generic signature fits). */
  evaluate?(expression: never): Promise<unknown>;
}

export interface CorsLensOptions {
  /** Whose rules and names to apply. @default the page's browser (chromium for WebKit too). */
  browser?: BrowserName;
  /** The fix to show: a server stack of `SERVER_STACKS`. @default the one detected, else headers. */
  stack?: string;
  /** The language of the failure's words; the codes and browser names stay. @default "en" */
  lang?: Lang;
}

export interface SettleOptions {
  /**
   * How long to wait for the page's open cross-origin requests to end; those still open then are
   * a failure of `assertNoCorsErrors()`, named. @default 5000
   */
  timeout?: number;
  /**
   * After the last open request ended, how long to keep looking for one the page starts next (a
   * fetch scheduled by a timer in the click handler). @default 50
   */
  quiet?: number;
}

/** A request the page started and whose end was not seen. */
export interface OpenRequest {
  method: string;
  url: string;
}

export interface CorsLens {
  /** What this browser lets the helper see, in words: empty in Chromium. */
  readonly limitations: readonly string[];
  /** The report document (report-format.md) of every request that has ended so far. */
  report(): ReportDocument;
  /** Blocked cross-origin requests so far. */
  blocked(): ReportExchange[];
  /**
   * Every failed cross-origin request so far: the blocked ones, and those that failed for a reason
   * the helper could not diagnose ("failed, cause not recorded"); a cancelled request is not one.
   */
  failed(): ReportExchange[];
  /**
   * Waits until every cross-origin request the page has started has ended, or `timeout` passed;
   * returns those still open (empty when all ended).
   */
  settle(options?: SettleOptions): Promise<OpenRequest[]>;
  /**
   * A HAR 1.2 of what it saw, preflights and blocked responses' headers included (Playwright's own
   * recordHar keeps neither), secrets redacted unless asked: for `cors-lens analyze` in a CI job.
   */
  har(options?: { includeSecrets?: boolean }): string;
  /**
   * Settles (`settle()`), then rejects with an Error naming each failed cross-origin request (its
   * cause and fix, or "failed, cause not recorded") and each one still open; resolves when none is.
   */
  assertNoCorsErrors(options?: SettleOptions): Promise<void>;
  detach(): Promise<void>;
}

/** One request/response round trip as the Network domain's main events show it. */
interface CdpHop {
  url: string;
  method: string;
  headers: HeaderList;
  status: number | null;
  responseHeaders: HeaderList;
}

interface CdpRequest {
  requestId: string;
  type: string;
  initiator?: { type: string; requestId?: string };
  startedAt: number;
  /** Each redirect, then the current request. */
  hops: CdpHop[];
  error: string | null;
  /** Chromium's CorsError for a request it blocked (`Network.loadingFailed`'s `corsErrorStatus`). */
  corsError: string | null;
  /** The final response reached the page: its CORS check passed (the verdict cannot change). */
  answered: boolean;
  done: boolean;
}

/** What the helper reads requests from: the exchanges that ended, and those still open. */
interface Recorder {
  exchanges(): ObservedExchange[];
  open(): OpenRequest[];
  /**
   * Requests settling waits for: the open cross-origin ones, and the page's own fetch/XHR still in
   * flight (a service worker may be answering one with a cross-origin request of its own, which
   * Playwright reports on the context only once the worker makes it).
   */
  waiting(): number;
  /** Requests that ended but whose evidence may still be on its way. */
  arriving(): number;
  /** A round trip to the browser: every request the page started before it is known after it. */
  barrier(): Promise<void>;
  /** Calls `listener` on every event that can change `open()` or `arriving()`; returns its removal. */
  onChange(listener: () => void): () => void;
}

const pairs = (headers: Record<string, string> | undefined): HeaderList =>
  Object.entries(headers ?? {}).flatMap(([name, value]) =>
    // CDP and Playwright join repeated headers with newlines.
    String(value)
      .split("\n")
      .map((v) => [name, v] as const),
  );

const isHttp = (url: string | undefined) => /^https?:/.test(url ?? "");

/**
 * The Network domain's events for one page, gathered into exchanges (preflights paired by CDP's own
 * link). The ExtraInfo events carry the headers as on the wire (`Origin`, `Cookie`, a CORS-failed
 * response's headers); they may come before or after the main event, so they are kept per request,
 * one per hop in order, and joined when the exchanges are read.
 */
class CdpRecorder implements Recorder {
  private readonly requests = new Map<string, CdpRequest>();
  private readonly sentOnWire = new Map<string, HeaderList[]>();
  private readonly receivedOnWire = new Map<string, Array<{ status: number; headers: HeaderList }>>();
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly session: CdpSessionLike,
    private readonly pageOrigin: () => string | null,
  ) {
    const on = <E>(event: string, listener: (e: E) => void) =>
      untyped(session).on(event, ((e: E) => {
        listener(e);
        for (const l of [...this.listeners]) l();
      }) as (params: unknown) => void);
    on<{
      requestId: string;
      request: { url: string; method: string; headers: Record<string, string> };
      type?: string;
      initiator?: { type: string; requestId?: string };
      redirectResponse?: { status: number; headers: Record<string, string> };
      wallTime?: number;
    }>("Network.requestWillBeSent", (e) => {
      const hop: CdpHop = {
        url: e.request.url,
        method: e.request.method,
        headers: pairs(e.request.headers),
        status: null,
        responseHeaders: [],
      };
      const known = this.requests.get(e.requestId);
      if (known && e.redirectResponse) {
        // Same id, next URL: the previous hop was answered by a redirect.
        const last = known.hops[known.hops.length - 1];
        if (last) {
          last.status = e.redirectResponse.status;
          last.responseHeaders = pairs(e.redirectResponse.headers);
        }
        known.hops.push(hop);
        return;
      }
      this.requests.set(e.requestId, {
        requestId: e.requestId,
        type: (e.type ?? "other").toLowerCase(),
        ...(e.initiator ? { initiator: e.initiator } : {}),
        startedAt: e.wallTime ? e.wallTime * 1000 : Date.now(),
        hops: [hop],
        error: null,
        corsError: null,
        answered: false,
        done: false,
      });
    });
    on<{ requestId: string; headers: Record<string, string> }>("Network.requestWillBeSentExtraInfo", (e) => {
      const list = this.sentOnWire.get(e.requestId) ?? [];
      list.push(pairs(e.headers));
      this.sentOnWire.set(e.requestId, list);
    });
    on<{ requestId: string; response: { status: number; headers: Record<string, string> } }>(
      "Network.responseReceived",
      (e) => {
        const r = this.requests.get(e.requestId);
        const last = r?.hops.at(-1);
        if (!r || !last) return;
        last.status = e.response.status;
        last.responseHeaders = pairs(e.response.headers);
        // Chromium hands the page a response only once its CORS check passed
        // (services/network/cors/cors_url_loader.cc): a stream that never finishes is settled here.
        r.answered = true;
      },
    );
    on<{ requestId: string; statusCode: number; headers: Record<string, string> }>(
      "Network.responseReceivedExtraInfo",
      (e) => {
        const list = this.receivedOnWire.get(e.requestId) ?? [];
        list.push({ status: e.statusCode, headers: pairs(e.headers) });
        this.receivedOnWire.set(e.requestId, list);
      },
    );
    on<{ requestId: string; errorText: string; corsErrorStatus?: { corsError: string } }>(
      "Network.loadingFailed",
      (e) => {
        const r = this.requests.get(e.requestId);
        if (!r) return;
        r.error = e.errorText;
        r.corsError = e.corsErrorStatus?.corsError ?? null;
        r.done = true;
      },
    );
    on<{ requestId: string }>("Network.loadingFinished", (e) => {
      const r = this.requests.get(e.requestId);
      if (r) r.done = true;
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener) >>> 0, 1);
  }

  async barrier(): Promise<void> {
    // The renderer sends `requestWillBeSent` for a request as it starts it; the answer to a command
    // it runs comes after every event it sent before.
    await untyped(this.session).send("Runtime.evaluate", { expression: "0" });
  }

  private crossOrigin(r: CdpRequest): boolean {
    const origin = this.pageOrigin();
    return r.hops.some((h) => isHttp(h.url) && originOf(h.url) !== origin);
  }

  open(): OpenRequest[] {
    return [...this.requests.values()]
      .filter((r) => !r.done && !r.answered && r.initiator?.type !== "preflight" && this.crossOrigin(r))
      .map((r) => ({ method: r.hops[0]?.method ?? "GET", url: r.hops.at(-1)?.url ?? "" }));
  }

  waiting(): number {
    return [...this.requests.values()].filter(
      (r) =>
        !r.done &&
        !r.answered &&
        r.initiator?.type !== "preflight" &&
        (this.crossOrigin(r) || r.type === "Fetch" || r.type === "XHR"),
    ).length;
  }

  arriving(): number {
    // A response Chromium blocked reaches us only as `responseReceivedExtraInfo`, sent from the
    // browser process, which may come after the renderer's `loadingFailed`.
    let count = 0;
    for (const r of this.requests.values()) {
      if (!r.done || r.corsError === null) continue;
      const preflight = [...this.requests.values()].find(
        (p) => p.initiator?.type === "preflight" && p.initiator.requestId === r.requestId,
      );
      const seen = (this.receivedOnWire.get(r.requestId)?.length ?? 0) > 0;
      const preflightSeen = preflight
        ? (this.receivedOnWire.get(preflight.requestId)?.length ?? 0) > 0
        : false;
      if (!seen && !preflightSeen) count += 1;
    }
    return count;
  }

  /** Chromium's own CorsError for each request it blocked, by request id. */
  corsErrors(): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.requests.values()) if (r.corsError) out.set(r.requestId, r.corsError);
    return out;
  }

  /** The request's hops with the wire headers where CDP gave them. */
  private hops(r: CdpRequest): Hop[] {
    const sent = this.sentOnWire.get(r.requestId) ?? [];
    const received = this.receivedOnWire.get(r.requestId) ?? [];
    return r.hops.map((h, i) => {
      const wire = received[i];
      const last = i === r.hops.length - 1;
      return {
        url: h.url,
        method: h.method,
        status: wire?.status ?? h.status,
        requestHeaders: sent[i] ?? h.headers,
        responseHeaders: wire?.headers ?? h.responseHeaders,
        error: last ? r.error : null,
        fromCache: false,
      };
    });
  }

  exchanges(): ObservedExchange[] {
    const all = [...this.requests.values()];
    const preflightOf = new Map<string, CdpRequest>();
    for (const r of all)
      if (r.initiator?.type === "preflight" && r.initiator.requestId)
        preflightOf.set(r.initiator.requestId, r);
    return all
      .filter((r) => r.initiator?.type !== "preflight" && r.done && isHttp(r.hops[0]?.url))
      .map((r) => {
        const p = preflightOf.get(r.requestId);
        const hops = this.hops(r);
        // No response: blocked before it went out (a failed preflight), as Chromium's webRequest shows it.
        const answered = hops.filter((h, i) => h.status !== null || i < hops.length - 1);
        const first = hops[0] as Hop;
        return observedExchange({
          id: r.requestId,
          url: first.url,
          method: first.method,
          initiator: null,
          resourceType: r.type,
          mode: "unknown",
          requestHeaders: first.requestHeaders,
          startedAt: r.startedAt,
          preflight: p ? (this.hops(p)[0] ?? null) : null,
          hops: answered,
          error: r.error,
          recordedBy: "chromium",
        });
      });
  }
}

/**
 * What Playwright's request events give: outside Chromium for the page, and in Chromium for the
 * requests of service workers (reported on the context, not on the page's DevTools session).
 */
class EventRecorder {
  private readonly done: ObservedExchange[] = [];
  /** Started and not yet recorded as ended: the request, and the page origin it was started under. */
  private readonly started = new Map<RequestLike, string | null>();
  private readonly listeners: Array<() => void> = [];
  private count = 0;

  constructor(
    private readonly browser: BrowserName,
    private readonly pageOrigin: () => string | null,
  ) {}

  /** Follows `source`'s requests that `accept` takes. */
  listen(
    source: { on?(event: RequestEvent, listener: (request: RequestLike) => void): unknown },
    accept: (request: RequestLike) => boolean,
  ): void {
    source.on?.("request", (request) => {
      if (!accept(request) || !isHttp(request.url())) return;
      this.started.set(request, this.pageOrigin());
      this.changed();
    });
    const ended = (request: RequestLike) => {
      if (!accept(request)) return;
      void this.observe(request)
        // A request the driver would not let us read is not a success: it is recorded with why.
        .catch((error: unknown) => this.unreadable(request, error))
        .then((x) => {
          if (x) this.done.push(x);
          this.started.delete(request);
          this.changed();
        });
    };
    source.on?.("requestfinished", ended);
    source.on?.("requestfailed", ended);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  onChange(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener) >>> 0, 1);
  }

  open(): OpenRequest[] {
    return [...this.started.entries()]
      .filter(([r, origin]) => originOf(r.url()) !== origin)
      .map(([r]) => ({ method: r.method(), url: r.url() }));
  }

  waiting(): number {
    return [...this.started.entries()].filter(
      ([r, origin]) => originOf(r.url()) !== origin || ["fetch", "xhr"].includes(r.resourceType()),
    ).length;
  }

  /** What can still be said of a request whose reading threw: its URL, method and the reason. */
  private unreadable(request: RequestLike, error: unknown): ObservedExchange | null {
    const read = <T>(f: () => T, fallback: T): T => {
      try {
        return f();
      } catch {
        return fallback;
      }
    };
    const url = read(() => request.url(), "");
    if (!isHttp(url)) return null;
    const failure = read(() => request.failure()?.errorText ?? null, null);
    const reason = error instanceof Error ? error.message || error.name : String(error);
    this.count += 1;
    return observedExchange({
      id: `pw-${this.count}`,
      url,
      method: read(() => request.method(), "GET"),
      startedAt: Date.now(),
      error: failure ?? `unreadable: ${reason}`,
      recordedBy: this.browser,
      visibility: visibilityOf(this.browser, false),
    });
  }

  private async observe(request: RequestLike): Promise<ObservedExchange | null> {
    if (!isHttp(request.url())) return null;
    // A redirect ends its hop with `requestfinished` and starts the next request: the chain is
    // recorded once, from its last request.
    if (request.redirectedTo?.()) return null;
    const chain: RequestLike[] = [];
    for (let r: RequestLike | null = request; r; r = r.redirectedFrom()) chain.unshift(r);
    const hops: Hop[] = [];
    for (const r of chain) {
      const response = await r.response();
      hops.push({
        url: r.url(),
        method: r.method(),
        status: response ? response.status() : null,
        requestHeaders: pairs(await r.allHeaders()),
        responseHeaders: response ? pairs(await response.allHeaders()) : [],
        error: r.failure()?.errorText ?? null,
        fromCache: false,
      });
    }
    const first = chain[0] as RequestLike;
    const worker = request.serviceWorker?.() ?? null;
    this.count += 1;
    return observedExchange({
      id: `pw-${this.count}`,
      url: first.url(),
      method: first.method(),
      // A service worker's request is made from the worker's origin.
      initiator: worker ? originOf(worker.url()) : null,
      // Not every driver implements it (Puppeteer's WebDriver BiDi Firefox throws UnsupportedOperation).
      resourceType: (() => {
        try {
          return first.resourceType();
        } catch {
          return "other";
        }
      })(),
      mode: "unknown",
      requestHeaders: hops[0]?.requestHeaders ?? null,
      startedAt: Date.now(),
      preflight: null,
      hops,
      error: request.failure()?.errorText ?? null,
      recordedBy: this.browser,
      visibility: visibilityOf(this.browser, false),
    });
  }

  exchanges(): ObservedExchange[] {
    return [...this.done];
  }
}

/** A request that failed, as the report has it: CORS Lens's cause, or none it could tell. */
function isFailure(x: ReportExchange, corsErrors: ReadonlyMap<string, string>): boolean {
  if (x.verdict === "blocked") return true;
  // A same-origin request is no CORS request: its failure is another test's business.
  if (x.initiator !== null && originOf(x.url) === x.initiator) return false;
  if (corsErrors.has(x.id)) return true;
  // A failure without a diagnosis is still a failure; a cancellation (the page navigated, the
  // test closed it) and a block that is not CORS (an ad blocker, CSP: "not-cors") are not.
  return x.verdict === "unknown" && x.error !== null && classifyError(x.error) !== "aborted";
}

function describeFailure(
  x: ReportExchange,
  stack: string | undefined,
  t: Translate,
  corsErrors: ReadonlyMap<string, string>,
): string {
  const request = `${visibleText(x.method)} ${visibleText(x.url)}`;
  const cause = x.verdict === "blocked" ? x.causes[0] : undefined;
  if (!cause) {
    return [
      t("playwright.not-recorded", {
        request,
        error: visibleText(x.error ?? t("verdict.blocked")),
        chromium: corsErrors.get(x.id) ?? "—",
      }),
      `  ${t("playwright.not-recorded.how")}`,
    ].join("\n");
  }
  const fix = preferredFix(cause.fixes, stack, x.server?.stack);
  return [
    `${request}: ${cause.title} (Chromium ${cause.chromium ?? "—"}, Firefox ${cause.firefox ?? "—"})`,
    `  ${cause.message}`,
    ...(fix
      ? [
          `  ${t("cli.summary.fix", { title: fix.title })}`,
          // The change to the user's own set-up first, then the imports and the whole set-up.
          ...(fix.change ? [`    ${t("fix.label.change")}: ${fix.change}`] : []),
          ...(fix.imports && fix.imports.length > 0
            ? [`    ${t("fix.label.imports")}:`, ...fix.imports.map((m) => `      ${m.code}`)]
            : []),
          ...(fix.change || (fix.imports && fix.imports.length > 0)
            ? [`    ${t("fix.label.snippet")}:`]
            : []),
          ...fix.snippet.split("\n").map((l) => `    ${l}`),
        ]
      : []),
  ].join("\n");
}

/** `promise`, or nothing once `deadline` passed; its failure ignored (a page mid-navigation). */
function within(promise: Promise<unknown>, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

/**
 * Starts watching `page`'s requests. Call it before the page makes the requests to check:
 *
 * ```ts
 * import { attachCorsLens } from "cors-lens/playwright";
 * test("the app talks to its API", async ({ page }) => {
 *   const lens = await attachCorsLens(page);
 *   await page.goto("http://localhost:5173/");
 *   await page.getByRole("button", { name: "Save" }).click();
 *   await lens.assertNoCorsErrors(); // waits for the requests, then fails with each one's cause and fix
 * });
 * ```
 */
export async function attachCorsLens(page: PageLike, options: CorsLensOptions = {}): Promise<CorsLens> {
  const name = page.context().browser()?.browserType().name() ?? "chromium";
  const browser: BrowserName = options.browser ?? (name === "firefox" ? "firefox" : "chromium");
  const lang = options.lang ?? "en";
  const t = translator(lang);
  const context = page.context();
  const pageOrigin = () => originOf(page.url());
  let session: CdpSessionLike | null = null;
  let cdp: CdpRecorder | null = null;
  const limitations: string[] = [];
  const events = new EventRecorder(browser, pageOrigin);
  const recorders: Recorder[] = [];
  if (name === "chromium" && context.newCDPSession) {
    session = await context.newCDPSession(page as never);
    cdp = new CdpRecorder(session, pageOrigin);
    await untyped(session).send("Network.enable");
    // The page's DevTools session does not see its service workers' own requests: Playwright
    // reports them on the context (Request.serviceWorker()).
    events.listen(context, (r) => (r.serviceWorker?.() ?? null) !== null);
    recorders.push(cdp);
  } else {
    events.listen(page, () => true);
    limitations.push(t("playwright.limitation", { browser: name }));
  }
  const evaluate = page.evaluate?.bind(page);
  recorders.push({
    exchanges: () => events.exchanges(),
    open: () => events.open(),
    waiting: () => events.waiting(),
    arriving: () => 0,
    barrier: async () => {
      if (!cdp && evaluate) await evaluate("0" as never);
    },
    onChange: (l) => events.onChange(l),
  });
  const observed = (): ObservedExchange[] => {
    const origin = pageOrigin();
    // The page's own origin is the initiator of what it requests (CDP does not say it per request).
    return recorders
      .flatMap((r) => r.exchanges())
      .map((x) => (x.initiator === null && origin ? { ...x, initiator: origin } : x));
  };
  const report = (): ReportDocument =>
    buildReport(observed(), { kind: "playwright", url: page.url(), browser: name }, { browser, lang });
  const corsErrors = () => cdp?.corsErrors() ?? new Map<string, string>();
  const failed = () => {
    const errors = corsErrors();
    return report().exchanges.filter((x) => isFailure(x, errors));
  };
  const open = () => recorders.flatMap((r) => r.open());
  const settle = async (settleOptions: SettleOptions = {}): Promise<OpenRequest[]> => {
    const deadline = Date.now() + (settleOptions.timeout ?? 5000);
    const quiet = settleOptions.quiet ?? 50;
    const barrier = () => within(Promise.all(recorders.map((r) => r.barrier())), deadline);
    // Same-origin fetches are waited for (a service worker may answer one from another origin),
    // never reported as open: a long poll of the page's own server ends the wait at the deadline.
    const none = () => recorders.every((r) => r.waiting() === 0);
    await barrier();
    await until(recorders, none, deadline);
    // A request the page starts a moment later (a timer, a promise chain after the click).
    await new Promise((resolve) => setTimeout(resolve, Math.min(quiet, Math.max(0, deadline - Date.now()))));
    await barrier();
    await until(recorders, none, deadline);
    // The evidence of a blocked response, when it comes after the failure: a short wait at most.
    const arriving = () => recorders.every((r) => r.arriving() === 0);
    await until(recorders, arriving, Math.min(deadline, Date.now() + Math.max(quiet, 50)));
    return open();
  };
  return {
    limitations,
    report,
    blocked: () => report().exchanges.filter((x) => x.verdict === "blocked"),
    failed,
    settle,
    har: (options) =>
      JSON.stringify(exportHar(observed(), { includeSecrets: options?.includeSecrets === true }), null, 2),
    async assertNoCorsErrors(settleOptions) {
      const stillOpen = await settle(settleOptions);
      const failures = failed();
      if (failures.length === 0 && stillOpen.length === 0) return;
      const errors = corsErrors();
      const text = [
        ...(failures.length > 0
          ? [
              t("playwright.failed", { count: failures.length }),
              ...failures.map((x) => describeFailure(x, options.stack, t, errors)),
            ]
          : []),
        ...(stillOpen.length > 0
          ? [
              [
                t("playwright.still-open", {
                  count: stillOpen.length,
                  timeout: settleOptions?.timeout ?? 5000,
                }),
                ...stillOpen.map((r) => `  ${visibleText(r.method)} ${visibleText(r.url)}`),
              ].join("\n"),
            ]
          : []),
        ...limitations.map((l) => t("cli.summary.note", { note: l })),
      ].join("\n\n");
      throw new Error(text);
    },
    async detach() {
      await session?.detach();
    },
  };
}

/** What `corsLensFixtures()` adds to a Playwright Test `test`. */
export interface CorsLensFixtures {
  /** The page's lens, attached before the test starts; checked when the test ends. */
  corsLens: CorsLens;
}

type CorsLensFixture = (args: { page: PageLike }, use: (lens: CorsLens) => Promise<void>) => Promise<void>;

/**
 * A Playwright Test fixture: every test gets `corsLens` on its `page`, and fails at its end when a
 * cross-origin request failed (the cause, the fix and the request in the error):
 *
 * ```ts
 * import { test as base, expect } from "@playwright/test";
 * import { type CorsLensFixtures, corsLensFixtures } from "cors-lens/playwright";
 * export const test = base.extend<CorsLensFixtures>(corsLensFixtures());
 * ```
 */
export function corsLensFixtures(options: CorsLensOptions & SettleOptions = {}): {
  corsLens: [CorsLensFixture, { auto: true }];
} {
  const fixture: CorsLensFixture = async ({ page }, use) => {
    const lens = await attachCorsLens(page, options);
    await use(lens);
    try {
      await lens.assertNoCorsErrors(options);
    } finally {
      await lens.detach().catch(() => undefined);
    }
  };
  return { corsLens: [fixture, { auto: true }] };
}
