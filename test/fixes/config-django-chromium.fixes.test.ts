/**
 * `cors-lens fix --config settings.py` end to end: a real Django (Debian's python3-django 3.2 with
 * python3-django-cors-headers 3.14, `runserver`) serves each broken settings file; Chromium runs the
 * page and CORS Lens's extension records it; the built CLI patches the file with `--write`; the
 * patched project starts and every call of the page passes in Chromium. `check` names the planted
 * problem's line where there is one.
 */
import { AUTH, DJANGO_CASES, DJANGO_CORRECT, RUN, URLS } from "./config-django-cases";
import { DJANGO_MW_CASES, DJANGO_MW_CORRECT } from "./config-django-middleware-cases";
import { HELD_OUT_DJANGO } from "./config-heldout-django";
import { HELD_OUT2_DJANGO } from "./config-heldout2-django";
import { HELD_OUT3_DJANGO } from "./config-heldout3-django";
import { HELD_OUT4_DJANGO } from "./config-heldout4-django";
import { HELD_OUT5_DJANGO } from "./config-heldout5-django";
import { HELD_OUT6_DJANGO } from "./config-heldout6-django";
import { HELD_OUT7_DJANGO } from "./config-heldout7-django";
import { HELD_OUT8_DJANGO } from "./config-heldout8-django";
import { HELD_OUT9_DJANGO } from "./config-heldout9-django";
import { HELD_OUT10_DJANGO } from "./config-heldout10-django";
import { HELD_OUT11_DJANGO } from "./config-heldout11-django";
import { HELD_OUT12_DJANGO } from "./config-heldout12-django";
import { HELD_OUT13_DJANGO } from "./config-heldout13-django";
import { HELD_OUT14_DJANGO } from "./config-heldout14-django";
import { HELD_OUT15_DJANGO } from "./config-heldout15-django";
import { HELD_OUT16_DJANGO } from "./config-heldout16-django";
import { HELD_OUT17_DJANGO } from "./config-heldout17-django";
import { HELD_OUT18_DJANGO } from "./config-heldout18-django";
import { HELD_OUT19_DJANGO } from "./config-heldout19-django";
import { HELD_OUT20_DJANGO } from "./config-heldout20-django";
import { pythonConfigSuite } from "./config-python-real";
import { debVersion } from "./harness";

pythonConfigSuite({
  title: "cors-lens fix --config on Django settings, proven in real Chromium",
  installed: debVersion("python3-django-cors-headers") !== null && debVersion("python3-django") !== null,
  file: "settings.py",
  extra: { "urls.py": URLS, "auth.py": AUTH, "run.py": RUN },
  serve: () => ["run.py"],
  cases: [
    ...DJANGO_CASES,
    ...HELD_OUT_DJANGO,
    ...HELD_OUT2_DJANGO,
    ...DJANGO_MW_CASES,
    ...HELD_OUT3_DJANGO,
    ...HELD_OUT4_DJANGO,
    ...HELD_OUT5_DJANGO,
    ...HELD_OUT6_DJANGO,
    ...HELD_OUT7_DJANGO,
    ...HELD_OUT8_DJANGO,
    ...HELD_OUT9_DJANGO,
    ...HELD_OUT10_DJANGO,
    ...HELD_OUT11_DJANGO,
    ...HELD_OUT12_DJANGO,
    ...HELD_OUT13_DJANGO,
    ...HELD_OUT14_DJANGO,
    ...HELD_OUT15_DJANGO,
    ...HELD_OUT16_DJANGO,
    ...HELD_OUT17_DJANGO,
    ...HELD_OUT18_DJANGO,
    ...HELD_OUT19_DJANGO,
    ...HELD_OUT20_DJANGO,
  ].map((c) => ({
    ...c,
    text: c.settings,
    files:
      ("middleware" in c && c.middleware !== undefined) || ("files" in c && c.files !== undefined)
        ? {
            ...("files" in c ? c.files : {}),
            ...("middleware" in c && c.middleware !== undefined ? { "middleware.py": c.middleware } : {}),
          }
        : undefined,
  })),
  correct: [...DJANGO_CORRECT, ...DJANGO_MW_CORRECT],
});
