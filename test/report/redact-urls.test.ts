/** Secrets outside the secret headers: in URLs, Referer and Location, the words, and copies. */
import { describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { redactForCopy, redactQuerySecrets } from "../../src/report/redact";
import { buildReport } from "../../src/report/report";
import { exchange, h, PAGE } from "../engine/build";

const SECRET_URL = "http://127.0.0.1:8000/api/me?access_token=abc123&page=2#top";

describe("secrets in URLs", () => {
  it("redacts credential-named query values, and nothing else", () => {
    expect(redactQuerySecrets(SECRET_URL)).toBe(
      "http://127.0.0.1:8000/api/me?access_token=<redacted>&page=2#top",
    );
    expect(redactQuerySecrets("/x?token=a&api_key=b&X-Amz-Signature=c&sessionid=d&q=token")).toBe(
      "/x?token=<redacted>&api_key=<redacted>&X-Amz-Signature=<redacted>&sessionid=<redacted>&q=token",
    );
    for (const kept of ["/x?page=2&sort=name", "/x?token", "/x?token=", "no url here", "a=b&c=d"])
      expect(redactQuerySecrets(kept)).toBe(kept);
  });

  it("keeps them out of every field of the report and the HAR unless secrets are asked for", () => {
    const x = exchange({
      url: SECRET_URL,
      requestHeaders: h("Origin", PAGE, "Referer", `${PAGE}/app?session=s3cr3t`, "Sec-Fetch-Mode", "cors"),
      redirects: [{ status: 302, to: "http://127.0.0.1:8000/login?token=t0k3n" }],
      response: { status: 200, headers: h("Content-Type", "text/html") },
      error: "net::ERR_FAILED",
    });
    const redacted = JSON.stringify(buildReport([x], { kind: "har", file: "x.har" }));
    for (const secret of ["abc123", "s3cr3t", "t0k3n"]) expect(redacted).not.toContain(secret);
    expect(JSON.stringify(exportHar([x]))).not.toMatch(/abc123|s3cr3t|t0k3n/);
    const kept = JSON.stringify(buildReport([x], { kind: "har", file: "x.har" }, { includeSecrets: true }));
    for (const secret of ["abc123", "s3cr3t", "t0k3n"]) expect(kept).toContain(secret);
  });

  it("redacts what a copy takes: headers, the URL, the preflight's URL", () => {
    const x = exchange({
      url: SECRET_URL,
      method: "PUT",
      requestHeaders: h("Origin", PAGE, "Cookie", "sid=1", "Authorization", "Bearer xyz", "X-Api-Key", "k"),
      preflight: { status: 204, headers: h("Access-Control-Allow-Origin", PAGE) },
      response: null,
    });
    const copy = JSON.stringify(redactForCopy(x));
    for (const secret of ["abc123", "sid=1", "Bearer xyz", '"k"']) expect(copy).not.toContain(secret);
  });
});
