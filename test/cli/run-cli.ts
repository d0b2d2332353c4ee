import { type Env, run } from "../../src/cli/main";

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
