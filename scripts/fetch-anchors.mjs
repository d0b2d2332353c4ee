#!/usr/bin/env node
/**
 * Prints the anchors of the Fetch Standard's source (fetch.bs, https://github.com/whatwg/fetch),
 * one a line, sorted: what test/refs/fetch-anchors.txt holds and test/meta/fetch-refs.test.ts checks
 * every https://fetch.spec.whatwg.org/#… link of src/ against.
 *
 *   node scripts/fetch-anchors.mjs path/to/fetch.bs <commit> > test/refs/fetch-anchors.txt
 *
 * Anchors, as Bikeshed makes them: every explicit `id=` and `oldids=` (kept as redirects), and the
 * id of each `<dfn>` (or heading with `dfn`) without one — its first `lt` or its text, prefixed by
 * its `for`, lower-cased, runs of other characters turned into `-`.
 */
import { readFileSync } from "node:fs";

const [source, commit = "unknown"] = process.argv.slice(2);
if (!source) {
  console.error("usage: node scripts/fetch-anchors.mjs fetch.bs [commit]");
  process.exit(2);
}
const text = readFileSync(source, "utf8");
const anchors = new Set();
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};
const slug = (s) =>
  s
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

for (const [tag] of text.matchAll(/<[a-z][a-z0-9]*\s[^>]*>/gi)) {
  const id = attr(tag, "id");
  if (id) anchors.add(id);
  for (const old of (attr(tag, "oldids") ?? "").split(",").filter(Boolean)) anchors.add(old.trim());
}
for (const m of text.matchAll(/<(dfn|h[2-6])(\s[^>]*)?>([\s\S]*?)<\/\1>/gi)) {
  const tag = `<${m[1]}${m[2] ?? ""}>`;
  if (m[1].toLowerCase() !== "dfn" && !/\sdfn[\s>=]/.test(`${tag.slice(0, -1)} >`)) continue;
  if (attr(tag, "id")) continue;
  const lt = attr(tag, "lt")?.split("|")[0];
  const name = slug(lt ?? m[3]);
  const forValue = attr(tag, "for");
  if (name) anchors.add(forValue && forValue !== "/" ? `${slug(forValue)}-${name}` : name);
}
console.log(`# The Fetch Standard's anchors (https://fetch.spec.whatwg.org/#<anchor>), one a line.`);
console.log(`# Made by: node scripts/fetch-anchors.mjs fetch.bs ${commit} > test/refs/fetch-anchors.txt`);
console.log(`# from fetch.bs of https://github.com/whatwg/fetch at commit ${commit}.`);
for (const a of [...anchors].sort()) console.log(a);
