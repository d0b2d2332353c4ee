/**
 * Origin regexes as every format writes them (nginx `map`/`if`, Apache SetEnvIf/RewriteCond, Caddy
 * header_regexp, django-cors-headers CORS_ALLOWED_ORIGIN_REGEXES): the mistakes that make one allow
 * more, or nothing, decided once for every `check`.
 */

/** A string as a literal in a regex (PCRE, ECMAScript, Python's re alike): its special characters escaped. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The dots of a hostname written unescaped: `example.com` in a regex also matches `exampleXcom`. */
export function unescapedHostDot(regex: string): boolean {
  let inClass = false;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (
      c === "." &&
      !inClass &&
      /[A-Za-z0-9-]/.test(regex[i - 1] ?? "") &&
      /[A-Za-z0-9]/.test(regex[i + 1] ?? "")
    )
      return true;
  }
  return false;
}

/**
 * An origin regex that no Origin can match because it leaves out the scheme: anchored at the start
 * (`^`, or always, as Python's re.match), it begins with a literal that cannot begin
 * scheme "://" (`^app\.example\.com$`, `^localhost:\d{4}$`, `^127\.0\.0\.1`). An Origin header is
 * always scheme://host[:port] (https://fetch.spec.whatwg.org/#origin-header; "null" aside). Only a
 * literal run is judged: a class, group or alternation at the start is not.
 */
export function regexWithoutScheme(regex: string, anchoredAlways = false): boolean {
  let body = regex.replace(/^\(\?i\)/, "");
  if (body.startsWith("^")) body = body.slice(1);
  else if (!anchoredAlways) return false;
  if (/(^|[^\\])\|/.test(body)) return false;
  let lit = "";
  let i = 0;
  for (; i < body.length; i++) {
    const c = body[i] as string;
    if (c === "\\" && /[./:-]/.test(body[i + 1] ?? "")) {
      lit += body[i + 1];
      i++;
    } else if (/[A-Za-z0-9:/-]/.test(c)) lit += c;
    else break;
  }
  const next = body.slice(i);
  // A quantifier makes the run's last character optional (`https?`).
  if (/^[?*{]/.test(next)) lit = lit.slice(0, -1);
  const l = lit.toLowerCase();
  if (l === "" || "null".startsWith(l) || l.includes("://")) return false;
  // A scheme starts with a letter (https://www.rfc-editor.org/rfc/rfc3986#section-3.1).
  if (!/^[a-z]/.test(l)) return true;
  const colon = l.indexOf(":");
  if (colon >= 0) {
    // After a scheme's ":" comes "//": `localhost:3000`, `localhost:\d{4}` are a host and a port.
    const after = l.slice(colon + 1);
    if (after.length > 0) return !after.startsWith("/");
    return /^(\\d|\[0-9)/.test(next);
  }
  // The whole regex is the literal (`^app\.example\.com$`): no "://" anywhere. (Without the `$`, the
  // literal could still be a scheme's start: `^http`.)
  return /^\$\)*$/.test(next);
}

/**
 * An origin regex that is itself a quoted string literal — `r'^https://…$'`, `"^https://…$"` — because
 * it was copied with its quotes (and Python's `r` prefix) into an environment variable or a setting's
 * string: the quotes are part of the pattern, and no Origin starts with a quote or ends with one
 * (https://fetch.spec.whatwg.org/#origin-header: scheme://host[:port], or "null"), so it matches
 * nothing (mozilla/network-pulse-api#334).
 */
export function quotedRegex(regex: string): boolean {
  return /^[rRbBuU]{0,2}(['"]).+\1$/s.test(regex.trim());
}
