/**
 * One concrete origin an origin regex matches (`^https?://(www\.)?example\.com$` →
 * `https://example.com`), for the standard requests that must stay allowed. Null when the regex is
 * not of that simple shape; the sample is always checked against the regex itself.
 */
import { nginxRegex } from "./answer";

export function sampleOrigin(regex: string, caseless: boolean): string | null {
  let s = regex
    .replace(/^\(\?i\)/, "")
    .replace(/^\^/, "")
    .replace(/\$$/, "");
  s = s.replace(/^\(\?:/, "(");
  for (let i = 0; i < 8; i++) {
    const before = s;
    s = s
      .replace(/s\?/g, "s")
      .replace(/\((?:\?:)?[^()]*\)\?/g, "")
      .replace(/\[[^\]]*\][+*]/g, "app")
      .replace(/\\d[+*]/g, "1")
      .replace(/\.\*/g, "")
      .replace(/\((?:\?:)?([^()|]*)(?:\|[^()]*)?\)/g, "$1")
      .replace(/^([^|]*)\|.*$/, "$1");
    if (s === before) break;
  }
  s = s.replace(/\\([./:-])/g, "$1");
  if (/[\\^$()[\]{}|*+?]/.test(s) || !/^https?:\/\/[^/]+$/.test(s)) return null;
  const re = nginxRegex(regex, caseless);
  return re?.test(s) ? s : null;
}
