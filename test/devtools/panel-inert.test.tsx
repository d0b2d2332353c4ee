/** @vitest-environment happy-dom */
/**
 * Every displayed value is neutral: each of the panel's components (and the popup) rendered with
 * header values, origins, URLs, methods and errors that carry bidi overrides and isolates (U+202E
 * makes `https://evil.com` read backwards), ESC, BEL, C1 controls and a line separator. No raw such
 * character may reach the DOM's text or its attributes (title, aria-label, value). A component
 * added to the folder without a hostile render here fails the meta-test.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/devtools/panel/App";
import { Breakable } from "../../src/devtools/panel/components/Breakable";
import { ConfigPaste, PastedResult } from "../../src/devtools/panel/components/ConfigPaste";
import { CopyButton } from "../../src/devtools/panel/components/CopyButton";
import { EmptyState } from "../../src/devtools/panel/components/EmptyState";
import { ExchangeDetail } from "../../src/devtools/panel/components/ExchangeDetail";
import { ExchangeList } from "../../src/devtools/panel/components/ExchangeList";
import { Fixes } from "../../src/devtools/panel/components/Fixes";
import { GroupedView } from "../../src/devtools/panel/components/GroupedView";
import { HeadersTable } from "../../src/devtools/panel/components/HeadersTable";
import { HeaderValue } from "../../src/devtools/panel/components/HeaderValue";
import { RichText } from "../../src/devtools/panel/components/RichText";
import { Timeline } from "../../src/devtools/panel/components/Timeline";
import { Popup } from "../../src/popup/Popup";
import { groupFailures } from "../../src/report/groups";
import { exchange, h, PAGE } from "../engine/build";
import { fakeActions, stateOf } from "./panel-fixtures";

afterEach(cleanup);

/** An override that reverses what follows, isolates, a mark, C1 NEL and CSI, ESC, BEL, LS. */
const EVIL = "\u202Emoc.live\u2066\u200E\u0085\u009b\u001b[2J\u0007\u2028\u2069//:sptth";

const hostile = [
  // The origin check: "required <page origin>, sent <the Allow-Origin value>", the `code.sent` line.
  exchange({
    url: "http://127.0.0.1:8000/acao",
    response: { status: 200, headers: h("Access-Control-Allow-Origin", `https://x.example${EVIL}`) },
    error: "net::ERR_FAILED",
  }),
  // The page's origin itself is hostile: "required" quotes it.
  exchange({
    url: "http://127.0.0.1:8000/origin",
    origin: `http://app.example${EVIL}`,
    response: { status: 200, headers: h("Access-Control-Allow-Origin", "http://app.example") },
    error: "net::ERR_FAILED",
  }),
  // A header the preflight did not allow, named with the payload; a Cookie for the credentials words.
  exchange({
    url: "http://127.0.0.1:8000/hdr",
    requestHeaders: h("Origin", PAGE, `x-${EVIL}`, "1", "Cookie", `s=${EVIL}`),
    preflight: {
      status: 204,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        "GET",
        "Access-Control-Request-Headers",
        `x-${EVIL}`,
      ),
      headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Headers", `a${EVIL}`),
    },
    response: null,
    error: "net::ERR_FAILED",
  }),
  // URL, method and a redirect's Location.
  exchange({
    url: `http://127.0.0.1:8000/u${EVIL}`,
    method: `P${EVIL}`,
    redirects: [
      { status: 302, to: `http://127.0.0.1:8000/to${EVIL}`, headers: h("Access-Control-Allow-Origin", PAGE) },
    ],
    response: { status: 200, headers: h("X-Note", EVIL) },
    error: "net::ERR_FAILED",
  }),
  // The browser's error text.
  exchange({ url: "http://127.0.0.1:8000/n", response: null, error: `net::ERR_CONNECTION_RESET${EVIL}` }),
];

const state = stateOf(hostile.map((x, i) => ({ ...x, id: `h${i}`, startedAt: 1_700_000_000_000 + i })));
const report = state.exchanges;

/** The first raw control, C1, bidi or separator character in the page's text or attributes. */
function rawUnsafe(root: Element): string | null {
  const texts: string[] = [root.textContent ?? ""];
  // Attributes too (title, aria-label); not what the user types into a field (the popup's hosts).
  for (const el of root.querySelectorAll("*"))
    for (const name of el.getAttributeNames()) texts.push(el.getAttribute(name) ?? "");
  for (const text of texts)
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0;
      if (
        (c < 0x20 && c !== 0x9 && c !== 0xa) ||
        (c >= 0x7f && c <= 0x9f) ||
        c === 0x61c ||
        c === 0x200e ||
        c === 0x200f ||
        (c >= 0x2028 && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069)
      )
        return `U+${c.toString(16).toUpperCase().padStart(4, "0")} in ${JSON.stringify(text.slice(0, 80))}`;
    }
  return null;
}

const noop = () => undefined;
const copy = () => true;

/** Each component file's hostile renders: the DOM containers to check. */
const RENDERS: Record<string, () => Element[]> = {
  ExchangeDetail: () =>
    report.map(
      (x) =>
        render(<ExchangeDetail x={x} stack="generic-headers" onStack={noop} onCopy={copy} onClose={noop} />)
          .container,
    ),
  ExchangeList: () => [
    render(<ExchangeList exchanges={report} selectedId={null} onSelect={noop} onOpen={noop} />).container,
    render(<ExchangeList exchanges={report} selectedId={null} onSelect={noop} onOpen={noop} narrow />)
      .container,
  ],
  GroupedView: () => [render(<GroupedView exchanges={report} onOpen={noop} />).container],
  HeadersTable: () =>
    report.flatMap((x) =>
      [
        x.requestHeaders ?? [],
        x.preflight?.responseHeaders ?? [],
        ...x.hops.map((hop) => hop.responseHeaders),
      ].map((headers) => render(<HeadersTable title="headers" headers={headers} />).container),
    ),
  HeaderValue: () => {
    const long = render(<HeaderValue value={`${EVIL}${"v".repeat(400)}${EVIL}`} />).container;
    // The whole value, after "show all".
    const button = long.querySelector("button");
    if (button) fireEvent.click(button);
    return [long, render(<HeaderValue value={EVIL} />).container];
  },
  Timeline: () => report.map((x) => render(<Timeline x={x} />).container),
  Fixes: () =>
    report.flatMap((x) =>
      x.causes[0]
        ? [
            render(
              <Fixes
                fixes={x.causes[0].fixes}
                stack="generic-headers"
                onStack={noop}
                onCopy={copy}
                server={
                  x.server ?? { stack: "express", confidence: "likely", basis: `X-Powered-By: ${EVIL}` }
                }
              />,
            ).container,
          ]
        : [],
    ),
  // The user's own file and what the patch says about it: pasted text is untrusted too.
  ConfigPaste: () => {
    const row = {
      request: `GET https://a.example/${EVIL}`,
      recorded: "blocked",
      before: EVIL,
      after: EVIL,
      failing: true,
      note: EVIL,
    };
    const shell = render(
      <ConfigPaste onFix={() => Promise.resolve({ ok: false, error: EVIL })} onCopy={copy} />,
    );
    fireEvent.click(shell.container.querySelector("summary") as Element);
    return [
      shell.container,
      render(<PastedResult result={{ ok: false, error: `nginx.conf:1: ${EVIL}` }} onCopy={copy} />).container,
      render(
        <PastedResult
          result={{
            ok: true,
            fixed: false,
            diff: `--- a/x\n+++ b/x\n+${EVIL}\n`,
            edits: [EVIL],
            evidence: [row],
            kept: [row],
            notes: [EVIL],
          }}
          onCopy={copy}
        />,
      ).container,
    ];
  },
  RichText: () => [render(<RichText text={`a \`${EVIL}\` **${EVIL}**`} />).container],
  Breakable: () => [render(<Breakable text={`https://a.example/${EVIL}/b?c=${EVIL}`} />).container],
  CopyButton: () => [render(<CopyButton text={EVIL} label="Copy" onCopy={copy} />).container],
  EmptyState: () => [
    render(<EmptyState filtered={false} />).container,
    render(<EmptyState filtered />).container,
  ],
  // The toolbar only exists inside the panel: the whole app, every row opened, then grouped.
  Toolbar: () => {
    const { container } = render(<App state={state} actions={fakeActions()} />);
    const shots: Element[] = [];
    for (const row of [...container.querySelectorAll(".row")]) {
      fireEvent.click(row);
      shots.push(container.cloneNode(true) as Element);
    }
    const group = [...container.querySelectorAll("label")].find((l) =>
      /Group by cause/.test(l.textContent ?? ""),
    );
    if (group) fireEvent.click(group.querySelector("input") as Element);
    return [...shots, container];
  },
};

describe("every displayed value is neutral", () => {
  it("covers every component of the panel", () => {
    const dir = join(import.meta.dirname, "../../src/devtools/panel/components");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".tsx"))
      .map((f) => f.replace(/\.tsx$/, ""))
      .sort();
    expect(Object.keys(RENDERS).sort()).toEqual(files);
  });

  it.each(Object.keys(RENDERS))("%s shows no raw control or bidi character", (name) => {
    const containers = (RENDERS[name] as () => Element[])();
    expect(containers.length).toBeGreaterThan(0);
    for (const c of containers) expect(rawUnsafe(c), name).toBeNull();
  });

  it("the detail's required … sent line shows the override as a mark", () => {
    const x = report.find((e) => e.url.endsWith("/acao"));
    if (!x) throw new Error("no exchange");
    const { container } = render(
      <ExchangeDetail x={x} stack="generic-headers" onStack={noop} onCopy={copy} onClose={noop} />,
    );
    expect(container.querySelector("code.sent")?.textContent).toContain("⟨U+202E⟩moc.live");
  });

  it("the opened HAR's banner (its name, the parser's words, the notes) shows no raw control or bidi character", () => {
    for (const har of [
      { file: `x${EVIL}.har`, notes: [`entry 1 redirects to ${EVIL}`], error: null },
      { file: `x${EVIL}.har`, notes: [], error: `not JSON (Unexpected token '${EVIL}')` },
    ]) {
      const { container } = render(<App state={state} actions={fakeActions()} har={har} />);
      expect(container.querySelector(".banner")?.textContent).toContain("⟨U+202E⟩");
      expect(rawUnsafe(container)).toBeNull();
      cleanup();
    }
  });

  it("the popup shows no raw control or bidi character", () => {
    const { container } = render(
      <Popup
        groups={groupFailures(report)}
        blocked={report.filter((x) => x.verdict === "blocked").length}
        warned={0}
        recording
        onRecording={noop}
        hosts={[`api.example${EVIL}`]}
        onHosts={noop}
        reportText={EVIL}
        onCopy={copy}
      />,
    );
    expect(container.querySelectorAll(".groups li").length).toBeGreaterThan(0);
    expect(rawUnsafe(container)).toBeNull();
  });
});
