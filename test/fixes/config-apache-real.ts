/**
 * Real Apache httpd for the `cors-lens fix --config` suites: Debian's apache2 run unprivileged in the
 * foreground (-X) on a free port, with a main httpd.conf that loads the modules a CORS set-up uses and
 * `Include`s the user's virtual host file (the file CORS Lens reads and patches).
 */
import { spawnSync } from "node:child_process";
import { debVersion, type Running, startProcess } from "./harness";

const APACHE = "/usr/sbin/apache2";
const MODULES = "/usr/lib/apache2/modules";
const LOAD = [
  "mpm_event",
  "authz_core",
  "headers",
  "rewrite",
  "setenvif",
  "alias",
  "proxy",
  "proxy_http",
  "dir",
  "auth_basic",
  "authn_core",
  "authn_file",
  "authz_user",
];
export const installed = debVersion("apache2");

export function mainConf(dir: string, port: number, site: string): string {
  return `ServerRoot ${dir}
DefaultRuntimeDir ${dir}
${LOAD.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join("\n")}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
LogLevel warn
Listen 127.0.0.1:${port}
ServerName localhost
Include ${site}
`;
}

export function apacheTest(conf: string): { ok: boolean; output: string } {
  const r = spawnSync(APACHE, ["-t", "-f", conf], { encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export function startApache(conf: string, port: number): Promise<Running> {
  return startProcess(APACHE, ["-X", "-f", conf], port);
}
