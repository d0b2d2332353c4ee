/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./multiple-allow-origin";
import { SUBJECT_KO as SUBJECT } from "./words";

export const KO: Translation<typeof EN> = {
  layers:
    "두 계층이 응답했습니다. {app}({basis}) 앞의 {proxy}(`Server` 헤더)가 각자 사본을 붙입니다. {proxy}에서 앱의 사본을 숨기세요(또는 {proxy}의 사본을 없애세요). 먼저 보이는 수정이 그것입니다.",
  title: "Access-Control-Allow-Origin에 값이 여러 개임",
  message: `${SUBJECT}이 \`Access-Control-Allow-Origin: {value}\`을(를) {lines, plural, =0 {} =1 {} other {헤더 줄 #개로 나눠(보통 프록시와 애플리케이션이 둘 다 추가한 경우) }}보냈지만, 이 헤더에는 출처가 정확히 하나(\`{origin}\`)만 있어야 합니다.`,
  ruleTitle: "Access-Control-Allow-Origin에 값이 여러 개임",
  ruleDescription:
    "`Access-Control-Allow-Origin`에는 출처가 정확히 하나만 있어야 합니다. 목록이나 두 번 보낸 헤더(보통 프록시와 애플리케이션이 모두 추가)는 검사에 실패합니다. 한곳에서 한 번만 보내세요.",
};
