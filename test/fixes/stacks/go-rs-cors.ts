import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Fix } from "../../../src/engine";
import { removeCalls } from "../edit";
import { debVersion, type Running, startProcess } from "../harness";
import type { StackCase, StackUnderTest } from "../stack";

function program(options: string, handler: string): string {
  return `package main

import (
	"net/http"
	"os"
	"strings"

	"github.com/rs/cors"
)

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
	c := cors.New(cors.Options{${options}})
	http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), ${handler})
}
`;
}

const ALL = 'AllowedMethods: []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}';

const cases: StackCase[] = [
  {
    name: "wildcard-credentials",
    target: "me",
    config: () =>
      program(
        `AllowedOrigins: []string{"*"}, AllowCredentials: true, ${ALL}, AllowedHeaders: []string{"*"}`,
        "c.Handler(mux)",
      ),
    expect: ["wildcard-origin-with-credentials"],
    undetectable: "a simple GET: no preflight, so no rs/cors signature",
  },
  {
    name: "header-missing",
    target: "update",
    // rs/cors says no with a bare 204: Chromium sees no Access-Control-Allow-Origin at all.
    config: (o) =>
      program(
        `AllowedOrigins: []string{"${o}"}, ${ALL}, AllowedHeaders: []string{"Content-Type"}`,
        "c.Handler(mux)",
      ),
    expect: ["missing-allow-origin"],
    says: "rs/cors rejected the preflight",
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) =>
      program(
        `AllowedOrigins: []string{"${o}"}, AllowedMethods: []string{"GET", "HEAD", "POST", "PUT", "PATCH"}, AllowedHeaders: []string{"*"}`,
        "c.Handler(mux)",
      ),
    expect: ["missing-allow-origin"],
    says: "the method (DELETE) or a header is not in its Allowed* options",
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      program(
        `AllowedOrigins: []string{"${o}"}, ${ALL}, AllowedHeaders: []string{"*"}`,
        "requireKey(c.Handler(mux))",
      ),
    expect: ["missing-allow-origin", "preflight-status-not-ok"],
    undetectable: "the auth middleware answers before rs/cors: net/http's plain 401 carries no signature",
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

/** "Replace the cors.Options you pass to cors.New, and wrap the whole handler, outside any auth." */
function apply(source: string, fix: Fix): string {
  const at = source.indexOf("\tc := cors.New(");
  let out = removeCalls(source, "c := cors.New(");
  const snippet = fix.snippet
    .split("\n")
    .map((l) => `\t${l}`)
    .join("\n");
  out = `${out.slice(0, at)}${snippet.trimStart()}${out.slice(at)}`;
  return out.replace(/http\.ListenAndServe\((.*?), (.*)\)\n/, (_all, addr: string, handler: string) => {
    const inner = handler.replace(/c\.Handler\(([^()]*)\)/, "$1");
    return `http.ListenAndServe(${addr}, c.Handler(${inner}))\n`;
  });
}

export const goRsCorsStack: StackUnderTest = {
  stack: "go-rs-cors",
  label: "Go net/http + rs/cors",
  version: () => {
    const go = debVersion("golang-go");
    const rs = debVersion("golang-github-rs-cors-dev");
    return go && rs ? `Go ${go}, rs/cors ${rs} (Debian)` : null;
  },
  detected: "go-rs-cors",
  install: "apt-get install golang-go golang-github-rs-cors-dev",
  cases,
  notApplicable: {
    "preflight-redirect": "rs/cors answers preflights before the mux, so the mux's redirects never meet one",
    "error-no-cors": "rs/cors sets its headers before the handler runs, so http.Error responses keep them",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start,
  // The change edits the app's own cors.Options; an app without one follows the printed where (apply).
  shape: { syntax: "js", call: "cors.Options{", anchor: "mux := http.NewServeMux()" },
  apply,
};
