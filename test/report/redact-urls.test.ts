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

  it("redacts the initiator and the credentials evidence as it redacts headers", () => {
    // A HAR's initiator can be a whole URL; the credentialed alternative's words quote header values.
    const secretInitiator = "http://user:pw0rd@127.0.0.1:5601/app?session=s3ss10n";
    const x = {
      ...exchange({
        url: "http://127.0.0.1:8000/api/me",
        credentials: "unknown",
        recordedBy: "firefox",
        response: {
          status: 200,
          headers: h(
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Credentials",
            "http://admin:hunter2@127.0.0.1:8000/?token=t0k3n",
          ),
        },
      }),
      initiator: secretInitiator,
    };
    // The browser did not say how it ended: the credentials mode is assumed, the alternative quoted.
    x.visibility = { ...x.visibility, corsErrors: false };
    const kept = buildReport([x], { kind: "har", file: "x.har" }, { includeSecrets: true }).exchanges[0];
    expect(kept?.initiator).toBe(secretInitiator);
    expect(kept?.evidence.credentials).toContain("hunter2");
    expect(kept?.evidence.credentials).toContain("t0k3n");
    const secrets = /pw0rd|s3ss10n|hunter2|t0k3n/;
    const report = buildReport([x], { kind: "har", file: "x.har" }).exchanges[0];
    expect(report?.initiator).toBe("http://<redacted>@127.0.0.1:5601/app?session=<redacted>");
    expect(report?.evidence.credentials).not.toMatch(secrets);
    expect(report?.evidence.credentials).toContain("<redacted>");
    expect(JSON.stringify(redactForCopy(x))).not.toMatch(/pw0rd|s3ss10n/);
    expect(JSON.stringify(exportHar([x]))).not.toMatch(/pw0rd|s3ss10n/);
  });
});
