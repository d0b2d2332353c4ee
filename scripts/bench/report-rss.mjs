// Loaded with `node --import`: prints the process's peak resident set size on exit.
import { writeSync } from "node:fs";

process.on("exit", () => writeSync(2, `\nmaxrss_kb=${process.resourceUsage().maxRSS}\n`));
