import { type Env, run, runCli as runAll } from "../../src/cli/main";

/** `cors-lens …` in process, with the environment given (none: English, no LANG), no colours. */
export function runCli(env: Env, ...argv: string[]) {
  let out = "";
  let err = "";
  const code = run(
    argv,
    (s) => (out += s),
    (s) => (err += s),
    false,
    env,
  );
  return { code, out, err };
}

/** Any command (`check`, `fix`, `probe` too), in process, English, no colours. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runAll(
    argv,
    (s) => (out += s),
    (s) => (err += s),
    false,
    {},
  );
  return { code, out, err };
}
