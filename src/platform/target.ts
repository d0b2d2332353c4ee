/** The browser this build is for, fixed at compile time by `vite --mode` (never user-agent sniffing). */
declare const __TARGET__: "chrome" | "firefox";

export type BuildTarget = "chrome" | "firefox";
export const TARGET: BuildTarget = __TARGET__;
