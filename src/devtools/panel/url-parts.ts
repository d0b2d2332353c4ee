/** How the panel shows a URL: the endpoint (path and query) first, as DevTools' Network panel does. */
export function splitUrl(url: string): { host: string; path: string; query: string } {
  try {
    const u = new URL(url);
    return { host: u.host || u.protocol, path: u.pathname || "/", query: u.search };
  } catch {
    return { host: "", path: url, query: "" };
  }
}

/** A DOM id for a row (`aria-activedescendant` needs one); exchange ids are ours but not all id-safe. */
export function rowDomId(exchangeId: string): string {
  return `row-${exchangeId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** Break opportunities after URL and list punctuation only, so an origin never breaks mid-token. */
export function breakPoints(text: string): string[] {
  return text.split(/(?<=[/?&,;=])/);
}
