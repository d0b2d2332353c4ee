/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./allow-credentials-not-true";
import { SUBJECT_KO as SUBJECT } from "./words";

export const KO: Translation<typeof EN> = {
  title: "Access-Control-Allow-Credentials가 true가 아님",
  message: `${SUBJECT}은 \`{origin}\`을(를) 허용했지만, 이 요청은 자격 증명(credentials)과 함께 전송되었고({basis}) \`Access-Control-Allow-Credentials\`가 {missing, select, yes {없습니다} other {\`{value}\`입니다}}. 이 값은 정확히 \`true\`여야 합니다.`,
  ruleTitle: "Access-Control-Allow-Credentials가 true가 아님",
  ruleDescription:
    "요청은 자격 증명과 함께 보내졌고 서버가 출처를 허용했지만 `Access-Control-Allow-Credentials`가 없거나 정확히 `true`가 아닙니다.",
};
