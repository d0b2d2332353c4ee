/**
 * How S3 answers with a bucket's CORS rules, after "How does Amazon S3 evaluate the CORS
 * configuration on a bucket?" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html):
 * the FIRST rule whose AllowedOrigin, AllowedMethod and (for a preflight) every requested header
 * match answers; a preflight no rule matches gets 403 without CORS headers; an actual request no rule
 * matches gets the object's answer without CORS headers. A rule's origin `*` is answered `*` (no
 * credentials); any other match echoes the origin with `Access-Control-Allow-Credentials: true`.
 *
 * s3rver 3.7.1 differs, and the model follows AWS. In
 * https://github.com/jamhall/s3rver/blob/v3.7.1/lib/middleware/cors.js: line 65 answers every
 * preflight `Access-Control-Allow-Origin: *`; line 94 adds `Access-Control-Allow-Credentials: true`
 * to every actual response, `*` included; line 92 sends Max-Age on actual responses only; lines 18
 * and 55 take the first rule by origin and method alone and refuse the preflight when that rule lacks
 * a requested header, where S3 goes on to a later rule (`matchRule`, lib/models/config.js lines 133-139).
 */
import type { HeaderList } from "../../engine";
import type { Answer, HopRequest, Words } from "../types";
import { FIELDS, type Rule, type S3Doc, XML_NAME } from "./parse";

/** The methods S3 accepts in AllowedMethods (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html). */
export const S3_METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD"];

export interface Refusal {
  code: string;
  line: number;
  words: Words;
}

/** S3's wildcard: at most one `*`, matching any run of characters; null for two or more. */
export function wildcard(pattern: string, flags = ""): RegExp | null {
  const parts = pattern.split("*");
  if (parts.length > 2) return null;
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, flags);
}

const fieldName = (doc: S3Doc, f: string) =>
  doc.format === "s3-xml" ? ((XML_NAME as Record<string, string>)[f] ?? f) : f;

/** What makes S3 (or the AWS CLI before it) refuse the whole configuration. */
export function refusals(doc: S3Doc): Refusal[] {
  const out: Refusal[] = [];
  // Malformed XML: S3 answers MalformedXML to PutBucketCors and the bucket keeps its old rules.
  for (const m of doc.mismatched)
    out.push({
      code: "s3-xml-tag",
      line: m.line,
      words: { key: "config.s3.check.tag", params: { close: m.close, open: m.open } },
    });
  if (doc.rules.length === 0)
    out.push({
      code: "s3-no-rules",
      line: doc.line(doc.rulesStart),
      words: { key: "config.s3.check.no-rules" },
    });
  if (doc.rules.length > 100)
    out.push({
      code: "s3-too-many",
      line: doc.rules[100]?.line ?? 1,
      words: { key: "config.s3.check.too-many", params: { count: doc.rules.length } },
    });
  for (const s of doc.stray)
    out.push({
      code: "s3-unknown-field",
      line: s.line,
      words: { key: "config.s3.check.unknown", params: { name: s.name } },
    });
  for (const r of doc.rules) {
    for (const u of r.unknown)
      out.push({
        code: "s3-unknown-field",
        line: u.line,
        words: { key: "config.s3.check.unknown", params: { name: u.name } },
      });
    for (const f of FIELDS) {
      const list = r.lists[f];
      if (list && !list.isArray)
        out.push({
          code: "s3-not-list",
          line: list.line,
          words: { key: "config.s3.check.not-list", params: { name: f } },
        });
    }
    for (const f of ["AllowedOrigins", "AllowedMethods"] as const)
      if (!r.lists[f] || r.lists[f]?.values.length === 0)
        out.push({
          code: "s3-missing-field",
          line: r.lists[f]?.line ?? r.line,
          words: { key: "config.s3.check.missing", params: { name: fieldName(doc, f) } },
        });
    for (const m of r.lists.AllowedMethods?.values ?? [])
      if (!S3_METHODS.includes(m.value))
        out.push({
          code: "s3-method",
          line: m.line,
          words: { key: "config.s3.check.method", params: { value: m.value } },
        });
    for (const f of ["AllowedOrigins", "AllowedHeaders"] as const)
      for (const v of r.lists[f]?.values ?? [])
        if (wildcard(v.value) === null)
          out.push({
            code: "s3-wildcards",
            line: v.line,
            words: { key: "config.s3.check.wildcards", params: { value: v.value } },
          });
    if (r.maxAge && !/^\d+$/.test(r.maxAge.value.trim()))
      out.push({
        code: "s3-max-age",
        line: r.maxAge.line,
        words: { key: "config.s3.check.max-age", params: { value: r.maxAge.value } },
      });
  }
  return out;
}

export interface Compiled {
  rule: Rule;
  origins: Array<{ value: string; re: RegExp }>;
  methods: string[];
  headers: RegExp[];
  expose: string[];
  maxAge: string | null;
}

export function compile(doc: S3Doc): Compiled[] {
  const values = (r: Rule, f: (typeof FIELDS)[number]) => (r.lists[f]?.values ?? []).map((v) => v.value);
  return doc.rules.map((rule) => ({
    rule,
    origins: values(rule, "AllowedOrigins").flatMap((value) => {
      const re = wildcard(value);
      return re ? [{ value, re }] : [];
    }),
    methods: values(rule, "AllowedMethods"),
    headers: values(rule, "AllowedHeaders").flatMap((h) => {
      const re = wildcard(h, "i");
      return re ? [re] : [];
    }),
    expose: values(rule, "ExposeHeaders"),
    maxAge: rule.maxAge?.value.trim() ?? null,
  }));
}

export const originMatch = (c: Compiled, origin: string) => c.origins.find((o) => o.re.test(origin)) ?? null;
export const headersMatch = (c: Compiled, requested: readonly string[]) =>
  requested.every((h) => c.headers.some((re) => re.test(h)));

/** The rule S3 uses: the first whose origin, method and (preflight) every requested header match. */
export function firstMatch(
  rules: readonly Compiled[],
  origin: string,
  method: string,
  requested: readonly string[],
): Compiled | null {
  return (
    rules.find(
      (c) => originMatch(c, origin) !== null && c.methods.includes(method) && headersMatch(c, requested),
    ) ?? null
  );
}

/** A rule answers `*` when it allows every origin (as S3 and s3rver both do for `*`). */
export const answersStar = (c: Compiled) => c.origins.some((o) => o.value === "*");

function header(headers: HeaderList, name: string): string | null {
  const h = headers.find(([n]) => n.toLowerCase() === name);
  return h ? h[1] : null;
}

export function requestedHeaders(acrh: string | null): string[] {
  return (acrh ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "");
}

const VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

/** The answer of the bucket with these rules (valid ones: the reader refuses the others first). */
export function answerS3(
  doc: S3Doc,
  rules: readonly Compiled[],
  request: HopRequest,
  refused: Refusal | null = refusals(doc)[0] ?? null,
): Answer {
  if (refused)
    return { kind: "unknown", why: { key: "config.s3.unknown.refused", params: { line: refused.line } } };
  let host = "";
  try {
    host = new URL(request.url).hostname.toLowerCase();
  } catch {
    host = "";
  }
  // CloudFront forwards Origin (and answers OPTIONS) only as its cache policy says: not in this file.
  if (host.endsWith(".cloudfront.net"))
    return { kind: "unknown", why: { key: "config.s3.unknown.cloudfront", params: { host } } };
  // Another AWS service (API Gateway, Lambda URLs) does not answer from a bucket's rules.
  if (host.endsWith(".amazonaws.com") && !/(^|\.)s3([.-]|$)/.test(host))
    return { kind: "unknown", why: { key: "config.s3.unknown.not-s3", params: { host } } };
  const origin = header(request.headers, "origin");
  const out: Array<[string, string]> = [];
  const cors = (c: Compiled) => {
    const star = answersStar(c);
    out.push(["Access-Control-Allow-Origin", star ? "*" : (origin as string)]);
    if (!star) out.push(["Access-Control-Allow-Credentials", "true"]);
  };
  if (request.method === "OPTIONS") {
    const acrm = header(request.headers, "access-control-request-method");
    // S3's 400 to an OPTIONS without Origin or without a requested method.
    if (!origin || !acrm)
      return { kind: "known", status: 400, headers: [], fromUpstream: false, assumed: [] };
    const requested = requestedHeaders(header(request.headers, "access-control-request-headers"));
    const c = firstMatch(rules, origin, acrm, requested);
    if (!c) return { kind: "known", status: 403, headers: [], fromUpstream: false, assumed: [] };
    cors(c);
    out.push(["Access-Control-Allow-Methods", c.methods.join(", ")]);
    if (requested.length > 0) out.push(["Access-Control-Allow-Headers", requested.join(", ")]);
    if (c.expose.length > 0) out.push(["Access-Control-Expose-Headers", c.expose.join(", ")]);
    if (c.maxAge !== null) out.push(["Access-Control-Max-Age", c.maxAge]);
    out.push(["Vary", VARY]);
    return { kind: "known", status: 200, headers: out, fromUpstream: false, assumed: [] };
  }
  // The object's own status (200, 403 for an expired signature, 404) is the recorded one.
  const recorded = request.upstream?.status ?? null;
  const assumed: Words[] = recorded === null ? [{ key: "config.s3.assumed.object-200" }] : [];
  const c = origin ? firstMatch(rules, origin, request.method, []) : null;
  if (c) {
    cors(c);
    if (c.expose.length > 0) out.push(["Access-Control-Expose-Headers", c.expose.join(", ")]);
    if (c.maxAge !== null) out.push(["Access-Control-Max-Age", c.maxAge]);
    out.push(["Vary", VARY]);
  }
  return { kind: "known", status: recorded ?? 200, headers: out, fromUpstream: true, assumed };
}
