/** The English catalogue: the source every other language's keys and placeholders are checked against. */
import { enCli } from "./en-cli";
import { enConfig } from "./en-config";
import { enConfigApache } from "./en-config-apache";
import { enConfigCaddy } from "./en-config-caddy";
import { enConfigExpress } from "./en-config-express";
import { enConfigPython } from "./en-config-python";
import { enConfigRack } from "./en-config-rack";
import { enConfigS3 } from "./en-config-s3";
import { enEngine } from "./en-engine";
import { enFixes } from "./en-fixes";
import { enRules } from "./en-rules";
import { enUi } from "./en-ui";

export const en = {
  ...enUi,
  ...enEngine,
  ...enFixes,
  ...enCli,
  ...enConfig,
  ...enConfigCaddy,
  ...enConfigApache,
  ...enConfigExpress,
  ...enConfigS3,
  ...enConfigPython,
  ...enConfigRack,
  ...enRules,
} as const;
