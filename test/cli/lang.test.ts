/**
 * The command line's language: `--lang`, else LC_ALL, LC_MESSAGES, LANG (POSIX order), else
 * English. A Korean golden summary is kept beside the English one. The real binary follows the
 * terminal's LANG (spawned, as a user runs it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliLang } from "../../src/cli/main";
import { exportHar } from "../../src/report/har-export";
import { recorded, SCENARIOS } from "../fixtures/scenarios";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "cors-lens-lang-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixed = SCENARIOS.map((s, i) => ({
  ...recorded(s, "chromium"),
  id: `g${i}`,
  startedAt: Date.UTC(2026, 10, 27, 12, 0, i),
}));
const har = join(dir, "golden.har");
writeFileSync(har, JSON.stringify(exportHar(fixed, { includeSecrets: true })));

const cli = runCli;

describe("the CLI's language", () => {
  it("follows --lang, then LC_ALL, LC_MESSAGES and LANG, else English", () => {
    expect(cliLang(["analyze", "x.har"], {})).toBe("en");
    expect(cliLang(["analyze", "x.har"], { LANG: "ko_KR.UTF-8" })).toBe("ko");
    expect(cliLang(["analyze", "x.har"], { LANG: "ko_KR.UTF-8", LC_ALL: "C" })).toBe("ko");
    expect(cliLang(["analyze", "x.har"], { LANG: "en_US.UTF-8", LC_MESSAGES: "ko_KR" })).toBe("ko");
    expect(cliLang(["analyze", "x.har"], { LANG: "ko_KR.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en");
    expect(cliLang(["analyze", "--lang", "en", "x.har"], { LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(cliLang(["analyze", "--lang=ko", "x.har"], {})).toBe("ko");
    expect(cliLang(["analyze", "--lang", "fr"], {})).toEqual({ bad: "fr" });
  });

  it("prints the summary in Korean with LANG=ko_KR.UTF-8, the same verdicts and exit code", async () => {
    const ko = cli({ LANG: "ko_KR.UTF-8" }, "analyze", har, "--stack", "nginx");
    const en = cli({}, "analyze", har, "--stack", "nginx");
    expect(ko.code).toBe(en.code);
    expect(ko.out).toContain("교차 출처 요청");
    expect(ko.out).toContain("수정 방법 (nginx):");
    expect(ko.out).not.toContain("cross-origin requests:");
    // The browsers' names are what the console says, in every language.
    expect(ko.out).toContain("Chromium WildcardOriginNotAllowed");
    await expect(ko.out.replaceAll(dir, "<dir>")).toMatchFileSnapshot("golden/summary.ko.txt");
  });

  it("keeps the JSON report's codes and marks its language", () => {
    const ko = JSON.parse(cli({ LANG: "ko_KR.UTF-8" }, "analyze", har, "--json").out);
    const en = JSON.parse(cli({}, "analyze", har, "--json").out);
    expect([ko.lang, en.lang]).toEqual(["ko", "en"]);
    const codes = (r: typeof en) =>
      r.exchanges.map((x: { verdict: string; causes: Array<{ code: string }> }) => [
        x.verdict,
        x.causes.map((c) => c.code),
      ]);
    expect(codes(ko)).toEqual(codes(en));
  });

  it("says usage errors and unreadable files in the chosen language, exit 2", () => {
    expect(cli({}, "analyze", "--lang", "fr", har)).toMatchObject({
      code: 2,
      err: 'cors-lens: --lang must be en or ko, not "fr"\n',
    });
    expect(cli({ LANG: "ko_KR.UTF-8" }, "analyze", join(dir, "missing.har"))).toMatchObject({
      code: 2,
      err: `cors-lens: ${join(dir, "missing.har")}: 파일이 없습니다: ${join(dir, "missing.har")}\n`,
    });
    expect(cli({ LANG: "ko_KR.UTF-8" }, "analyze", "--format", "xml", har).err).toContain(
      '--format은 text, json, sarif, junit, github 중 하나여야 합니다("xml"은 안 됨)',
    );
    expect(cli({ LANG: "ko_KR.UTF-8" }, "--help").out).toMatch(/^사용법: cors-lens analyze/);
  });

  it("runs in Korean as a user runs it: the built binary under LANG=ko_KR.UTF-8", () => {
    const r = spawnSync(process.execPath, ["dist/cli/cors-lens.mjs", "analyze", har], {
      env: { ...process.env, LANG: "ko_KR.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
      encoding: "utf8",
    });
    if (r.error) throw r.error;
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("교차 출처 요청");
  });
});
