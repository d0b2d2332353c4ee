/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { Fixes } from "../../src/devtools/panel/components/Fixes";
import type { Fix } from "../../src/engine";

const fixes: Fix[] = [
  {
    stack: "generic-headers",
    title: "Response headers (any server)",
    snippet: "Access-Control-Allow-Origin: x",
  },
  {
    stack: "express",
    title: "Express (cors package)",
    snippet: "app.use(cors())",
    where: "after express()",
    verified: "express 5",
  },
  { stack: "fastapi", title: "FastAPI / Starlette", snippet: "app.add_middleware(...)", verified: null },
];
const starlette = {
  stack: "fastapi" as const,
  confidence: "certain" as const,
  basis: "a 400 preflight answer",
};

afterEach(cleanup);

describe("the fix for the user's server", () => {
  it("shows the detected server's fix while the user has not picked one", () => {
    render(
      <Fixes
        fixes={fixes}
        stack="generic-headers"
        onStack={() => undefined}
        onCopy={() => true}
        server={starlette}
      />,
    );
    expect((screen.getByLabelText("Server stack") as HTMLSelectElement).value).toBe("fastapi");
    expect(screen.getByText(/^Detected: FastAPI \/ Starlette, from/)).toBeTruthy();
    expect(screen.getByText("Not verified on a real server by CORS Lens's tests.")).toBeTruthy();
    // Starlette's CORSMiddleware comes with FastAPI: nothing to install.
    expect(document.querySelector(".fix-install")).toBeNull();
  });

  it("keeps the user's pick, and offers the detected one", () => {
    const picked: string[] = [];
    render(
      <Fixes
        fixes={fixes}
        stack="express"
        onStack={(s) => picked.push(s)}
        onCopy={() => true}
        server={starlette}
      />,
    );
    expect((screen.getByLabelText("Server stack") as HTMLSelectElement).value).toBe("express");
    expect(screen.getByText("Where: after express()")).toBeTruthy();
    // The cors package is not part of Express: pasted into a project without it, the app would not start.
    expect(
      screen.getByText(
        "If your project does not have cors yet (the app stops at start-up without it): npm install cors",
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByText("Show its fix"));
    expect(picked).toEqual(["fastapi"]);
  });
});
