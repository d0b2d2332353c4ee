/**
 * Copies text. DevTools panels often lack the clipboard-write permission, so the selection-based
 * fallback is the one that works there.
 */
export function copyText(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) void navigator.clipboard?.writeText(text).catch(() => undefined);
  return copied || navigator.clipboard !== undefined;
}

/** Saves a file through a download link (no downloads permission needed). */
export function saveFile(name: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
