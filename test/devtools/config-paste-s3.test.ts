/**
 * "Paste your config" with an S3 bucket's CORS (#23): the JSON from the console or the CLI, or the
 * XML, pasted with no file name (the panel's default name is nginx.conf: the text decides), and the
 * panel's own requests to the bucket in, the patch and the before/after table out.
 */
import { describe, expect, it } from "vitest";
import { fixPasted } from "../../src/devtools/panel/config-fix";
import { buildReport, type ReportExchange } from "../../src/report/report";
import { recordedFrom } from "../config/recorded";

const BUCKET = "https://photos.s3.eu-west-1.amazonaws.com";
/** The console's editor: GET only, so the page's presigned PUT upload is refused. */
const CONSOLE = `[
    {
        "AllowedHeaders": ["*"],
        "AllowedMethods": ["GET"],
        "AllowedOrigins": ["https://app.example.com"],
        "ExposeHeaders": []
    }
]
`;
const XML = `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>https://app.example.com</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
  </CORSRule>
</CORSConfiguration>
`;

function exchangesOf(text: string): ReportExchange[] {
  const observed = recordedFrom(
    [{ path: "cors.json", text }],
    [
      { url: `${BUCKET}/public/logo.png` },
      {
        url: `${BUCKET}/uploads/cat.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900`,
        method: "PUT",
        headers: [["Content-Type", "image/jpeg"]],
      },
    ],
  ).map((x, i) => ({ ...x, id: `s3-${i}`, startedAt: 1_700_000_000_000 + i }));
  return buildReport(observed, { kind: "extension", tabId: 1 }, { includeSecrets: true }).exchanges;
}

describe("Paste your config: S3 bucket CORS", () => {
  for (const [form, name, text] of [
    ["console JSON, no file name", "", CONSOLE],
    ["XML", "cors.xml", XML],
  ] as const) {
    it(`${form}: the patch adds PUT to the rule, the upload passes, the GET stays allowed`, async () => {
      const exchanges = exchangesOf(text);
      const put = exchanges.find((x) => x.method === "PUT") as ReportExchange;
      expect(put.verdict).toBe("blocked");
      const r = await fixPasted(name, text, put, exchanges, "chromium", "en");
      if (!r.ok) throw new Error(r.error);
      expect(r.fixed).toBe(true);
      expect(r.diff).toMatch(/^\+.*PUT/m);
      expect(r.evidence.map((row) => [row.before, row.after])).toEqual([
        ["allowed", "allowed"],
        [expect.stringMatching(/^blocked/), "allowed"],
      ]);
      expect(r.kept.length).toBeGreaterThan(0);
      expect(r.kept.every((row) => row.after === "allowed" && !row.failing)).toBe(true);
      const ko = await fixPasted(name, text, put, exchanges, "chromium", "ko");
      if (!ko.ok) throw new Error(ko.error);
      expect(ko.edits.join("\n")).toContain("규칙");
    });
  }

  it("a file S3 refuses is explained, never thrown", async () => {
    const exchanges = exchangesOf(CONSOLE);
    const put = exchanges.find((x) => x.method === "PUT") as ReportExchange;
    const r = await fixPasted(
      "",
      "<CORSConfiguration>\n  <CORSRule>\n</CORSConfiguration>",
      put,
      exchanges,
      "chromium",
      "en",
    );
    expect(r.ok).toBe(false);
    // Named for what it is (pasted without a name), not "nginx.conf".
    if (!r.ok) expect(r.error).toMatch(/^cors\.xml:3: .*closes/);
  });
});
