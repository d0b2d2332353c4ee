/**
 * `cors-lens check` for S3 bucket CORS: what S3 refuses (errors), origins that can never match a
 * browser's Origin (a path or trailing slash, no scheme), and rules that refuse what uploads need
 * (no AllowedHeaders for PUT/POST, ETag not exposed for multipart uploads: the SDKs read each part's
 * ETag, https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html), a wildcard
 * that matches unintended sites, and a rule shadowed by an earlier one for some origin.
 */
import type { ConfigFinding } from "../types";
import { compile, headersMatch, originMatch, refusals } from "./answer";
import type { S3Doc } from "./parse";
import { deadOrigin } from "./patch";

const lower = (s: string) => s.toLowerCase();

export function checkS3(doc: S3Doc): ConfigFinding[] {
  const file = doc.file;
  const out: ConfigFinding[] = refusals(doc).map((r) => ({
    code: r.code,
    severity: "error",
    file,
    line: r.line,
    words: r.words,
  }));
  for (const line of doc.comments)
    out.push({
      code: "s3-json-comment",
      severity: "error",
      file,
      line,
      words: { key: "config.s3.check.comment" },
    });
  const rules = compile(doc);
  for (const c of rules) {
    const r = c.rule;
    for (const o of r.lists.AllowedOrigins?.values ?? []) {
      const v = o.value;
      if (v === "*") continue;
      if (v === "null")
        out.push({
          code: "null-origin",
          severity: "warning",
          file,
          line: o.line,
          words: { key: "config.check.null" },
        });
      else if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*\/.*$/i.test(v))
        out.push({
          code: "s3-origin-path",
          severity: "error",
          file,
          line: o.line,
          words: {
            key: "config.s3.check.origin-path",
            params: { value: v, origin: v.replace(/(:\/\/[^/]*)\/.*$/, "$1") },
          },
        });
      else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith("*"))
        out.push({
          code: "s3-origin-scheme",
          severity: "error",
          file,
          line: o.line,
          words: { key: "config.s3.check.origin-scheme", params: { value: v } },
        });
      else if (v.includes("*") && !/\*\./.test(v) && !v.startsWith("*"))
        out.push({
          code: "s3-wildcard-broad",
          severity: "warning",
          file,
          line: o.line,
          words: { key: "config.s3.check.wildcard-broad", params: { value: v } },
        });
    }
    const methods = c.methods;
    const line = r.lists.AllowedMethods?.line ?? r.line;
    // Named at the write method's own entry (an XML rule writes one method a line).
    const write = r.lists.AllowedMethods?.values.find((v) => ["PUT", "POST"].includes(v.value.toUpperCase()));
    if (write && c.headers.length === 0)
      out.push({
        code: "s3-no-headers",
        severity: "warning",
        file,
        line: write.line ?? line,
        words: { key: "config.s3.check.no-headers" },
      });
    // A browser's upload of a file sends its type as Content-Type (image/jpeg: not one a form
    // sends), so the preflight names content-type; S3 answers it from the first rule whose origin,
    // method and every requested header match, else 403
    // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html). Here no rule that allows
    // PUT for this rule's origins takes it.
    const headersList = r.lists.AllowedHeaders;
    if (methods.includes("PUT") && c.headers.length > 0 && !headersMatch(c, ["content-type"])) {
      const uncovered = (r.lists.AllowedOrigins?.values ?? []).some(
        (o) =>
          !deadOrigin(o.value) &&
          !rules.some(
            (d) =>
              d !== c &&
              d.methods.includes("PUT") &&
              originMatch(d, o.value) !== null &&
              headersMatch(d, ["content-type"]),
          ),
      );
      if (uncovered)
        out.push({
          code: "s3-put-content-type",
          severity: "warning",
          file,
          line: headersList?.line ?? line,
          words: {
            key: "config.s3.check.put-content-type",
            params: { field: doc.format === "s3-xml" ? "AllowedHeader" : "AllowedHeaders" },
          },
        });
    }
    // A request signed by the AWS SDK (Signature Version 4) sends x-amz-date and
    // x-amz-content-sha256 beside Authorization (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html):
    // a rule that lists Authorization but no x-amz-* header refuses every such preflight.
    if (headersMatch(c, ["authorization"]) && !headersMatch(c, ["x-amz-date", "x-amz-content-sha256"]))
      out.push({
        code: "s3-sdk-headers",
        severity: "warning",
        file,
        line: headersList?.line ?? line,
        words: {
          key: "config.s3.check.sdk-headers",
          params: { field: doc.format === "s3-xml" ? "AllowedHeader" : "AllowedHeaders" },
        },
      });
    if (methods.includes("PUT") && !c.expose.some((e) => lower(e) === "etag"))
      out.push({
        code: "s3-etag",
        severity: "warning",
        file,
        line: r.lists.ExposeHeaders?.line ?? line,
        words: { key: "config.s3.check.etag" },
      });
  }
  // A later rule's exact origin that an earlier rule's pattern already takes for a method they share:
  // S3 uses the earlier rule (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html).
  rules.forEach((c, j) => {
    for (const o of c.rule.lists.AllowedOrigins?.values ?? []) {
      // A value no Origin matches has its own finding (s3-origin-path, s3-origin-scheme).
      if (o.value.includes("*") || deadOrigin(o.value)) continue;
      const earlier = rules
        .slice(0, j)
        .find((e) => originMatch(e, o.value) && e.methods.some((m) => c.methods.includes(m)));
      if (earlier)
        out.push({
          code: "s3-shadowed",
          severity: "warning",
          file,
          line: o.line,
          words: { key: "config.s3.check.shadowed", params: { value: o.value, line: earlier.rule.line } },
        });
    }
  });
  return out.sort((a, b) => a.line - b.line);
}
