/**
 * `cors-lens/playwright`: CORS Lens in a user's own Playwright tests. Attach it to a page; at the end
 * (or whenever) `assertNoCorsErrors()` fails with CORS Lens's diagnosis of every blocked
 * cross-origin request the page made: the cause, both browsers' names, and the fix.
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
import { type Lang, type Translate, translator } from "../i18n";
import { exportHar } from "../report/har-export";
import { buildReport, type ReportDocument, type ReportExchange } from "../report/report";

/**
 * The part of a Playwright CDPSession the helper uses; parameters typed `never` so that
 * Playwright's own overloads (one per protocol event) fit.
 */
export interface CdpSessionLike {
  on(event: never, listener: never): unknown;
  send(method: never): Promise<unknown>;
  detach(): Promise<void>;
}

/** The session's methods as the helper calls them: by event and method name. */
function untyped(session: CdpSessionLike) {
  return session as unknown as {
    on(event: string, listener: (params: unknown) => void): unknown;
    send(method: string): Promise<unknown>;
  };
}

interface RequestLike {
  url(): string;
  method(): string;
  resourceType(): string;
  allHeaders(): Promise<Record<string, string>>;
  failure(): { errorText: string } | null;
  redirectedFrom(): RequestLike | null;
  response(): Promise<{ status(): number; allHeaders(): Promise<Record<string, string>> } | null>;
}

/** The part of a Playwright Page the helper uses. */
export interface PageLike {
  url(): string;
  context(): {
    browser(): { browserType(): { name(): string } } | null;
    /** Takes the page itself (typed `never` so that Playwright's own signature fits). */
    newCDPSession?(page: never): Promise<CdpSessionLike>;
  };
  on(event: "requestfinished" | "requestfailed", listener: (request: RequestLike) => void): unknown;
}

export interface CorsLensOptions {
  /** Whose rules and names to apply. @default the page's browser (chromium for WebKit too). */
  browser?: BrowserName;
  /** The fix to show: a server stack of `SERVER_STACKS`. @default the one detected, else headers. */
  stack?: string;
  /** The language of the failure's words; the codes and browser names stay. @default "en" */
  lang?: Lang;
}

export interface CorsLens {
  /** What this browser lets the helper see, in words: empty in Chromium. */
  readonly limitations: readonly string[];
  /** The report document (report-format.md) of every request so far. */
  report(): ReportDocument;
  /** Blocked cross-origin requests so far. */
  blocked(): ReportExchange[];
  /**
   * A HAR 1.2 of what it saw, preflights and blocked responses' headers included (Playwright's own
   * recordHar keeps neither), secrets redacted unless asked: for `cors-lens analyze` in a CI job.
   */
  har(options?: { includeSecrets?: boolean }): string;
  /** Throws an Error naming each blocked request's cause and fix; does nothing when none is. */
  assertNoCorsErrors(): void;
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
  done: boolean;
}

const pairs = (headers: Record<string, string> | undefined): HeaderList =>
  Object.entries(headers ?? {}).flatMap(([name, value]) =>
    // CDP and Playwright join repeated headers with newlines.
    String(value)
      .split("\n")
      .map((v) => [name, v] as const),
  );

/**
 * The Network domain's events for one page, gathered into exchanges (preflights paired by CDP's own
 * link). The ExtraInfo events carry the headers as on the wire (`Origin`, `Cookie`, a CORS-failed
 * response's headers); they may come before or after the main event, so they are kept per request,
 * one per hop in order, and joined when the exchanges are read.
 */
class CdpRecorder {
  private readonly requests = new Map<string, CdpRequest>();
  private readonly sentOnWire = new Map<string, HeaderList[]>();
  private readonly receivedOnWire = new Map<string, Array<{ status: number; headers: HeaderList }>>();

  constructor(session: CdpSessionLike) {
    const on = <E>(event: string, listener: (e: E) => void) =>
      untyped(session).on(event, listener as (params: unknown) => void);
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
        const last = this.requests.get(e.requestId)?.hops.at(-1);
        if (!last) return;
        last.status = e.response.status;
        last.responseHeaders = pairs(e.response.headers);
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
    on<{ requestId: string; errorText: string }>("Network.loadingFailed", (e) => {
      const r = this.requests.get(e.requestId);
      if (!r) return;
      r.error = e.errorText;
      r.done = true;
    });
    on<{ requestId: string }>("Network.loadingFinished", (e) => {
      const r = this.requests.get(e.requestId);
      if (r) r.done = true;
    });
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
      .filter((r) => r.initiator?.type !== "preflight" && r.done && /^https?:/.test(r.hops[0]?.url ?? ""))
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

/** Outside Chromium: what Playwright's request events give. */
class EventRecorder {
  private readonly pending: Array<Promise<ObservedExchange | null>> = [];
  private readonly done: ObservedExchange[] = [];
  private count = 0;

  constructor(
    page: PageLike,
    private readonly browser: BrowserName,
  ) {
    const record = (request: RequestLike) => {
      const job = this.observe(request).catch(() => null);
      this.pending.push(job);
      void job.then((x) => {
        if (x) this.done.push(x);
      });
    };
    page.on("requestfinished", record);
    page.on("requestfailed", record);
  }

  private async observe(request: RequestLike): Promise<ObservedExchange | null> {
    if (!/^https?:/.test(request.url())) return null;
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
    this.count += 1;
    return observedExchange({
      id: `pw-${this.count}`,
      url: first.url(),
      method: first.method(),
      initiator: null,
      resourceType: first.resourceType(),
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

function describe(x: ReportExchange, stack: string | undefined, t: Translate): string {
  const cause = x.causes[0];
  if (!cause) return `${x.method} ${x.url}: ${t("verdict.blocked")}`;
  const fixes = cause.fixes;
  const want = stack ?? x.server?.stack ?? "generic-headers";
  const fix =
    fixes.find((f) => f.stack === want) ?? fixes.find((f) => f.stack === "generic-headers") ?? fixes[0];
  return [
    `${x.method} ${x.url}: ${cause.title} (Chromium ${cause.chromium ?? "—"}, Firefox ${cause.firefox ?? "—"})`,
    `  ${cause.message}`,
    ...(fix
      ? [`  ${t("cli.summary.fix", { title: fix.title })}`, ...fix.snippet.split("\n").map((l) => `    ${l}`)]
      : []),
  ].join("\n");
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
 *   lens.assertNoCorsErrors(); // fails with the cause and the fix for each blocked request
 * });
 * ```
 */
export async function attachCorsLens(page: PageLike, options: CorsLensOptions = {}): Promise<CorsLens> {
  const name = page.context().browser()?.browserType().name() ?? "chromium";
  const browser: BrowserName = options.browser ?? (name === "firefox" ? "firefox" : "chromium");
  const lang = options.lang ?? "en";
  const t = translator(lang);
  const context = page.context();
  let session: CdpSessionLike | null = null;
  let source: { exchanges(): ObservedExchange[] };
  const limitations: string[] = [];
  if (name === "chromium" && context.newCDPSession) {
    session = await context.newCDPSession(page as never);
    source = new CdpRecorder(session);
    await untyped(session).send("Network.enable");
  } else {
    source = new EventRecorder(page, browser);
    limitations.push(t("playwright.limitation", { browser: name }));
  }
  const pageOrigin = () => originOf(page.url());
  const observed = (): ObservedExchange[] => {
    const origin = pageOrigin();
    // The page's own origin is the initiator of what it requests (CDP does not say it per request).
    return source.exchanges().map((x) => (x.initiator === null && origin ? { ...x, initiator: origin } : x));
  };
  const report = (): ReportDocument =>
    buildReport(observed(), { kind: "playwright", url: page.url(), browser: name }, { browser, lang });
  return {
    limitations,
    report,
    blocked: () => report().exchanges.filter((x) => x.verdict === "blocked"),
    har: (options) =>
      JSON.stringify(exportHar(observed(), { includeSecrets: options?.includeSecrets === true }), null, 2),
    assertNoCorsErrors() {
      const blocked = report().exchanges.filter((x) => x.verdict === "blocked");
      if (blocked.length === 0) return;
      const text = [
        t("playwright.blocked", { count: blocked.length }),
        ...blocked.map((x) => describe(x, options.stack, t)),
        ...limitations.map((l) => t("cli.summary.note", { note: l })),
      ].join("\n\n");
      throw new Error(text);
    },
    async detach() {
      await session?.detach();
    },
  };
}
