/**
 * The evidence table a user reads beside the cause: what the browser required, what the server
 * sent, the row the check stopped on. A few exchanges, each table whole (evidence.test.ts checks
 * every scenario's failing row, but builds a report of them all and cannot run under Stryker).
 */
import { describe, expect, it } from "vitest";
import { type CredentialsMode, diagnose, evidenceRows, type ObservedExchange } from "../../src/engine";
import { exchange, h, PAGE } from "./build";

const subject = (x: ObservedExchange, credentials: CredentialsMode = x.credentials) => ({
  method: x.method,
  origin: x.origin,
  credentials,
  preflight: x.preflight,
  hops: x.hops,
  causes: diagnose(x).causes,
});
const row = (label: string, required: string, sent: string | null, failing = false) => ({
  label,
  required,
  sent,
  failing,
});
const ORIGIN = row("Origin (request)", "—", PAGE);

describe("the evidence table", () => {
  const put = exchange({
    method: "PUT",
    credentials: "include",
    requestHeaders: h("Origin", PAGE, "X-Api-Key", "k"),
    preflight: {
      status: 204,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        "PUT",
        "Access-Control-Request-Headers",
        "x-api-key",
      ),
      headers: h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Credentials",
        "true",
        "Access-Control-Allow-Methods",
        "PUT",
        "Access-Control-Allow-Headers",
        "content-type",
      ),
    },
    response: null,
    error: "net::ERR_FAILED",
  });

  it("a preflight's refused header, with credentials: the exact origin and Allow-Credentials required", () => {
    expect(evidenceRows(subject(put))).toEqual([
      ORIGIN,
      row("Access-Control-Allow-Origin", PAGE, PAGE),
      row("Access-Control-Allow-Credentials", "true", "true"),
      row("Status (preflight)", "200–299", "204"),
      row("Access-Control-Allow-Methods", "PUT", "PUT"),
      row("Access-Control-Allow-Headers", "x-api-key", "content-type", true),
    ]);
  });

  it("the same without credentials: the origin or *, no Allow-Credentials row", () => {
    expect(evidenceRows(subject(put, "same-origin"))).toEqual([
      ORIGIN,
      row("Access-Control-Allow-Origin", `${PAGE} or *`, PAGE),
      row("Status (preflight)", "200–299", "204"),
      row("Access-Control-Allow-Methods", "PUT", "PUT"),
      row("Access-Control-Allow-Headers", "x-api-key", "content-type", true),
    ]);
  });

  it("a redirected preflight: its status and where it went are the failing rows", () => {
    const x = exchange({
      method: "PUT",
      preflight: { status: 301, headers: h("Location", "http://127.0.0.1:8000/api/data/") },
      response: null,
      error: "net::ERR_FAILED",
    });
    expect(evidenceRows(subject(x))).toEqual([
      ORIGIN,
      row("Access-Control-Allow-Origin", `${PAGE} or *`, null),
      row("Status (preflight)", "200–299", "301", true),
      row("Access-Control-Allow-Methods", "PUT", null),
      row("Location", "(no redirect)", "http://127.0.0.1:8000/api/data/", true),
    ]);
  });

  it("a response's wrong origin: the origin required, any status", () => {
    const x = exchange({
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "http://other.test") },
      error: "net::ERR_FAILED",
    });
    expect(evidenceRows(subject(x))).toEqual([
      ORIGIN,
      row("Access-Control-Allow-Origin", PAGE, "http://other.test", true),
      row("Status", "any", "200"),
    ]);
    expect(evidenceRows({ ...subject(x), origin: null })[0]).toEqual(
      row("Origin (request)", "—", "(not sent)"),
    );
  });

  it("a block only credentials explain: the Allow-Credentials row fails", () => {
    const x = exchange({
      response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE) },
      error: "net::ERR_FAILED",
    });
    expect(evidenceRows(subject(x))).toEqual([
      ORIGIN,
      row("Access-Control-Allow-Origin", `${PAGE} or *`, PAGE),
      row("Access-Control-Allow-Credentials", "true", null, true),
      row("Status", "any", "200"),
    ]);
  });

  it("nothing answered: no table", () => {
    expect(evidenceRows(subject(exchange({ response: null })))).toEqual([]);
  });
});
