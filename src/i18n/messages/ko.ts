/** 한국어 카탈로그: 키와 자리표시자는 영어와 같다(test/i18n에서 검사). */
import type { en } from "./en";
import { koCli } from "./ko-cli";
import { koConfig } from "./ko-config";
import { koConfigApache } from "./ko-config-apache";
import { koConfigCaddy } from "./ko-config-caddy";
import { koConfigExpress } from "./ko-config-express";
import { koConfigPython } from "./ko-config-python";
import { koConfigRack } from "./ko-config-rack";
import { koConfigS3 } from "./ko-config-s3";
import { koEngine } from "./ko-engine";
import { koFixes } from "./ko-fixes";
import { koRules } from "./ko-rules";
import { koUi } from "./ko-ui";

export const ko: Record<keyof typeof en, string> = {
  ...koUi,
  ...koEngine,
  ...koFixes,
  ...koCli,
  ...koConfig,
  ...koConfigCaddy,
  ...koConfigApache,
  ...koConfigExpress,
  ...koConfigS3,
  ...koConfigPython,
  ...koConfigRack,
  ...koRules,
};
