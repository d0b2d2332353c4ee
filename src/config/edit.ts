/**
 * Edits to a configuration file's text, shared by every format's patcher: an edit replaces a byte
 * range of one file and says why; the text around it keeps its own indentation and comments.
 */
import type { Words } from "./types";

export interface Edit {
  file: string;
  start: number;
  end: number;
  text: string;
  why: Words;
}

/** Where the line holding `at` starts. */
export function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}

/** The indentation of the line holding `at`, as written (spaces or tabs). */
export function indentAt(text: string, at: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, at)))?.[0] ?? "";
}

/** The offset just past the end of the line holding `at`. */
export function afterLine(text: string, at: number): number {
  const nl = text.indexOf("\n", at);
  return nl < 0 ? text.length : nl + 1;
}

/** Applies edits to the texts (edits of one file must not overlap; equal insert points keep order). */
export function applyEdits(files: Map<string, string>, edits: readonly Edit[]): Map<string, string> {
  const out = new Map(files);
  const byFile = new Map<string, Array<{ e: Edit; i: number }>>();
  edits.forEach((e, i) => {
    byFile.set(e.file, [...(byFile.get(e.file) ?? []), { e, i }]);
  });
  for (const [file, list] of byFile) {
    const text = out.get(file) ?? "";
    list.sort((a, b) => a.e.start - b.e.start || a.i - b.i);
    // One pass, pieces joined once: a file with thousands of edits is not copied for each.
    const pieces: string[] = [];
    let at = 0;
    for (const { e } of list) {
      if (e.start < at) continue;
      pieces.push(text.slice(at, e.start), e.text);
      at = e.end;
    }
    pieces.push(text.slice(at));
    out.set(file, pieces.join(""));
  }
  return out;
}

/**
 * What every format's patcher collects in one round: the edits, each once (by key); why a failing
 * request could not be fixed; and the names it may add without clashing with the files' own.
 */
export class EditList {
  readonly edits: Edit[] = [];
  /** Why a failing request could not be fixed, by request id. */
  readonly cannot = new Map<string, Words>();
  private readonly keys = new Set<string>();
  /** Names in use (the files' own, and those this round made): `freshName` picks another. */
  protected readonly names = new Set<string>();

  constructor(protected readonly files: ReadonlyMap<string, string>) {}

  protected text(file: string): string {
    return this.files.get(file) ?? "";
  }

  protected push(key: string, edit: Edit): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.edits.push(edit);
  }

  /** `base`, or `base_2`, `base_3`…: the first name not in use. */
  protected freshName(base: string): string {
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }
}
