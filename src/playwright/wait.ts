/** Resolves when `ready()` holds, checked on every change, or at `deadline` (epoch ms); says which. */
export function until(
  recorders: ReadonlyArray<{ onChange(listener: () => void): () => void }>,
  ready: () => boolean,
  deadline: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    let finished = false;
    const removals: Array<() => void> = [];
    const check = () => {
      if (finished) return;
      if (ready()) finish(true);
      else if (Date.now() >= deadline) finish(false);
    };
    // The timer is the deadline: Node may run it up to a millisecond before `Date.now()` reaches
    // it (libuv's loop time is truncated to whole ms, https://github.com/nodejs/node/issues/26578),
    // and a `check` that then found neither would wait for an event that may never come (a routed
    // response's wire headers never arrive): the test hung to Playwright's timeout, 1 run in ~30.
    const timer = setTimeout(
      () => {
        if (!finished) finish(ready());
      },
      Math.max(0, deadline - Date.now()),
    );
    const finish = (ok: boolean) => {
      finished = true;
      clearTimeout(timer);
      for (const remove of removals) remove();
      resolve(ok);
    };
    for (const r of recorders) removals.push(r.onChange(check));
    check();
  });
}
