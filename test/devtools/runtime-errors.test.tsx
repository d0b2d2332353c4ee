/** @vitest-environment happy-dom */
/**
 * A runtime message that fails is shown, not swallowed: the panel's Export report and the popup
 * show the problem's words (from `runtimeProblemWords`), made visible as text.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/devtools/panel/App";
import { I18n } from "../../src/devtools/panel/i18n";
import { EMPTY_STATE } from "../../src/devtools/panel/model";
import { translator } from "../../src/i18n";
import { Popup } from "../../src/popup/Popup";
import { runtimeProblemWords } from "../../src/protocol/runtime-channel";
import { fakeActions } from "./panel-fixtures";

afterEach(cleanup);

const problem = runtimeProblemWords(translator("en"), {
  kind: "malformed",
  detail: 'cors-lens/report was answered with a message of type "cors-lens/recording"',
});

describe("runtime problems on screen", () => {
  it("the panel says why Export report failed, and the banner can be dismissed", () => {
    let dismissed = 0;
    render(
      <App
        state={EMPTY_STATE}
        actions={fakeActions()}
        exportError={problem}
        onDismissExportError={() => dismissed++}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Could not export the report: The background of CORS Lens answered");
    expect(alert.textContent).toContain("cors-lens/recording");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(dismissed).toBe(1);
  });

  it("the popup says it could not read the tab, in Korean too, instead of loading forever", () => {
    const t = translator("ko");
    render(
      <I18n.Provider value={t}>
        <Popup
          groups={null}
          blocked={0}
          warned={0}
          recording={true}
          onRecording={() => undefined}
          hosts={null}
          onHosts={() => undefined}
          reportText=""
          onCopy={() => true}
          error={runtimeProblemWords(t, { kind: "unreachable", detail: "Receiving end does not exist." })}
        />
      </I18n.Provider>,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("이 탭의 요청을 읽지 못했습니다");
    expect(alert.textContent).toContain("Receiving end does not exist.");
    expect(screen.queryByText(t("popup.loading"))).toBeNull();
  });
});
