/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./allow-origin-mismatch";
import { SUBJECT_KO as SUBJECT } from "./words";

export const KO: Translation<typeof EN> = {
  title: "허용된 출처가 일치하지 않음",
  message: `${SUBJECT}은 \`{allowed}\`을(를) 허용하지만, 요청은 \`{origin}\`에서 왔습니다. {difference, select, path {허용된 값에 경로나 끝 슬래시가 있는데, 출처에는 경로가 없습니다} case {대소문자만 다르지만 비교는 대소문자를 구분합니다} tainted {교차 출처 리디렉션 때문에 요청의 출처가 불투명해져 \`Origin: null\`로 전송되었습니다} null {\`null\`은 불투명한 출처(샌드박스 프레임, file: 페이지, 오염된 리디렉션)에만 일치합니다} noscheme {허용된 값에 스킴이 없습니다: 출처는 \`scheme://host[:port]\` 형태로 씁니다} scheme {스킴이 다릅니다({allowedScheme} 대 {originScheme})} port {포트가 다릅니다} host {호스트가 다릅니다} other {서로 다른 출처입니다}}. 브라우저는 두 값을 바이트 단위로 비교합니다.`,
  ruleTitle: "허용된 출처가 요청의 출처와 일치하지 않음",
  ruleDescription:
    "서버가 요청이 온 출처와 다른 출처를 허용했습니다. 브라우저는 두 값을 바이트 단위로 비교합니다(스킴, 호스트, 포트, 대소문자, 끝의 슬래시 없음). 허용 목록에 있으면 요청의 출처 그대로 응답하세요.",
};
