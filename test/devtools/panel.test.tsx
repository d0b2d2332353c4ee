/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/devtools/panel/App";
import { applyEvent, EMPTY_STATE } from "../../src/devtools/panel/model";
import type { ObservedExchange } from "../../src/engine";
import { actualCurl, preflightCurl } from "../../src/report/curl";
import { buildReport } from "../../src/report/report";
import { exchange, h, PAGE } from "../engine/build";
import { recorded, SCENARIOS } from "../fixtures/scenarios";
import { fakeActions, scenarioExchanges, stateOf } from "./panel-fixtures";

const actions = fakeActions;

afterEach(cleanup);

describe("panel", () => {
  it("teaches what it watches when there is nothing yet", () => {
    render(<App state={EMPTY_STATE} actions={actions()} />);
    expect(screen.getByText("No cross-origin requests yet")).toBeTruthy();
    expect(screen.getByText(/made before DevTools was opened are listed too/)).toBeTruthy();
  });

  it("marks a request a worker made, in its row and in its detail", () => {
    const [first, ...rest] = scenarioExchanges();
    const state = stateOf([{ ...(first as ObservedExchange), viaWorker: true }, ...rest]);
    const { container } = render(<App state={state} actions={actions()} />);
    const rows = [...container.querySelectorAll(".row")];
    expect(rows.filter((r) => r.querySelector(".via-worker")).length).toBe(1);
    fireEvent.click(rows.find((r) => r.querySelector(".via-worker")) as Element);
    expect(container.querySelector(".via-worker-note")?.textContent).toMatch(
      /^Via a worker: the page's service worker/,
    );
  });

  it("lists exchanges with a verdict badge and the cause, and filters them", () => {
    const state = stateOf();
    const { container } = render(<App state={state} actions={actions()} />);
    const rows = [...container.querySelectorAll(".row")];
    expect(rows.length).toBeGreaterThan(0);
    // Each row's badge says its verdict; the first scenario is blocked with its cause in the row.
    for (const row of rows) {
      const verdict = row.getAttribute("data-verdict");
      const badge = row.querySelector(".badge")?.textContent;
      expect(verdict === "blocked" ? badge === "blocked" : badge !== "blocked").toBe(true);
    }
    expect(rows[0]?.querySelector(".cause")?.textContent).toBe(state.exchanges[0]?.causes[0]?.title);
    fireEvent.click(screen.getByLabelText(/Blocked only/));
    expect(
      [...container.querySelectorAll(".row")].every((r) => r.getAttribute("data-verdict") === "blocked"),
    ).toBe(true);
    fireEvent.input(screen.getByLabelText("Filter by URL, method or cause"), {
      target: { value: "wildcard" },
    });
    expect([...container.querySelectorAll(".row .cause")].map((c) => c.textContent)).toEqual([
      "Wildcard origin with credentials",
      "Wildcard origin with credentials",
    ]);
  });

  it("groups failures by cause and host", () => {
    const { container } = render(<App state={stateOf()} actions={actions()} />);
    fireEvent.click(screen.getByLabelText(/Group by cause/));
    const groups = [...container.querySelectorAll(".groups .group")].map((g) => g.textContent ?? "");
    expect(groups.some((g) => /^\d+ requests? to 127\.0\.0\.1:8000: /.test(g))).toBe(true);
  });

  it("opens a detail with the failing evidence row, findings, fixes per stack and cURL", () => {
    const a = actions();
    const { container } = render(<App state={stateOf()} actions={a} />);
    fireEvent.input(screen.getByLabelText("Filter by URL, method or cause"), {
      target: { value: "x-api-key" },
    });
    fireEvent.click(container.querySelector(".row") as Element);
    expect(container.querySelector(".detail h2")?.textContent).toBe("Request header x-api-key not allowed");
    expect([...container.querySelectorAll("tr.failing th")].map((t) => t.textContent)).toEqual([
      "Access-Control-Allow-Headers",
    ]);
    // The failing check in one line above everything else.
    expect(screen.getByTestId("required-vs-sent").textContent).toMatch(
      /^Access-Control-Allow-Headers: required content-type,x-api-key, sent accept, accept-encoding/,
    );
    fireEvent.change(screen.getByLabelText("Server stack"), { target: { value: "express" } });
    expect(a.saveStack).toHaveBeenCalledWith("express");
    fireEvent.click(screen.getByLabelText("Copy the Express (cors package) fix"));
    // The change names the option at fault in the user's set-up; the copied snippet is the whole set-up.
    expect(a.copied[0]).toContain("app.use(cors({");
    expect(container.querySelector(".fix-change")?.textContent).toContain(
      'add "x-api-key" to allowedHeaders',
    );
    expect(screen.getByLabelText("Copy the Express (cors package) fix").textContent).toContain("Copied");
    // Where it goes, and whether the real-server suite proved it, under the snippet.
    expect(container.querySelector(".fix-where")?.textContent).toMatch(
      /^Where: In the app's entry file, directly after/,
    );
    expect(container.querySelector(".fix-verified")?.textContent).toMatch(
      /^Verified by CORS Lens's tests on a real server: express 5\.3\.0, cors 2\.8\.6/,
    );
    fireEvent.click(screen.getByText("Copy preflight as cURL"));
    expect(a.copied[1]).toContain("-H 'Access-Control-Request-Method: PUT'");
    fireEvent.keyDown(document, { key: "Escape" });
    expect(container.querySelector(".detail")).toBeNull();
  });

  it("renders hostile header values as text, makes controls visible and cuts long values", () => {
    const xss = "<img src=x onerror=alert(1)>";
    const long = "v".repeat(10_000);
    const hostile = exchange({
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", xss, "X-Long", long, "X-Nul", "a\u0000b\u0007"),
      },
      error: "net::ERR_FAILED",
    });
    const { container } = render(<App state={stateOf([hostile])} actions={actions()} />);
    fireEvent.click(container.querySelector(".row") as Element);
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toContain(xss);
    expect(container.textContent).toContain("a\u2400b\u2407");
    expect(container.textContent).not.toContain("v".repeat(400));
    fireEvent.click(screen.getByText("show all 10,000 characters"));
    expect(container.textContent).toContain(long);
  });

  it("shows a bidi override or a control in a URL and method as a visible mark, in the list and the detail", () => {
    const spoof = {
      ...exchange({ url: "http://127.0.0.1:8000/api/\u202Etxt.exe", method: "GE\u001bT" }),
      id: "spoof",
    };
    const { container } = render(<App state={stateOf([spoof])} actions={actions()} />);
    fireEvent.click(container.querySelector(".row") as Element);
    const text = container.textContent ?? "";
    for (const raw of ["\u202e", "\u001b"]) expect(text.includes(raw)).toBe(false);
    // The list shows the path as the URL parser serializes it: percent-encoded, harmless.
    expect(container.querySelector(".row .path")?.textContent).toBe("/api/%E2%80%AEtxt.exe");
    expect(container.querySelector(".detail header .url")?.textContent).toBe(
      "http://127.0.0.1:8000/api/⟨U+202E⟩txt.exe",
    );
    expect(container.querySelector(".detail .verb")?.textContent).toBe("GE\u241bT");
  });

  it("copies redact cookies and tokens unless the user includes secrets", () => {
    const a = actions();
    const x = {
      ...exchange({
        url: "http://127.0.0.1:8000/api/me?access_token=abc123",
        requestHeaders: h("Origin", PAGE, "Cookie", "sessionid=s3cr3t", "Sec-Fetch-Mode", "cors"),
        response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
        error: "net::ERR_FAILED",
      }),
      id: "secret",
    };
    const { container } = render(<App state={stateOf([x])} actions={a} />);
    fireEvent.click(container.querySelector(".row") as Element);
    fireEvent.click(screen.getByText("Copy request as cURL"));
    expect(a.copied[0]).toContain("Cookie: <redacted>");
    expect(a.copied[0]).toContain("access_token=<redacted>");
    expect(a.copied[0]).not.toMatch(/s3cr3t|abc123/);
    fireEvent.click(screen.getByLabelText(/Include secrets/));
    // The same button, which says "Copied ✓" for a moment.
    fireEvent.click(container.querySelector(".reproduce button") as Element);
    expect(a.copied[1]).toContain("Cookie: sessionid=s3cr3t");
    expect(a.copied[1]).toContain("access_token=abc123");
  });

  it("moves the selection with the arrow keys and opens it with Enter", () => {
    const { container } = render(<App state={stateOf()} actions={actions()} />);
    fireEvent.keyDown(document, { key: "ArrowDown" });
    fireEvent.keyDown(document, { key: "ArrowUp" });
    fireEvent.keyDown(document, { key: "Enter" });
    expect(container.querySelector(".detail")).not.toBeNull();
  });

  it("applies live updates and clears", () => {
    let state = stateOf([exchange()]);
    const next = buildReport([{ ...exchange(), id: "new" }], { kind: "extension", tabId: 1 }).exchanges;
    state = applyEvent(state, { type: "cors-lens/exchanges-updated", exchanges: next, dropped: 3 });
    expect(state.exchanges.map((x) => x.id)).toEqual(["x1", "new"]);
    expect(state.dropped).toBe(3);
    expect(applyEvent(state, { type: "cors-lens/cleared", reason: "user" }).exchanges).toEqual([]);
  });
});

describe("cURL", () => {
  it("reproduces the preflight with the exact Origin and Access-Control-Request-* headers, shell-quoted", () => {
    const s = SCENARIOS.find((x) => x.name.includes("fixed Allow-Headers"));
    const [x] = buildReport(s ? [recorded(s, "chromium")] : [], { kind: "extension", tabId: 1 }).exchanges;
    if (!x) throw new Error("no exchange");
    expect(preflightCurl(x)).toBe(
      `curl -i -X OPTIONS 'http://127.0.0.1:8000/api/data' \\\n  -H 'Origin: ${PAGE}' \\\n  -H 'Access-Control-Request-Method: PUT' \\\n  -H 'Access-Control-Request-Headers: content-type,x-api-key'`,
    );
    expect(actualCurl(x)).toContain("-H 'X-Api-Key: <redacted>'");
    expect(actualCurl({ ...x, url: "http://a.test/it's" })).toContain(`'http://a.test/it'\\''s'`);
  });
});

describe("HAR in the panel", () => {
  it("opens a HAR file picked or dropped, and shows what it holds", () => {
    const a = actions();
    render(
      <App
        state={stateOf()}
        actions={a}
        har={{ file: "team.har", notes: ["no preflight entries"], error: null }}
      />,
    );
    expect(screen.getByRole("status").textContent).toContain("Viewing team.har");
    fireEvent.click(screen.getByText("Back to the live log"));
    expect(a.closeHar).toHaveBeenCalled();
    const file = new File(["{}"], "x.har", { type: "application/json" });
    fireEvent.change(screen.getByLabelText("Open HAR file"), { target: { files: [file] } });
    expect(a.openHar).toHaveBeenCalledWith(file);
    fireEvent.click(screen.getByRole("button", { name: "Export HAR" }));
    expect(a.exportHar).toHaveBeenCalled();
  });

  it("says why a HAR could not be opened", () => {
    render(
      <App
        state={EMPTY_STATE}
        actions={actions()}
        har={{ file: "bad.har", notes: [], error: "truncated JSON" }}
      />,
    );
    expect(screen.getByRole("status").textContent).toContain("Could not open bad.har: truncated JSON");
  });
});
