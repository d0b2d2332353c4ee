/**
 * A unified diff (the format `patch -p0` and `git apply` read; GNU diffutils "Unified Format"),
 * written here rather than taken from the `diff` package: lines compared with Myers' O(ND)
 * algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986), so a few edits in a
 * 5,000-line file cost little. Three lines of context, hunks merged when their context touches.
 */

type Op = { kind: " " | "-" | "+"; line: string };

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[k - 1 + max] as number) < (v[k + 1 + max] as number))
          ? (v[k + 1 + max] as number)
          : (v[k - 1 + max] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + max] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, max, d);
    }
  }
  return [];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], max: number, dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d >= 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[k - 1 + max] as number) < (v[k + 1 + max] as number));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (v[prevK + max] as number);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && x > 0 && y > 0) {
      ops.push({ kind: " ", line: a[x - 1] as string });
      x--;
      y--;
    }
    if (d === 0) break;
    if (down) ops.push({ kind: "+", line: b[y - 1] as string });
    else ops.push({ kind: "-", line: a[x - 1] as string });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: " ", line: a[x - 1] as string });
    x--;
    y--;
  }
  return ops.reverse();
}

/** The unified diff of two texts, with `---`/`+++` headers; "" when they are equal. */
export function unifiedDiff(
  oldText: string,
  newText: string,
  oldName: string,
  newName: string,
  context = 3,
): string {
  if (oldText === newText) return "";
  const a = splitLines(oldText);
  const b = splitLines(newText);
  // Common head and tail need no search: only the middle goes through Myers.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((line) => ({ kind: " " as const, line })),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line) => ({ kind: " " as const, line })),
  ];
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  const oldLine = new Int32Array(ops.length + 1);
  const newLine = new Int32Array(ops.length + 1);
  for (let j = 0, o = 1, nn = 1; j < ops.length; j++) {
    oldLine[j] = o;
    newLine[j] = nn;
    const op = ops[j] as Op;
    if (op.kind !== "+") o++;
    if (op.kind !== "-") nn++;
  }
  while (i < ops.length) {
    while (i < ops.length && (ops[i] as Op).kind === " ") i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && (ops[end] as Op).kind !== " ") end++;
      let next = end;
      while (next < ops.length && (ops[next] as Op).kind === " ") next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const slice = ops.slice(start, end);
    const oldCount = slice.filter((o) => o.kind !== "+").length;
    const newCount = slice.filter((o) => o.kind !== "-").length;
    const os = oldCount === 0 ? (oldLine[start] as number) - 1 : (oldLine[start] as number);
    const ns = newCount === 0 ? (newLine[start] as number) - 1 : (newLine[start] as number);
    out.push(`@@ -${os},${oldCount} +${ns},${newCount} @@`);
    for (const o of slice) out.push(`${o.kind}${o.line}`);
    i = end;
  }
  return `${out.join("\n")}\n`;
}
