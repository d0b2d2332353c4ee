/**
 * A server that answered back the request headers asked for (any header) keeps doing so after the
 * printed fix of a hand-written middleware: the Go and Django snippets, pasted as printed into a
 * server of their own, answer a preflight for headers the page never sent with those headers. A
 * fix that listed only the names seen (`x-a`) would refuse them: narrower than before. Real Go
 * (`go run`, Debian's golang) and real Django (Debian's python3-django, its own middleware
 * chain through `django.test.Client`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PAGE } from "../engine/build";
import { stackFix } from "../engine/stack-fixes";
import { startProcess } from "./harness";
import { PYTHON } from "./stacks/python-common";

const GO = "/usr/bin/go";
const dir = mkdtempSync(join(tmpdir(), "cors-lens-echo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Headers the page never sent: only an answer-back allows them. */
const ASKED = "x-never-seen, x-other";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe("the printed middleware answers back any header, as the server did before", () => {
  it.skipIf(!existsSync(GO))("Go: withCORS as printed, around a mux", async () => {
    const fix = stackFix("several", "go");
    const port = await freePort();
    writeFileSync(
      join(dir, "main.go"),
      [
        "package main",
        "",
        'import "net/http"',
        "",
        fix.snippet,
        "",
        "func main() {",
        "\tmux := http.NewServeMux()",
        '\tmux.HandleFunc("/api/data", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })',
        `\thttp.ListenAndServe("127.0.0.1:${port}", withCORS(mux))`,
        "}",
        "",
      ].join("\n"),
    );
    const build = spawnSync(GO, ["build", "-o", join(dir, "echo"), join(dir, "main.go")], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GO111MODULE: "off", GOCACHE: join(dir, ".gocache"), GOFLAGS: "" },
    });
    expect(build.status, build.stderr).toBe(0);
    const server = await startProcess(join(dir, "echo"), [], port);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/api/data`, {
        method: "OPTIONS",
        headers: {
          Origin: PAGE,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": ASKED,
        },
      });
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe(PAGE);
      expect(answer.headers.get("access-control-allow-headers")).toBe(ASKED);
    } finally {
      await server.stop();
    }
  });

  it.skipIf(!existsSync(PYTHON))("Django: the CorsMiddleware class as printed, first in MIDDLEWARE", () => {
    const fix = stackFix("several", "django");
    const app = [
      "import django",
      "from django.conf import settings",
      'settings.configure(DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, SECRET_KEY="x",',
      '    MIDDLEWARE=["__main__.CorsMiddleware", "django.middleware.common.CommonMiddleware"])',
      "django.setup()",
      "from django.http import HttpResponse",
      "from django.urls import path",
      'urlpatterns = [path("api/data", lambda request: HttpResponse("ok"))]',
      "",
      fix.snippet,
      "",
      "from django.test import Client",
      "response = Client().options(",
      '    "/api/data",',
      `    HTTP_ORIGIN=${JSON.stringify(PAGE)},`,
      '    HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",',
      `    HTTP_ACCESS_CONTROL_REQUEST_HEADERS=${JSON.stringify(ASKED)},`,
      ")",
      "print(response.status_code)",
      'print(response.get("Access-Control-Allow-Origin"))',
      'print(response.get("Access-Control-Allow-Headers"))',
    ].join("\n");
    writeFileSync(join(dir, "app.py"), app);
    const run = spawnSync(PYTHON, [join(dir, "app.py")], { cwd: dir, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toEqual(["204", PAGE, ASKED]);
  });
});
