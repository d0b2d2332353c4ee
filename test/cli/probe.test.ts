/**
 * `cors-lens probe` against the lab on loopback: what it sends (the browser's preflight), where it
 * stops, its verdicts and exit codes, and one-line messages when nothing answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { nodeSend } from "../../src/cli/probe";
import { runProbe } from "../../src/cli/probe-command";
import type { ReportDocument } from "../../src/report/report";

type Lab = Awaited<ReturnType<typeof startLab>>;
let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

async function probeCli(...args: string[]) {
  let out = "";
  let err = "";
  const code = await runProbe(
    args,
    nodeSend,
    (s) => (out += s),
    (s) => (err += s),
    false,
  );
  return { code, out, err };
}
const at = (id: string) => `${lab.api}/s/${id}?n=probe`;

describe("cors-lens probe", () => {
  it("sends the browser's preflight and names the missing header, with the fix", async () => {
    const before = lab.log.length;
    const r = await probeCli(
      at("seed-django-missing-header"),
      "--origin",
      lab.page,
      "--method",
      "PUT",
      "--header",
      "Content-Type: application/json",
      "--header",
      "X-Api-Key: k-123",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "Chromium: blocked: Request header x-api-key not allowed (HeaderDisallowedByPreflightResponse)",
    );
    expect(r.out).toContain(
      "Firefox: blocked: Request header x-api-key not allowed (CORSMissingAllowHeaderFromPreflight2)",
    );
    expect(r.out).toContain(
      "Access-Control-Allow-Headers: required content-type,x-api-key, sent accept, accept-encoding",
    );
    // From one preflight, the seed's copy of django-cors-headers' defaults reads as that package: said as a guess.
    expect(r.out).toContain(
      "Probably: django-cors-headers, from Access-Control-Allow-Methods: DELETE, GET, OPTIONS, PATCH, POST, PUT",
    );
    expect(r.out).toContain("Fix (Django (django-cors-headers)):");
    // Only the preflight went out: after a failed preflight the browser sends nothing else.
    const sent = lab.log.slice(before);
    expect(sent.map((l) => l.method)).toEqual(["OPTIONS"]);
  });

  it("--expect sets the exit code; --format json prints the report document", async () => {
    const ok = await probeCli(
      at("acao-echo-no-vary"),
      "--origin",
      lab.page,
      "--expect",
      "allowed",
      "--format",
      "json",
    );
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.out) as ReportDocument;
    expect(report.source).toEqual({ kind: "probe", url: at("acao-echo-no-vary"), origin: lab.page });
    expect(report.exchanges.map((x) => x.verdict)).toEqual(["allowed"]);
    const wrong = await probeCli(at("acao-missing"), "--origin", lab.page, "--expect", "allowed");
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain(
      "Chromium: blocked: No Access-Control-Allow-Origin header (MissingAllowOriginHeader)",
    );
    const expectedBlock = await probeCli(at("acao-missing"), "--origin", lab.page, "--expect", "blocked");
    expect(expectedBlock.code).toBe(0);
  });

  it("says in one line when nothing answers, and rejects bad input with exit 2", async () => {
    const refused = await probeCli(`${lab.closed}/x`, "--origin", lab.page);
    expect(refused).toMatchObject({ code: 2, out: "" });
    expect(refused.err).toMatch(/^cors-lens probe: 127\.0\.0\.1:\d+: connection refused\n$/);
    const tls = await probeCli(at("acao-missing").replace("http:", "https:"), "--origin", lab.page);
    expect(tls.code).toBe(2);
    expect(tls.err).toMatch(/^cors-lens probe: 127\.0\.0\.1:\d+: TLS error \(EPROTO\)\n$/);
    for (const args of [
      [at("acao-missing")],
      [at("acao-missing"), "--origin", `${lab.page}/app`],
      ["ftp://x/", "--origin", lab.page],
      [at("acao-missing"), "--origin", lab.page, "--expect", "maybe"],
      [at("acao-missing"), "--origin", lab.page, "--bogus"],
    ]) {
      const r = await probeCli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.split("\n").length, r.err).toBe(2);
    }
  });
});
