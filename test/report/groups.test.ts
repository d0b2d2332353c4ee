import { describe, expect, it } from "vitest";
import { groupFailures } from "../../src/report/groups";
import { buildReport } from "../../src/report/report";
import { API, exchange, h, PAGE } from "../engine/build";

/** A PUT whose preflight lists a fixed set of headers, sending `header`. */
function headerRejected(id: string, header: string, method = "PUT") {
  return {
    ...exchange({
      method,
      requestHeaders: h("Origin", PAGE, header, "1", "Sec-Fetch-Mode", "cors"),
      preflight: {
        status: 200,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          method,
          "Access-Control-Request-Headers",
          header.toLowerCase(),
        ),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET, POST, PUT",
          "Access-Control-Allow-Headers",
          "content-type",
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    }),
    id,
  };
}

function withoutAcao(id: string, status: number, method = "GET") {
  return {
    ...exchange({
      method,
      response: { status, headers: h("Content-Type", "text/html") },
      error: "net::ERR_FAILED",
    }),
    id,
  };
}

const report = (xs: ReturnType<typeof exchange>[]) =>
  buildReport(xs, { kind: "har", file: "t.har" }, { includeSecrets: true }).exchanges;

describe("groupFailures", () => {
  it("keeps different failing headers apart: each group's words and fix hold for all its members", () => {
    const groups = groupFailures(
      report([
        headerRejected("a", "X-Api-Key"),
        headerRejected("b", "X-Api-Key"),
        headerRejected("c", "X-Trace-Id"),
        headerRejected("d", "Authorization"),
      ]),
    );
    expect(groups.map((g) => [g.exchanges.length, g.title])).toEqual([
      [2, "Request header x-api-key not allowed"],
      [1, "Request header x-trace-id not allowed"],
      [1, "Request header authorization not allowed"],
    ]);
    for (const g of groups)
      for (const x of g.exchanges) {
        expect(x.causes[0]?.message).toBe(g.cause.message);
        expect(x.causes[0]?.fixes).toEqual(g.cause.fixes);
      }
  });

  it("keeps different statuses and methods apart when the words or the fix name them", () => {
    const groups = groupFailures(
      report([
        withoutAcao("a", 500),
        withoutAcao("b", 500),
        withoutAcao("c", 401),
        withoutAcao("d", 500, "POST"),
      ]),
    );
    const sizes = groups.map((g) => g.exchanges.map((x) => x.id).join(""));
    expect(sizes).toContain("ab");
    expect(sizes).toContain("c");
    expect(sizes).toContain("d");
    expect(groups.every((g) => g.host === new URL(API).host)).toBe(true);
    const masked = groups.find((g) => g.exchanges[0]?.id === "a")?.masked?.message ?? "";
    expect(masked).toContain("500");
  });
});
