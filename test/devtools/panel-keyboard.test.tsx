/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/devtools/panel/App";
import { fakeActions, scenarioExchanges, stateOf as stateWith } from "./panel-fixtures";

const stateOf = (names?: string[]) => stateWith(scenarioExchanges(names));
const actions = fakeActions;

/** Stands in for DevTools' own forwarder: devtools-frontend listens on `document`, bubbling. */
function devtoolsForwarder() {
  const forwarded: string[] = [];
  const listener = (e: KeyboardEvent) => forwarded.push(`${e.ctrlKey ? "Ctrl+" : ""}${e.key}`);
  document.addEventListener("keydown", listener);
  return { forwarded, stop: () => document.removeEventListener("keydown", listener) };
}

afterEach(cleanup);

describe("keyboard, as DevTools users expect", () => {
  it("Esc closes the detail without reaching DevTools; with nothing to close, DevTools gets it", () => {
    const { container } = render(<App state={stateOf()} actions={actions()} />);
    const devtools = devtoolsForwarder();
    try {
      fireEvent.click(container.querySelector(".row") as Element);
      expect(container.querySelector(".detail")).not.toBeNull();
      fireEvent.keyDown(container.querySelector(".list") as Element, { key: "Escape" });
      expect(container.querySelector(".detail")).toBeNull();
      expect(devtools.forwarded).toEqual([]);
      fireEvent.keyDown(container.querySelector(".list") as Element, { key: "Escape" });
      expect(devtools.forwarded).toEqual(["Escape"]);
    } finally {
      devtools.stop();
    }
  });

  it("Ctrl+F and / focus the panel's filter, not DevTools' find bar", () => {
    const { container } = render(<App state={stateOf()} actions={actions()} />);
    const devtools = devtoolsForwarder();
    try {
      const filter = screen.getByLabelText("Filter by URL, method or cause");
      fireEvent.keyDown(container.querySelector(".list") as Element, { key: "f", ctrlKey: true });
      expect(document.activeElement).toBe(filter);
      (document.activeElement as HTMLElement).blur();
      fireEvent.keyDown(document.body, { key: "/" });
      expect(document.activeElement).toBe(filter);
      expect(devtools.forwarded).toEqual([]);
    } finally {
      devtools.stop();
    }
  });

  it("the list is a listbox whose active descendant is the selected option", () => {
    const { container } = render(<App state={stateOf()} actions={actions()} />);
    const list = screen.getByRole("listbox", { name: "Cross-origin requests" });
    fireEvent.keyDown(list, { key: "ArrowDown" });
    const active = list.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    const option = container.querySelector(`#${active}`);
    expect(option?.getAttribute("role")).toBe("option");
    expect(option?.getAttribute("aria-selected")).toBe("true");
  });

  it("every control is a focusable element: Open HAR… is a button, not a label around a hidden input", () => {
    render(<App state={stateOf()} actions={actions()} />);
    const open = screen.getByRole("button", { name: "Open HAR…" });
    expect(open.tabIndex).toBe(0);
    for (const name of ["Clear", "Export report", "Export HAR"])
      expect(screen.getByRole("button", { name }).hasAttribute("disabled")).toBe(false);
  });
});

describe("HAR mode and the list's words", () => {
  it("Clear and Preserve log are disabled while a HAR file is shown", () => {
    render(<App state={stateOf()} actions={actions()} har={{ file: "x.har", notes: [], error: null }} />);
    expect(screen.getByRole("button", { name: "Clear" }).hasAttribute("disabled")).toBe(true);
    expect((screen.getByLabelText("Preserve log") as HTMLInputElement).disabled).toBe(true);
  });

  it("a warning row names its warning in the cause column", () => {
    const { container } = render(<App state={stateOf(["echoed origin without Vary"])} actions={actions()} />);
    const row = container.querySelector(".row");
    expect(row?.querySelector(".badge")?.textContent).toBe("warnings");
    expect(row?.querySelector(".cause")?.textContent).toMatch(/Vary: Origin/);
  });

  it("the row shows the endpoint (path and query) first, the host after it", () => {
    const { container } = render(
      <App
        state={stateOf(["custom header missing from a fixed Allow-Headers list (seed)"])}
        actions={actions()}
      />,
    );
    expect(container.querySelector(".row .url .path")?.textContent).toBe("/api/data");
    expect(container.querySelector(".row .url .host")?.textContent).toBe("127.0.0.1:8000");
  });

  it("the detail quotes both browsers' words with their documentation links", () => {
    const { container } = render(
      <App
        state={stateOf(["custom header missing from a fixed Allow-Headers list (seed)"])}
        actions={actions()}
      />,
    );
    fireEvent.click(container.querySelector(".row") as Element);
    const chromium = container.querySelector('blockquote[data-browser="chromium"]')?.textContent ?? "";
    expect(chromium).toContain(
      "Request header field x-api-key is not allowed by Access-Control-Allow-Headers",
    );
    const firefox = container.querySelector('blockquote[data-browser="firefox"]')?.textContent ?? "";
    expect(firefox).toContain(
      "(Reason: header ‘x-api-key’ is not allowed according to header ‘Access-Control-Allow-Headers’",
    );
    const links = [...container.querySelectorAll<HTMLAnchorElement>(".docs a")].map((a) => a.href);
    expect(links).toEqual([
      "https://web.dev/cross-origin-resource-sharing",
      "https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowHeaderFromPreflight",
    ]);
  });
});

describe("recording paused", () => {
  it("says so and offers to resume", () => {
    const a = actions();
    const state = { ...stateOf(), recording: false };
    render(<App state={state} actions={a} />);
    expect(screen.getByRole("status").textContent).toContain("Recording is paused");
    fireEvent.click(screen.getByRole("button", { name: "Resume recording" }));
    expect(a.setRecording).toHaveBeenCalledWith(true);
  });
});
