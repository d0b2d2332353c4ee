/** @vitest-environment happy-dom */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { CAUSE_CODES, FINDING_CODES, ruleWords } from "../../src/engine";
import { CATALOGUES } from "../../src/i18n";
import {
  fingerprint,
  pathTemplate,
  ruleDocs,
  toJunit,
  toSarif,
  UNRECORDED,
} from "../../src/report/ci-formats";
import { buildReport } from "../../src/report/report";
import { API, exchange, h, PAGE } from "../engine/build";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

// The official SARIF 2.1.0 schema, as Microsoft's own @microsoft/jest-sarif ships it.
const schemaFile = createRequire(import.meta.url).resolve(
  "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
);
const sarifSchema = JSON.parse(readFileSync(schemaFile, "utf8")) as object;

const report = buildReport(
  SCENARIOS.map((s) => recorded(s, "chromium")),
  { kind: "har", file: "lab.har" },
);
const blocked = report.exchanges.filter((x) => x.verdict === "blocked").length;

describe("CI formats", () => {
  it("SARIF validates against the official 2.1.0 schema, one error result per blocked request", () => {
    const sarif = JSON.parse(toSarif(report)) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          level: string;
          message: { text: string };
          occurrenceCount?: number;
        }>;
      }>;
    };
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const errors =
      sarif.runs[0]?.results.filter((r) => r.level === "error" && !r.ruleId.includes("-masked")) ?? [];
    // One result per endpoint and code: repeats of one are its occurrences.
    expect(
      errors
        .filter((r) => r.message.text.includes("was blocked"))
        .reduce((n, r) => n + (r.occurrenceCount ?? 1), 0),
    ).toBe(blocked);
    expect(sarif.runs[0]?.results.find((r) => r.ruleId === "header-not-allowed")?.message.text).toContain(
      "Fix (",
    );
  });

  it("JUnit XML parses, with a failing test case per blocked request carrying the cause and fix", () => {
    const hostile = exchange({
      url: `https://api.example/x?q=<script>]]>&a="b'\u0001`,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "https://other.example") },
    });
    const text = toJunit(
      buildReport([...SCENARIOS.map((s) => recorded(s, "chromium")), hostile], {
        kind: "har",
        file: "lab.har",
      }),
    );
    const doc = new DOMParser().parseFromString(text, "application/xml");
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    const cases = [...doc.getElementsByTagName("testcase")];
    expect(cases.length).toBe(SCENARIOS.length + 1);
    const failures = [...doc.getElementsByTagName("failure")];
    expect(failures.length).toBe(blocked + 1);
    const header = failures.find((f) => f.getAttribute("type") === "header-not-allowed");
    expect(header?.textContent).toContain("Chromium: HeaderDisallowedByPreflightResponse");
    expect(header?.textContent).toContain("Fix (");
    expect(cases.at(-1)?.getAttribute("name")).toBe(`GET https://api.example/x?q=<script>]]>&a="b'\u2401`);
    expect(text).not.toContain("<script>");
    expect(PAGE).toBeTruthy();
  });
});

interface SarifLog {
  runs: Array<{
    tool: {
      driver: {
        rules: Array<{
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          helpUri: string;
        }>;
      };
    };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      message: { text: string };
      partialFingerprints: Record<string, string>;
      locations: Array<{ logicalLocations: Array<{ name: string }> }>;
    }>;
  }>;
}

/** One failure per varied value: four headers, four preflight statuses, three methods, two origins. */
function variedExchanges(seed: string) {
  const preflighted = (headerName: string, method: string, status: number, allowHeaders: string) =>
    exchange({
      url: `${API}/v/${headerName}/${method}/${status}?n=${seed}`,
      method,
      requestHeaders: h("Origin", PAGE, headerName, "1"),
      preflight: {
        status,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          method,
          "Access-Control-Request-Headers",
          headerName,
        ),
        headers: h(
          "Access-Control-Allow-Origin",
          PAGE,
          "Access-Control-Allow-Methods",
          "GET, POST",
          "Access-Control-Allow-Headers",
          allowHeaders,
        ),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
  return [
    ...["x-api-key", "x-tenant", "x-trace-id", "x-csrf"].map((name) =>
      preflighted(name, "POST", 204, "content-type"),
    ),
    ...[401, 405, 500, 304].map((status) => preflighted("x-a", "POST", status, "x-a")),
    ...["PUT", "DELETE", "PATCH"].map((method) => preflighted("x-a", method, 204, "x-a")),
    ...["https://other.example", "http://localhost:9999"].map((acao) =>
      exchange({
        url: `${API}/o/${acao.length}?n=${seed}`,
        response: { status: 200, headers: h("Access-Control-Allow-Origin", acao) },
        error: "net::ERR_FAILED",
      }),
    ),
    ...SCENARIOS.map((s) => recorded(s, "chromium")),
  ].map((x, i) => ({ ...x, id: `${seed}-${i}`, startedAt: x.startedAt + i }));
}

const sarifOf = (seed: string, lang: "en" | "ko" = "en") =>
  JSON.parse(
    toSarif(buildReport(variedExchanges(seed), { kind: "har", file: "ci.har" }, { lang })),
  ) as SarifLog;

describe("SARIF rules", () => {
  it.each(["en", "ko"] as const)(
    "validate (%s), one rule per code, whose title fits every result of it",
    (lang) => {
      const sarif = sarifOf("a", lang);
      const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);
      expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const run = sarif.runs[0];
      if (!run) throw new Error("no run");
      const rules = run.tool.driver.rules;
      expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      for (const code of [
        "header-not-allowed",
        "preflight-status-not-ok",
        "method-not-allowed",
        "allow-origin-mismatch",
      ])
        expect(run.results.filter((r) => r.ruleId === code).length, code).toBeGreaterThanOrEqual(2);
      const report = buildReport(variedExchanges("a"), { kind: "har", file: "ci.har" }, { lang });
      const expectedOf = (code: string) =>
        new Set(report.exchanges.flatMap((e) => (e.causes[0]?.code === code ? [e.causes[0].expected] : [])));
      for (const result of run.results) {
        const rule = rules[result.ruleIndex];
        expect(rule?.id).toBe(result.ruleId);
        if (!rule) continue;
        // What this result's request says that another result of the rule may not: none in the title.
        const x = report.exchanges.find(
          (e) => `${e.method} ${e.url}` === result.locations[0]?.logicalLocations[0]?.name,
        );
        const cause = x?.causes[0];
        const url = new URL(x?.url ?? "http://x.invalid/");
        const specific = [
          cause?.code === rule.id ? cause.value : null,
          // The expected value is the rule's own where every result has it (a preflight's 200–299).
          cause?.code === rule.id && expectedOf(rule.id).size > 1 ? cause.expected : null,
          url.host,
          url.pathname.length > 1 ? url.pathname : null,
          ...[x?.preflight?.status, ...(x?.hops.map((hop) => hop.status) ?? [])].map((s) =>
            s ? String(s) : null,
          ),
          x && !/^(GET|POST)$/.test(x.method) ? x.method : null,
        ].filter((s): s is string => typeof s === "string" && s !== "" && s !== "*");
        for (const word of specific) {
          expect(rule.shortDescription.text, `${rule.id} title vs ${word}`).not.toContain(word);
          expect(rule.fullDescription.text, `${rule.id} description vs ${word}`).not.toContain(word);
        }
        expect(rule.helpUri).toMatch(/^https:\/\//);
      }
      // The same rules, word for word, from other requests.
      expect(sarifOf("b", lang).runs[0]?.tool.driver.rules).toEqual(rules);
    },
  );

  it("names each code generically, links the browsers' own page, and has words for every code", () => {
    const rules = sarifOf("a").runs[0]?.tool.driver.rules ?? [];
    const rule = (id: string) => rules.find((r) => r.id === id);
    expect(rule("header-not-allowed")?.shortDescription.text).toBe(
      "Request header not allowed by the preflight",
    );
    expect(rule("preflight-status-not-ok")?.shortDescription.text).toBe(
      "Preflight answered with a non-2xx status",
    );
    expect(rule("header-not-allowed")?.helpUri).toBe(
      "https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowHeaderFromPreflight",
    );
    for (const code of [...CAUSE_CODES, ...FINDING_CODES, UNRECORDED]) {
      const docs = ruleDocs(code);
      expect(docs.helpUri, code).toMatch(
        /^https:\/\/(developer\.mozilla\.org|web\.dev|developer\.chrome\.com)\//,
      );
      if (code === UNRECORDED) continue;
      for (const lang of ["en", "ko"] as const) {
        const { title, description } = ruleWords(code, lang);
        expect(title, `${code} ${lang}`).toBeTruthy();
        expect(description.length, `${code} ${lang}`).toBeGreaterThan(title.length);
      }
    }
    expect(CATALOGUES.ko["rule.cause-not-recorded.title"]).toBeTruthy();
  });

  it("fingerprints a result by code, API origin, path template and method: stable across runs", () => {
    const prints = (seed: string) =>
      (sarifOf(seed).runs[0]?.results ?? []).map(
        (r) => `${r.ruleId} ${r.partialFingerprints["corsLensEndpoint/v1"]}`,
      );
    // Other ids, other times, another query string: the same fingerprints.
    expect(prints("b")).toEqual(prints("a"));
    const at = (url: string, method = "GET") => fingerprint("missing-allow-origin", { url, method });
    expect(at("https://api.example/users/42/orders?n=1")).toBe(at("https://api.example/users/7/orders?n=2"));
    expect(at("https://api.example/users/42/orders")).not.toBe(at("https://api.example/users/42/items"));
    expect(at("https://api.example/x")).not.toBe(at("https://api.example/x", "PUT"));
    expect(at("https://api.example/x")).not.toBe(at("https://other.example/x"));
    expect(fingerprint("header-not-allowed", { url: "https://api.example/x", method: "GET" })).not.toBe(
      at("https://api.example/x"),
    );
    expect(pathTemplate("https://a.example/v1/files/3f2a9c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b/raw")).toBe(
      "/v1/files/{id}/raw",
    );
  });
});
