/**
 * `cors-lens fix --config app.py` end to end: Debian's Flask 2.2 with flask-cors 3.0.10 (the
 * development server) serves each broken app; Chromium runs the page and CORS Lens's extension
 * records it; the built CLI patches the file with `--write`; the patched app starts and every call of
 * the page passes in Chromium. `check` names the planted problem's line where there is one.
 */
import { FLASK_CASES, FLASK_CORRECT, RUN } from "./config-flask-cases";
import { HELD_OUT_FLASK } from "./config-heldout-flask";
import { HELD_OUT2_FLASK } from "./config-heldout2-flask";
import { HELD_OUT3_FLASK } from "./config-heldout3-flask";
import { HELD_OUT4_FLASK } from "./config-heldout4-flask";
import { HELD_OUT5_FLASK } from "./config-heldout5-flask";
import { HELD_OUT6_FLASK } from "./config-heldout6-flask";
import { HELD_OUT7_FLASK } from "./config-heldout7-flask";
import { HELD_OUT8_FLASK } from "./config-heldout8-flask";
import { HELD_OUT9_FLASK } from "./config-heldout9-flask";
import { HELD_OUT10_FLASK } from "./config-heldout10-flask";
import { HELD_OUT11_FLASK } from "./config-heldout11-flask";
import { HELD_OUT12_FLASK } from "./config-heldout12-flask";
import { HELD_OUT13_FLASK } from "./config-heldout13-flask";
import { HELD_OUT14_FLASK } from "./config-heldout14-flask";
import { HELD_OUT15_FLASK } from "./config-heldout15-flask";
import { HELD_OUT16_FLASK } from "./config-heldout16-flask";
import { HELD_OUT17_FLASK } from "./config-heldout17-flask";
import { HELD_OUT18_FLASK } from "./config-heldout18-flask";
import { HELD_OUT19_FLASK } from "./config-heldout19-flask";
import { HELD_OUT20_FLASK } from "./config-heldout20-flask";
import { pythonConfigSuite } from "./config-python-real";
import { debVersion } from "./harness";

pythonConfigSuite({
  title: "cors-lens fix --config on Flask apps, proven in real Chromium",
  installed: debVersion("python3-flask") !== null && debVersion("python3-flask-cors") !== null,
  file: "app.py",
  extra: { "run.py": RUN },
  serve: () => ["run.py"],
  cases: [
    ...FLASK_CASES,
    ...HELD_OUT_FLASK,
    ...HELD_OUT2_FLASK,
    ...HELD_OUT3_FLASK,
    ...HELD_OUT4_FLASK,
    ...HELD_OUT5_FLASK,
    ...HELD_OUT6_FLASK,
    ...HELD_OUT7_FLASK,
    ...HELD_OUT8_FLASK,
    ...HELD_OUT9_FLASK,
    ...HELD_OUT10_FLASK,
    ...HELD_OUT11_FLASK,
    ...HELD_OUT12_FLASK,
    ...HELD_OUT13_FLASK,
    ...HELD_OUT14_FLASK,
    ...HELD_OUT15_FLASK,
    ...HELD_OUT16_FLASK,
    ...HELD_OUT17_FLASK,
    ...HELD_OUT18_FLASK,
    ...HELD_OUT19_FLASK,
    ...HELD_OUT20_FLASK,
  ].map((c) => ({
    ...c,
    text: c.app,
  })),
  correct: FLASK_CORRECT,
});
