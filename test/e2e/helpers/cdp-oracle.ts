/** The part of a CDP session (playwright-core's or puppeteer-core's) the oracle uses. */
export interface CdpLike {
  // biome-ignore lint/suspicious/noExplicitAny: both libraries type events by their own protocol maps
  on(event: any, listener: (params: any) => void): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  send(method: any): Promise<unknown>;
}

/** What Chromium itself decided for one request, read over the DevTools protocol. */
export interface ChromiumVerdict {
  verdict: "blocked" | "allowed";
  /** `corsErrorStatus.corsError`, or null (allowed, or a net error without CORS status). */
  corsError: string | null;
  failedParameter: string | null;
  errorText: string | null;
  /** Preflights Chromium sent for this request (initiator.type "preflight"). */
  preflights: number;
}

interface Sent {
  requestId: string;
  url: string;
  initiator?: { type: string; url?: string; requestId?: string };
}

/** Collects Network events on a page session: the browser's own CORS verdicts (CDP `Network.loadingFailed.corsErrorStatus`). */
export class CdpOracle {
  private sent = new Map<string, Sent>();
  private failed = new Map<
    string,
    { errorText: string; corsErrorStatus?: { corsError: string; failedParameter: string } }
  >();
  private finished = new Set<string>();

  static async attach(session: CdpLike): Promise<CdpOracle> {
    const oracle = new CdpOracle();
    session.on(
      "Network.requestWillBeSent",
      (e: { requestId: string; request: { url: string }; initiator: Sent["initiator"] }) => {
        if (!oracle.sent.has(e.requestId))
          oracle.sent.set(e.requestId, {
            requestId: e.requestId,
            url: e.request.url,
            initiator: e.initiator,
          });
      },
    );
    session.on(
      "Network.loadingFailed",
      (e: {
        requestId: string;
        errorText: string;
        corsErrorStatus?: { corsError: string; failedParameter: string };
      }) => {
        oracle.failed.set(e.requestId, {
          errorText: e.errorText,
          ...(e.corsErrorStatus ? { corsErrorStatus: e.corsErrorStatus } : {}),
        });
      },
    );
    session.on("Network.loadingFinished", (e: { requestId: string }) => oracle.finished.add(e.requestId));
    await session.send("Network.enable");
    return oracle;
  }

  /**
   * Chromium has said how every request sent to `url` on this session ended (finished or failed):
   * `verdictFor` then has its answer. True also when none was sent on this session (a dedicated
   * worker's). A preflight is sent, and counted, before its request can end.
   */
  ended(url: string): boolean {
    return [...this.sent.values()]
      .filter((s) => s.url === url && s.initiator?.type !== "preflight")
      .every((s) => this.failed.has(s.requestId) || this.finished.has(s.requestId));
  }

  /** Chromium's verdict for the request first sent to `url`, or null if Chromium reported none (yet). */
  verdictFor(url: string): ChromiumVerdict | null {
    // Chromium's font loader first asks the cache only (net::ERR_CACHE_MISS), then really loads.
    const actual = [...this.sent.values()]
      .filter((s) => s.url === url && s.initiator?.type !== "preflight")
      .filter((s) => this.failed.get(s.requestId)?.errorText !== "net::ERR_CACHE_MISS")
      .at(-1);
    if (!actual) return null;
    // CDP links a preflight to its request (initiator.requestId): a cached preflight has none.
    const preflights = [...this.sent.values()].filter(
      (s) =>
        s.initiator?.type === "preflight" &&
        (s.initiator.requestId ?? actual.requestId) === actual.requestId &&
        s.initiator.url === url,
    ).length;
    const failure = this.failed.get(actual.requestId);
    if (failure) {
      return {
        verdict: "blocked",
        corsError: failure.corsErrorStatus?.corsError ?? null,
        failedParameter: failure.corsErrorStatus?.failedParameter ?? null,
        errorText: failure.errorText,
        preflights,
      };
    }
    if (this.finished.has(actual.requestId))
      return { verdict: "allowed", corsError: null, failedParameter: null, errorText: null, preflights };
    return null;
  }
}
