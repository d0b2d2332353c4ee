/** @vitest-environment happy-dom */
/**
 * "Paste your config" in the panel (issue #23): the user's nginx file and the panel's own requests
 * in, the patch and the before/after table out — the real `src/config` behind the real component.
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestSpec } from "../../src/config/whatif";
import { ExchangeDetail } from "../../src/devtools/panel/components/ExchangeDetail";
import { fixPasted } from "../../src/devtools/panel/config-fix";
import { I18n } from "../../src/devtools/panel/i18n";
import type { ObservedExchange } from "../../src/engine";
import { type Lang, translator } from "../../src/i18n";
import { buildReport, type ReportExchange } from "../../src/report/report";
import { grammarBytes, recordedFrom } from "../config/recorded";

/** Allows GET from the app, but PUT with a JSON body is preflighted and the preflight fails. */
const NGINX = `server {
    listen 80;
    server_name api.example.com;
    # the API
    location /api/ {
        add_header Access-Control-Allow-Origin https://app.example.com;
        add_header Access-Control-Allow-Methods "GET, POST";
        return 200;
    }
}
`;

/** What the browser recorded from this configuration: the evidence the panel holds. */
function recorded(text: string, specs: Array<Partial<RequestSpec> & { url: string }>): ObservedExchange[] {
  return recordedFrom([{ path: "nginx.conf", text }], specs).map((x, i) => ({
    ...x,
    id: `${text.length}-${i}`,
    startedAt: 1_700_000_000_000 + i,
  }));
}

const exchanges = buildReport(
  [
    ...recorded(NGINX, [
      { url: "https://api.example.com/api/items" },
      {
        url: "https://api.example.com/api/items/1",
        method: "PUT",
        headers: [["Content-Type", "application/json"]],
      },
    ]),
    // Another API's request: not this file's to answer, so not in its table.
    ...recorded("server { location / { return 200; } }", [{ url: "https://other.example.net/x" }]),
  ],
  { kind: "extension", tabId: 1 },
  { includeSecrets: true },
).exchanges;

function renderDetail(lang: Lang = "en") {
  const put = exchanges.find((x) => x.method === "PUT") as ReportExchange;
  expect(put.verdict).toBe("blocked");
  const copied: string[] = [];
  render(
    <I18n.Provider value={translator(lang)}>
      <ExchangeDetail
        x={put}
        stack="generic-headers"
        onStack={() => undefined}
        onCopy={(t) => {
          copied.push(t);
          return true;
        }}
        onClose={() => undefined}
        onFixConfig={(x, name, text) =>
          Promise.resolve(fixPasted(name, text, x, exchanges, "chromium", lang))
        }
      />
    </I18n.Provider>,
  );
  return copied;
}

afterEach(cleanup);

describe("Paste your config", () => {
  it("turns the user's nginx file into the patch, with this host's requests before and after", async () => {
    const copied = renderDetail();
    fireEvent.click(screen.getByText("Paste your server configuration: get the patch"));
    const run = screen.getByRole("button", { name: "Make the patch" }) as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText("Configuration"), { target: { value: NGINX } });
    fireEvent.click(run);
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/every recorded request/));
    const diff = document.querySelector(".config-diff")?.textContent ?? "";
    expect(diff).toMatch(/^--- a\/nginx\.conf/m);
    expect(diff).toMatch(/^\+.*Access-Control-Allow-Methods.*PUT/im);
    // The comment and the untouched lines stay as they were: the diff shows them as context only.
    expect(diff).not.toMatch(/^[-+]\s*# the API/m);
    const rows = [...(document.querySelectorAll(".config-rows")[0]?.querySelectorAll("tbody tr") ?? [])].map(
      (tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent),
    );
    expect(rows.some((r) => /^PUT https:\/\/api\.example\.com\/api\/items\/1/.test(r[0] ?? ""))).toBe(true);
    const put = rows.find((r) => /^PUT/.test(r[0] ?? "")) ?? [];
    expect(put.slice(1).map((c) => c?.replace(/ \(.*/, ""))).toEqual(["blocked", "blocked", "allowed"]);
    expect(rows.some((r) => /other\.example\.net/.test(r[0] ?? ""))).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Copy the patch" }));
    expect(copied).toEqual([diff]);
  });

  it("says in the panel's language what it cannot read, and never throws", async () => {
    renderDetail("ko");
    fireEvent.click(screen.getByText("서버 설정 붙여넣기: 패치 받기"));
    fireEvent.input(screen.getByLabelText("파일 이름"), { target: { value: "app.py" } });
    fireEvent.input(screen.getByLabelText("설정"), {
      target: {
        value:
          "from bottle import Bottle, response\napp = Bottle()\n\n@app.hook('after_request')\ndef cors():\n    response.headers['Access-Control-Allow-Origin'] = '*'\n",
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "패치 만들기" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Python/);
    expect(alert.textContent).toMatch(/app\.py/);
    expect(alert.textContent).not.toMatch(/undefined|\{/);
  });

  it("reports an unbalanced file as a syntax error with its line", async () => {
    renderDetail();
    fireEvent.click(screen.getByText("Paste your server configuration: get the patch"));
    fireEvent.input(screen.getByLabelText("Configuration"), {
      target: { value: "server {\n  location /api/ {\n    add_header X 1;\n" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Make the patch" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/nginx\.conf/);
  });
});

describe("Paste your config: a Django settings file", () => {
  const SETTINGS = `MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_METHODS = ["GET", "POST"]
`;
  const ev = () => ({ x: exchanges.find((e) => e.method === "PUT") as ReportExchange, all: exchanges });

  it("loads the Python grammar through the loader it is given, and says so when it cannot", async () => {
    const { readFile } = await import("node:fs/promises");
    const load = async (name: string) =>
      new Uint8Array(
        await readFile(
          name === "tree-sitter.wasm"
            ? "node_modules/web-tree-sitter/tree-sitter.wasm"
            : "node_modules/tree-sitter-python/tree-sitter-python.wasm",
        ),
      );
    const { x, all } = ev();
    const none = await fixPasted("settings.py", SETTINGS, x, all, "chromium", "en");
    // The grammar may already be loaded by an earlier test in this worker: then there is no error.
    if (!none.ok) expect(none.error).toMatch(/grammar could not be loaded/);
    const r = await fixPasted("settings.py", SETTINGS, x, all, "chromium", "en", load);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.diff).toMatch(/^\+CORS_ALLOW_METHODS = \["GET", "POST", "PUT"\]$/m);
  });

  it("reads a pasted rack-cors initializer with the Ruby grammar (named from its text)", async () => {
    const { x, all } = ev();
    const text = `Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "https://app.example.com"
    resource "/api/*", headers: :any, methods: [:get, :post]
  end
end
`;
    const r = await fixPasted("", text, x, all, "chromium", "en", grammarBytes);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.diff).toMatch(/^\+ {4}resource "\/api\/\*", headers: :any, methods: \[:get, :post, :put\]$/m);
  });

  it("says which library a patch imports that the pasted file did not, and how to install it", async () => {
    const { x, all } = ev();
    const app = `from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/api/items/<int:item>", methods=["GET", "PUT"])
def item(item):
    return jsonify({"id": item})
`;
    const r = await fixPasted("app.py", app, x, all, "chromium", "en", grammarBytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.diff).toMatch(/^\+from flask_cors import CORS$/m);
    expect(r.notes).toContain(
      "app.py:2: the patch imports flask-cors: if your project does not have it yet, install it before starting the patched app (pip install flask-cors), or the app stops at start-up",
    );
  });
});
