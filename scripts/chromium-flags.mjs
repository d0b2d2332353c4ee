// Flags for Debian's Chromium, verified on this kind of machine (Debian 12, Chromium 156): root needs
// --no-sandbox, the closed network needs background networking off, and the Debian wrapper's
// /dev/shm probe fails, so --disable-dev-shm-usage is passed here. Shared by tests, demo and bench.
export const CHROMIUM_BIN = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export const HEADLESS = "--headless=new";
