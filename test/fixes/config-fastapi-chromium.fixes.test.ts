/**
 * `cors-lens fix --config app.py` end to end: Debian's FastAPI 0.92 / Starlette 0.26.1 on uvicorn
 * serves each broken app; Chromium runs the page and CORS Lens's extension records it; the built CLI
 * patches the file with `--write`; the patched app starts and every call of the page passes in
 * Chromium. `check` names the planted problem's line where there is one.
 */
import { FASTAPI_CASES, FASTAPI_CORRECT } from "./config-fastapi-cases";
import { HELD_OUT_FASTAPI } from "./config-heldout-fastapi";
import { HELD_OUT2_FASTAPI } from "./config-heldout2-fastapi";
import { HELD_OUT3_FASTAPI } from "./config-heldout3-fastapi";
import { HELD_OUT4_FASTAPI } from "./config-heldout4-fastapi";
import { HELD_OUT5_FASTAPI } from "./config-heldout5-fastapi";
import { HELD_OUT6_FASTAPI } from "./config-heldout6-fastapi";
import { HELD_OUT7_FASTAPI } from "./config-heldout7-fastapi";
import { HELD_OUT8_FASTAPI } from "./config-heldout8-fastapi";
import { HELD_OUT9_FASTAPI } from "./config-heldout9-fastapi";
import { HELD_OUT10_FASTAPI } from "./config-heldout10-fastapi";
import { HELD_OUT11_FASTAPI } from "./config-heldout11-fastapi";
import { HELD_OUT12_FASTAPI } from "./config-heldout12-fastapi";
import { HELD_OUT13_FASTAPI } from "./config-heldout13-fastapi";
import { HELD_OUT14_FASTAPI } from "./config-heldout14-fastapi";
import { HELD_OUT15_FASTAPI } from "./config-heldout15-fastapi";
import { HELD_OUT16_FASTAPI } from "./config-heldout16-fastapi";
import { HELD_OUT17_FASTAPI } from "./config-heldout17-fastapi";
import { HELD_OUT18_FASTAPI } from "./config-heldout18-fastapi";
import { HELD_OUT19_FASTAPI } from "./config-heldout19-fastapi";
import { HELD_OUT20_FASTAPI } from "./config-heldout20-fastapi";
import { pythonConfigSuite } from "./config-python-real";
import { debVersion } from "./harness";

pythonConfigSuite({
  title: "cors-lens fix --config on FastAPI apps, proven in real Chromium",
  installed: debVersion("python3-fastapi") !== null && debVersion("python3-uvicorn") !== null,
  file: "app.py",
  extra: {},
  serve: (port) => ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", String(port)],
  cases: [
    ...FASTAPI_CASES,
    ...HELD_OUT_FASTAPI,
    ...HELD_OUT2_FASTAPI,
    ...HELD_OUT3_FASTAPI,
    ...HELD_OUT4_FASTAPI,
    ...HELD_OUT5_FASTAPI,
    ...HELD_OUT6_FASTAPI,
    ...HELD_OUT7_FASTAPI,
    ...HELD_OUT8_FASTAPI,
    ...HELD_OUT9_FASTAPI,
    ...HELD_OUT10_FASTAPI,
    ...HELD_OUT11_FASTAPI,
    ...HELD_OUT12_FASTAPI,
    ...HELD_OUT13_FASTAPI,
    ...HELD_OUT14_FASTAPI,
    ...HELD_OUT15_FASTAPI,
    ...HELD_OUT16_FASTAPI,
    ...HELD_OUT17_FASTAPI,
    ...HELD_OUT18_FASTAPI,
    ...HELD_OUT19_FASTAPI,
    ...HELD_OUT20_FASTAPI,
  ].map((c) => ({
    ...c,
    text: c.app,
  })),
  correct: FASTAPI_CORRECT,
});
