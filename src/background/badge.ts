/**
 * The toolbar badge: how many of the tab's cross-origin requests the browser blocked, a distinct
 * mark when there are warnings only, and "off" while recording is paused. Kept per tab from each
 * exchange's own verdict, redrawn at most every BADGE_MS per tab.
 */
import { type BrowserName, diagnose, type ObservedExchange } from "../engine";
import { type Translate, tEn } from "../i18n";
import type { BackgroundPlatform } from "./platform";

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

const RED = "#c5221f";
const AMBER = "#b06000";
const GREY = "#5f6368";
const BADGE_MS = 100;

/** What the badge says for a tab (pure). */
export function badgeLook(blocked: number, warned: number, paused: boolean, t: Translate = tEn): BadgeLook {
  if (paused) return { text: t("badge.off"), color: GREY, title: t("badge.paused") };
  if (blocked > 0)
    return {
      text: blocked > 99 ? "99+" : String(blocked),
      color: RED,
      title: t("badge.blocked", { count: blocked }),
    };
  if (warned > 0)
    return {
      text: "!",
      color: AMBER,
      title: t("badge.warned", { count: warned }),
    };
  return { text: "", color: GREY, title: "CORS Lens" };
}

interface Mark {
  blocked: boolean;
  warned: boolean;
}

export class BadgeKeeper {
  private marks = new Map<number, Map<string, Mark>>();
  private dirty = new Set<number>();
  private timer = false;
  private paused = false;

  constructor(
    private readonly platform: Pick<BackgroundPlatform, "setBadge" | "setTimeout">,
    private readonly browser: BrowserName,
    /** The browser's language: the badge's tooltip is the browser's own chrome. */
    private readonly t: Translate = tEn,
  ) {}

  private mark(exchange: ObservedExchange): Mark {
    const d = diagnose(exchange, { browser: this.browser });
    return { blocked: d.verdict === "blocked", warned: d.findings.some((f) => f.severity !== "info") };
  }

  changed(tabId: number, exchange: ObservedExchange): void {
    const marks = this.marks.get(tabId) ?? new Map<string, Mark>();
    marks.set(exchange.id, this.mark(exchange));
    this.marks.set(tabId, marks);
    this.schedule(tabId);
  }

  /** The tab's history was replaced (navigation, Clear, a restart): count it again. */
  reset(tabId: number, exchanges: readonly ObservedExchange[]): void {
    this.marks.set(tabId, new Map(exchanges.map((x) => [x.id, this.mark(x)])));
    this.schedule(tabId);
  }

  removed(tabId: number): void {
    this.marks.delete(tabId);
    this.dirty.delete(tabId);
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    // The global badge covers tabs CORS Lens has not seen; each known tab gets its own.
    this.platform.setBadge(null, badgeLook(0, 0, paused, this.t));
    for (const tabId of this.marks.keys()) this.schedule(tabId);
  }

  private schedule(tabId: number): void {
    this.dirty.add(tabId);
    if (this.timer) return;
    this.timer = true;
    this.platform.setTimeout(() => this.flush(), BADGE_MS);
  }

  private flush(): void {
    this.timer = false;
    for (const tabId of this.dirty) {
      const marks = [...(this.marks.get(tabId)?.values() ?? [])];
      this.platform.setBadge(
        tabId,
        badgeLook(
          marks.filter((m) => m.blocked).length,
          marks.filter((m) => m.warned).length,
          this.paused,
          this.t,
        ),
      );
    }
    this.dirty.clear();
  }
}
