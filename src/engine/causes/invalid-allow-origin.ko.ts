/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./invalid-allow-origin";
import { SUBJECT_KO as SUBJECT } from "./words";

export const KO: Translation<typeof EN> = {
  title: "Access-Control-Allow-Origin 값이 출처가 아님",
  message: `${SUBJECT}은 \`Access-Control-Allow-Origin: {value}\`을(를) 보냈지만, 이는 올바른 출처가 아닙니다. 정확한 출처 \`{origin}\`(스킴, 호스트, 포트만 있고 경로는 없음) 또는 \`*\`여야 합니다.`,
  ruleTitle: "Access-Control-Allow-Origin 값이 출처가 아님",
  ruleDescription:
    "`Access-Control-Allow-Origin` 값이 직렬화된 출처가 아닙니다(스킴 없는 호스트, 경로, 패턴). 정확한 출처(스킴, 호스트, 포트, 경로 없음)나 `*`여야 합니다.",
};
