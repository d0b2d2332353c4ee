/**
 * `cors-lens check --config` in the CI formats: SARIF that validates against the 2.1.0 schema with
 * each finding at its file and line, JUnit with a failure per finding, GitHub annotations on the file
 * and line — and none of them lets the configuration's own text act on a CI log.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { recordedFrom } from "../config/recorded";
import { cli } from "./run-cli";

const schemaFile = createRequire(import.meta.url).resolve(
  "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
);
const sarifSchema = JSON.parse(readFileSync(schemaFile, "utf8")) as object;

const dir = mkdtempSync(join(tmpdir(), "cors-lens-check-ci-"));
/** `*` with credentials (line 4) and no `always` on the error answers (lines 3 and 4). */
const site = join(dir, "site.conf");
writeFileSync(
  site,
  `server {
    location /api/ {
        add_header Access-Control-Allow-Origin "*";
        add_header Access-Control-Allow-Credentials "true";
        proxy_pass http://127.0.0.1:3000;
    }
}
`,
);
const clean = join(dir, "clean.conf");
writeFileSync(clean, "server {\n    location / {\n        return 200;\n    }\n}\n");

describe("cors-lens check --config in the CI formats", () => {
  it("SARIF: validates, one result per finding at its file and line, exit 1", async () => {
    const json = await cli("check", "--config", site, "--format", "json");
    const findings = JSON.parse(json.out).findings as Array<{ code: string; line: number }>;
    expect(findings.length).toBeGreaterThan(0);
    const r = await cli("check", "--config", site, "--format", "sarif");
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.out);
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results as Array<{
      ruleId: string;
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }>;
    }>;
    expect(results.map((x) => [x.ruleId, x.locations[0]?.physicalLocation.region.startLine])).toEqual(
      findings.map((f) => [f.code, f.line]),
    );
    expect(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(site.replace(/^\/+/, ""));
    // `*` on line 3 with credentials on line 4: the finding's words name line 4, kept as data in the
    // JSON (`also`) and as SARIF's relatedLocations; findings that name no other line carry none.
    const both = JSON.parse(json.out).findings as Array<{ code: string; also?: unknown }>;
    expect(both.find((f) => f.code === "wildcard-with-credentials")?.also).toEqual([{ file: site, line: 4 }]);
    expect(both.find((f) => f.code === "no-always")?.also).toBeUndefined();
    const related = (
      sarif.runs[0].results as Array<{
        ruleId: string;
        relatedLocations?: Array<{ physicalLocation: { region: { startLine: number } } }>;
      }>
    ).map((x) => [x.ruleId, x.relatedLocations?.map((l) => l.physicalLocation.region.startLine)]);
    expect(related).toContainEqual(["wildcard-with-credentials", [4]]);
    expect(related).toContainEqual(["no-always", undefined]);
    // A rule's title names its code, never one finding's words.
    for (const rule of sarif.runs[0].tool.driver.rules as Array<{
      id: string;
      shortDescription: { text: string };
    }>)
      expect(rule.shortDescription.text).toBe(`CORS configuration: ${rule.id}`);
    expect(r.err).toMatch(/^✖ /m);
  });

  it("JUnit: a failure per finding, a passing case per clean file, the totals last", async () => {
    const r = await cli("check", "--config", site, clean, "--format", "junit");
    expect(r.code).toBe(1);
    const failures = r.out.match(/<failure /g)?.length ?? 0;
    expect(failures).toBeGreaterThan(0);
    expect(r.out).toContain(`<testcase classname="${clean}" name="${clean}"/>`);
    expect(r.out.trimEnd().split("\n").at(-1)).toMatch(/^<!-- ✖ .* -->$/);
  });

  it("GitHub: an annotation on each finding's file and line; a clean file exits 0 with its line", async () => {
    const r = await cli("check", "--config", site, "--format", "github");
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    expect(
      lines.slice(0, -1).every((l) => /^::(error|warning) file=[^,]+,line=\d+,title=[^:]+::/.test(l)),
    ).toBe(true);
    const ok = await cli("check", "--config", clean, "--format", "github");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^✔ /);
  });

  it("a configuration's file name cannot act on the CI log", async () => {
    // A file name a workflow command would be made of (a line break, `::`, a bidi override).
    const evil = join(dir, "x\n::add-mask::y\u202e.conf");
    writeFileSync(evil, readFileSync(site, "utf8"));
    for (const format of ["github", "junit", "sarif"]) {
      const r = await cli("check", "--config", evil, "--format", format);
      expect(r.out, format).toContain("add-mask");
      const commands = r.out.split("\n").filter((l) => l.startsWith("::"));
      expect(
        commands.every((l) => /^::(error|warning) file=/.test(l)),
        format,
      ).toBe(true);
      expect(r.out.includes("\u202e"), format).toBe(false);
    }
  });

  it("fix keeps to text and json", async () => {
    const r = await cli("fix", "--config", site, "--format", "sarif", "--har", "x.har");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format must be text or json/);
  });

  it("check refuses what only fix takes (--write, a request to probe), naming the option, and changes nothing", async () => {
    const before = readFileSync(site, "utf8");
    for (const extra of [["--write"], ["--url", "http://127.0.0.1:1/"], ["--origin", "http://a.example"]]) {
      const r = await cli("check", "--config", site, ...extra);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.err).toContain(`${extra[0]} is for \`cors-lens fix\``);
      expect(r.out).toBe("");
    }
    expect(readFileSync(site, "utf8")).toBe(before);
  });

  it("check --har names the line that blocks each recorded request, with the change fix would make there", async () => {
    const text = `map $http_origin $cors {
    default "";
    "https://app.example.com" $http_origin;
}
server {
    location /api/ {
        add_header Access-Control-Allow-Origin $cors always;
        add_header Vary Origin always;
        return 200;
    }
}
`;
    const conf = join(dir, "map.conf");
    writeFileSync(conf, text);
    const staging = "https://staging.example.com";
    const har = join(dir, "staging.har");
    const evidence = recordedFrom([{ path: conf, text }], [{ url: "http://x/api/1", origin: staging }]);
    writeFileSync(har, JSON.stringify(exportHar(evidence, { includeSecrets: true })));
    // Without the HAR the file has nothing wrong: which origin the page has is not in it.
    expect((await cli("check", "--config", conf)).code).toBe(0);
    const r = await cli("check", "--config", conf, "--har", har, "--format", "json");
    expect(r.code, r.err).toBe(1);
    const findings = JSON.parse(r.out).findings as Array<{ code: string; line: number; message: string }>;
    expect(findings).toEqual([
      expect.objectContaining({
        code: "blocks-recorded-request",
        line: 1,
        message: expect.stringContaining(staging),
      }),
    ]);
    expect(readFileSync(conf, "utf8")).toBe(text);
    const missing = await cli("check", "--config", conf, "--har", join(dir, "none.har"));
    expect(missing.code).toBe(2);
  });
});

describe("cors-lens check --fail-on", () => {
  /** A warning only: no `always` on the error answers (line 3). */
  const warned = join(dir, "warned.conf");
  writeFileSync(
    warned,
    `server {
    location /api/ {
        add_header Access-Control-Allow-Origin "https://app.example.com";
        add_header Access-Control-Allow-Methods "GET, PUT";
        add_header Vary Origin;
        if ($request_method = OPTIONS) { return 204; }
        proxy_pass http://127.0.0.1:3000;
    }
}
`,
  );
  it("warning (the default): a warning alone fails the step; error: only errors do", async () => {
    const json = await cli("check", "--config", warned, "--format", "json");
    const findings = JSON.parse(json.out).findings as Array<{ severity: string }>;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(json.code).toBe(1);
    expect((await cli("check", "--config", warned, "--fail-on", "warning")).code).toBe(1);
    expect((await cli("check", "--config", warned, "--fail-on", "error")).code).toBe(0);
    // An error still fails with --fail-on error.
    expect((await cli("check", "--config", site, "--fail-on", "error")).code).toBe(1);
    const bad = await cli("check", "--config", warned, "--fail-on", "never");
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining("--fail-on takes error or warning")]);
    // fix takes no --fail-on.
    expect((await cli("fix", "--config", warned, "--fail-on", "error")).code).toBe(2);
  });
});
