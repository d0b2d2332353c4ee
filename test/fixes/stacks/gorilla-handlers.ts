import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Fix } from "../../../src/engine";
import { debVersion, type Running, startProcess } from "../harness";
import type { StackCase, StackUnderTest } from "../stack";

/** A net/http app as gorilla/handlers' README writes one: `handlers.CORS(…)(router)` passed to ListenAndServe. */
function program(handler: string): string {
  const cors = handler.includes("handlers.");
  return `package main

import (
	"net/http"
	"os"
	"strings"
${cors ? '\n\t"github.com/gorilla/handlers"\n' : ""})

func requireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/items/") && r.Header.Get("X-Api-Key") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/fail":
			http.Error(w, "boom", http.StatusInternalServerError)
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte("{\\"ok\\":true}"))
		}
	})
	http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), ${handler})
}
`;
}

const strings = (items: string[]) => `[]string{${items.map((i) => JSON.stringify(i)).join(", ")}}`;
const ALL = `handlers.AllowedMethods(${strings(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])})`;
const cors = (...options: string[]) => `handlers.CORS(${options.join(", ")})`;

const cases: StackCase[] = [
  {
    name: "no-cors",
    target: "list",
    config: () => program("mux"),
    expect: ["missing-allow-origin"],
    bare: true,
    undetectable: "no CORS layer answers: a plain net/http app has no signature",
  },
  {
    name: "no-cors-twice",
    target: "update",
    config: () => program("mux"),
    expect: ["missing-allow-origin"],
    bare: true,
    times: 2,
    undetectable: "no CORS layer answers: a plain net/http app has no signature",
  },
  {
    name: "wildcard-credentials",
    target: "me",
    config: () =>
      program(
        `${cors(
          `handlers.AllowedOrigins(${strings(["*"])})`,
          "handlers.AllowCredentials()",
          ALL,
          `handlers.AllowedHeaders(${strings(["Content-Type", "X-Api-Key", "X-Trace-Id"])})`,
        )}(mux)`,
      ),
    expect: ["wildcard-origin-with-credentials"],
    undetectable: "a simple GET: no preflight, so no gorilla/handlers signature",
  },
  {
    name: "header-missing",
    target: "update",
    config: (o) =>
      program(
        `${cors(
          `handlers.AllowedOrigins(${strings([o])})`,
          "handlers.AllowCredentials()",
          ALL,
          `handlers.AllowedHeaders(${strings(["Content-Type", "X-Trace-Id"])})`,
        )}(mux)`,
      ),
    // A bare 403: Chromium sees no Access-Control-Allow-Origin at all.
    expect: ["missing-allow-origin"],
    says: "gorilla/handlers' CORS rejected the preflight with a bare 403",
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) =>
      program(
        `${cors(
          `handlers.AllowedOrigins(${strings([o])})`,
          "handlers.AllowCredentials()",
          `handlers.AllowedMethods(${strings(["GET", "HEAD", "POST", "PUT", "PATCH"])})`,
          `handlers.AllowedHeaders(${strings(["Content-Type", "X-Api-Key", "X-Trace-Id"])})`,
        )}(mux)`,
      ),
    expect: ["missing-allow-origin"],
    says: "DELETE is not in AllowedMethods",
  },
  {
    name: "origin-missing",
    target: "list",
    config: () =>
      program(
        `${cors(
          `handlers.AllowedOrigins(${strings(["https://admin.example", "https://staging.example"])})`,
          ALL,
          `handlers.AllowedHeaders(${strings(["Content-Type", "X-Trace-Id"])})`,
        )}(mux)`,
      ),
    expect: ["missing-allow-origin"],
    bare: true,
    undetectable: "gorilla/handlers answers an origin it does not list with nothing: no signature",
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      program(
        `requireKey(${cors(
          `handlers.AllowedOrigins(${strings([o])})`,
          "handlers.AllowCredentials()",
          ALL,
          `handlers.AllowedHeaders(${strings(["Content-Type", "X-Api-Key", "X-Trace-Id"])})`,
        )}(mux))`,
      ),
    expect: ["missing-allow-origin", "preflight-status-not-ok"],
    undetectable:
      "the auth middleware answers before gorilla/handlers: net/http's plain 401 carries no signature",
  },
];

async function start(source: string, port: number, dir: string): Promise<Running> {
  const src = join(dir, "src", "app");
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, "main.go"), source);
  const bin = join(dir, "app");
  const build = spawnSync("/usr/bin/go", ["build", "-o", bin, "."], {
    cwd: src,
    encoding: "utf8",
    env: {
      ...process.env,
      GO111MODULE: "off",
      GOPATH: `${dir}:/usr/share/gocode`,
      // One build cache for every case of the run (content-addressed, so sharing is safe): a cache per
      // case compiled net/http and its dependencies again each time, 2–3 s a build.
      GOCACHE: join(tmpdir(), "cors-lens-gocache"),
      GOFLAGS: "",
    },
  });
  if (build.status !== 0) throw new Error(`go build failed:\n${build.stderr}\n${source}`);
  return startProcess(bin, [], port, { env: { PORT: String(port) } });
}

/** The end of the balanced parenthesis opening at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  throw new Error("unbalanced");
}

/**
 * As the printed `where` says, for an app with no handlers.CORS to edit: the printed import where
 * the file lacks it (after the package clause, where Go allows an import declaration), and the
 * printed expression wrapped around the handler passed to http.ListenAndServe.
 */
function apply(source: string, fix: Fix): string {
  let out = source;
  for (const m of fix.imports ?? []) {
    const path = m.code.replace(/^import /, "");
    if (!out.includes(path)) out = out.replace("package main\n", `package main\n\n${m.code}\n`);
  }
  const at = out.indexOf("http.ListenAndServe(");
  const open = at + "http.ListenAndServe".length;
  const end = closing(out, open);
  const args = out.slice(open + 1, end);
  const comma = args.indexOf(",");
  const handler = args.slice(comma + 1).trim();
  return `${out.slice(0, open + 1)}${args.slice(0, comma)},\n${fix.snippet}(${handler})${out.slice(end)}`;
}

export const gorillaHandlersStack: StackUnderTest = {
  stack: "gorilla-handlers",
  label: "Go net/http + gorilla/handlers",
  version: () => {
    const go = debVersion("golang-go");
    const h = debVersion("golang-github-gorilla-handlers-dev");
    return go && h ? `Go ${go}, gorilla/handlers ${h} (Debian)` : null;
  },
  detected: "gorilla-handlers",
  install: "apt-get install golang-go golang-github-gorilla-handlers-dev",
  cases,
  notApplicable: {
    "preflight-redirect":
      "handlers.CORS answers preflights before the mux, so the mux's redirects never meet one",
    "error-no-cors":
      "handlers.CORS sets its headers before the handler runs, so http.Error responses keep them",
    "header-missing-string": "AllowedHeaders takes a []string, never a comma-joined string",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start,
  // The change edits the app's own handlers.CORS(…); an app without one follows the printed where (apply).
  shape: { syntax: "go-options", call: "handlers.CORS(", anchor: "mux := http.NewServeMux()" },
  apply,
  broad: true,
};
