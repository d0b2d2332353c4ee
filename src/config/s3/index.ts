/**
 * S3 bucket CORS (JSON or XML): reader (answers and allowance), checker and patcher. The file names
 * no bucket: every URL the evidence holds (virtual-hosted `bucket.s3.region.amazonaws.com`,
 * path-style, presigned with its query string) is answered from its rules.
 */
import type { Edit } from "../edit";
import type { Allowance, ConfigFile, ReadConfig, Words } from "../types";
import type { Judged, RequestSpec } from "../whatif";
import { answerS3, compile, refusals } from "./answer";
import { checkS3 } from "./check";
import { parseS3, type S3Doc } from "./parse";
import { patchS3 } from "./patch";

export { looksS3Json, looksS3Xml, S3SyntaxError } from "./parse";
export { REFUSED_KEY } from "./patch";

export interface S3Config extends ReadConfig {
  format: "s3-json" | "s3-xml";
  doc: S3Doc;
}

export function readS3(files: readonly ConfigFile[]): S3Config {
  const [file, ...rest] = files as [ConfigFile, ...ConfigFile[]];
  const doc = parseS3(file.path, file.text);
  const rules = compile(doc);
  // Once per file: a large HAR asks many times.
  const refused = refusals(doc)[0] ?? null;
  return {
    format: doc.format,
    doc,
    notes: rest.length > 0 ? [{ key: "config.s3.note.one-file", params: { file: file.path } }] : [],
    answer: (request) => answerS3(doc, rules, request, refused),
    allowance: () => allowanceOf(doc),
    check: () => checkS3(doc),
  };
}

export function setsCors(doc: S3Doc): boolean {
  return doc.rules.length > 0;
}

/** A URL the rules answer (the file names no bucket). */
const URL_STAND_IN = "https://bucket.s3.amazonaws.com/object.txt";

/** Each rule's origins (a stand-in for a wildcard), methods and headers (`*` in a name made concrete). */
function allowanceOf(doc: S3Doc): Allowance[] {
  if (refusals(doc).length > 0) return [];
  return compile(doc).map((c) => ({
    url: URL_STAND_IN,
    // Only what a browser can send as Origin: a value with a path never matched one.
    origins: c.origins
      .map((o) =>
        o.value === "*"
          ? "https://other.example"
          : o.value.replace("*", o.value.startsWith("*") ? "https://x" : "x"),
      )
      .filter((o) => /^https?:\/\/[^/]+$/i.test(o)),
    methods: c.methods,
    headers: (c.rule.lists.AllowedHeaders?.values ?? []).map((h) =>
      h.value === "*" ? "X-Requested-With" : h.value.replace("*", "x"),
    ),
    credentials: !c.origins.every((o) => o.value === "*"),
  }));
}

export function patchS3Config(
  config: S3Config,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  return patchS3(config.doc, failing);
}
