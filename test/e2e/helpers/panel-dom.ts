/** Readers of the panel's DOM, run inside the panel page (Chromium's DevTools frame, or a tab). */

export const FAILURES = [
  "seed-django-wildcard-credentials",
  "seed-django-missing-header",
  "preflight-401-auth-first",
  "seed-django-500-masked",
];

export interface PanelView {
  rows: number;
  blocked: number;
  causes: string[];
  paths: string[];
}

export function readList(): PanelView {
  const rows = [...document.querySelectorAll(".row")];
  return {
    rows: rows.length,
    blocked: rows.filter((r) => r.getAttribute("data-verdict") === "blocked").length,
    causes: rows.map((r) => r.querySelector(".cause")?.textContent ?? ""),
    paths: rows.map((r) => r.querySelector(".url .path")?.textContent ?? ""),
  };
}

export interface PanelLayout {
  width: number;
  narrow: boolean;
  toolbarRows: number;
  /** Rows whose endpoint path is cut by the URL cell. */
  cutPaths: string[];
  /** Rows whose cause text is ellipsized. */
  cutCauses: string[];
  /** The toolbar's request counts, when they do not fit. */
  cutCounts: string | null;
}

export function readLayout(): PanelLayout {
  const toolbar = document.querySelector(".toolbar") as HTMLElement;
  // Rows of controls: how many times a visible control starts below the previous one's bottom.
  const controls = [...toolbar.children]
    .filter((c) => (c as HTMLElement).offsetParent !== null)
    .map((c) => c.getBoundingClientRect());
  let toolbarRows = controls.length > 0 ? 1 : 0;
  for (let i = 1; i < controls.length; i++)
    if ((controls[i]?.top ?? 0) >= (controls[i - 1]?.bottom ?? 0) - 1) toolbarRows++;
  const rows = [...document.querySelectorAll<HTMLElement>(".row")];
  const counts = document.querySelector<HTMLElement>(".toolbar .counts");
  return {
    cutCounts: counts && counts.scrollWidth > counts.clientWidth + 1 ? (counts.textContent ?? "") : null,
    width: innerWidth,
    narrow: document.querySelector(".list.narrow") !== null,
    toolbarRows,
    cutPaths: rows
      .filter((r) => {
        const path = r.querySelector(".url .path")?.getBoundingClientRect();
        const cell = r.querySelector(".url")?.getBoundingClientRect();
        return !path || !cell || path.right > cell.right + 0.5;
      })
      .map((r) => r.querySelector(".url .path")?.textContent ?? ""),
    cutCauses: rows
      .map((r) => r.querySelector<HTMLElement>(".cause"))
      .filter(
        (c): c is HTMLElement =>
          c !== null && (c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1),
      )
      .map((c) => c.textContent ?? ""),
  };
}

export interface DetailView {
  title: string;
  requiredVsSent: string;
  failingRows: string[];
  stackOptions: number;
  message: string;
  chromiumSentence: string;
  requiredVsSentTop: number;
  fixTop: number;
  visibleHeight: number;
  originLines: number;
  theme: string;
  background: string;
}

export function readDetail(): DetailView | null {
  const detail = document.querySelector<HTMLElement>(".detail");
  if (!detail) return null;
  const top = (selector: string) => {
    const el = detail.querySelector(selector);
    return el
      ? el.getBoundingClientRect().top - detail.getBoundingClientRect().top
      : Number.POSITIVE_INFINITY;
  };
  const originCell = [...detail.querySelectorAll("table.evidence tr")].find((tr) =>
    tr.querySelector("th")?.textContent?.startsWith("Origin"),
  );
  const originValue = originCell?.querySelectorAll("td")[1]?.querySelector(".value");
  return {
    title: detail.querySelector(".cause h2")?.textContent ?? "",
    requiredVsSent: detail.querySelector(".required-sent")?.textContent ?? "",
    failingRows: [...detail.querySelectorAll("table.evidence tr.failing th")].map(
      (th) => th.textContent ?? "",
    ),
    stackOptions: detail.querySelectorAll(".fixes select option").length,
    message: detail.querySelector(".cause .message")?.textContent ?? "",
    chromiumSentence: detail.querySelector('blockquote[data-browser="chromium"]')?.textContent ?? "",
    requiredVsSentTop: top(".required-sent"),
    // The fix's first line: the change to the user's set-up where there is one, else the snippet.
    fixTop: Math.min(top(".fixes .fix-change"), top(".fixes pre")),
    visibleHeight: detail.clientHeight,
    originLines: originValue ? originValue.getClientRects().length : -1,
    theme: document.documentElement.dataset.theme ?? "",
    background: getComputedStyle(document.body).backgroundColor,
  };
}

export function clickRowWithCause(text: string): boolean {
  const row = [...document.querySelectorAll<HTMLElement>(".row")].find((r) =>
    r.querySelector(".cause")?.textContent?.includes(text),
  );
  row?.click();
  return row !== undefined;
}

/** The nginx file both browsers' "Paste your config" tests paste: the lab's API without x-api-key. */
export function labNginxConf(pageOrigin: string): string {
  return [
    "server {",
    "    listen 80;",
    "    # the lab's API",
    "    location /s/ {",
    `        add_header Access-Control-Allow-Origin "${pageOrigin}" always;`,
    '        add_header Access-Control-Allow-Headers "content-type" always;',
    "        return 200;",
    "    }",
    "}",
    "",
  ].join("\n");
}

/** Opens "Paste your config" under the open detail's fix and types `text` in; false until it is there. */
export function pasteConfig(text: string): boolean {
  const summary = document.querySelector<HTMLElement>(".config-paste summary");
  if (!summary) return false;
  const details = summary.parentElement as HTMLDetailsElement;
  if (!details.open) summary.click();
  const area = document.querySelector<HTMLTextAreaElement>(".config-paste textarea");
  if (!area) return false;
  area.value = text;
  area.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
}

/** Clicks "Make the patch" once it is enabled; false until then. */
export function clickMakePatch(): boolean {
  const run = [...document.querySelectorAll<HTMLButtonElement>(".config-paste button")].find(
    (b) => b.textContent === "Make the patch",
  );
  if (!run || run.disabled) return false;
  run.click();
  return true;
}

export interface PatchView {
  diff: string | null;
  error: string | null;
  verdict: string;
  /** Each table row's first cell: the request. */
  rows: string[];
}

/** What "Paste your config" shows once it has an answer, or null while it has none. */
export function readPatch(): PatchView | null {
  const diff = document.querySelector(".config-diff")?.textContent ?? null;
  const error = document.querySelector(".config-error")?.textContent ?? null;
  if (diff === null && error === null) return null;
  return {
    diff,
    error,
    verdict: document.querySelector(".config-verdict")?.textContent ?? "",
    rows: [...document.querySelectorAll(".config-rows tbody tr")].map(
      (tr) => tr.querySelector("td")?.textContent ?? "",
    ),
  };
}
