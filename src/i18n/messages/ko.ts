/** 한국어 카탈로그: 키와 자리표시자는 영어와 같다(test/i18n에서 검사). */
import type { en } from "./en";
import { koCauses } from "./ko-causes";
import { koCli } from "./ko-cli";
import { koConfig } from "./ko-config";
import { koConfigApache } from "./ko-config-apache";
import { koConfigCaddy } from "./ko-config-caddy";
import { koConfigPython } from "./ko-config-python";
import { koEngine } from "./ko-engine";
import { koFindings } from "./ko-findings";
import { koFixes } from "./ko-fixes";
import { koRules } from "./ko-rules";
import { koUi } from "./ko-ui";

export const ko: Record<keyof typeof en, string> = {
  ...koUi,
  ...koCauses,
  ...koFindings,
  ...koEngine,
  ...koFixes,
  ...koCli,
  ...koConfig,
  ...koConfigCaddy,
  ...koConfigApache,
  ...koConfigPython,
  ...koRules,
};
