/** The English catalogue: the source every other language's keys and placeholders are checked against. */
import { enCauses } from "./en-causes";
import { enCli } from "./en-cli";
import { enConfig } from "./en-config";
import { enConfigApache } from "./en-config-apache";
import { enConfigCaddy } from "./en-config-caddy";
import { enConfigPython } from "./en-config-python";
import { enEngine } from "./en-engine";
import { enFindings } from "./en-findings";
import { enFixes } from "./en-fixes";
import { enRules } from "./en-rules";
import { enUi } from "./en-ui";

export const en = {
  ...enUi,
  ...enCauses,
  ...enFindings,
  ...enEngine,
  ...enFixes,
  ...enCli,
  ...enConfig,
  ...enConfigCaddy,
  ...enConfigApache,
  ...enConfigPython,
  ...enRules,
} as const;
