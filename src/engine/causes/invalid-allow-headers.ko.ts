/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./invalid-allow-headers";

export const KO: Translation<typeof EN> = {
  title: "Access-Control-Allow-Headers를 해석할 수 없음",
  message:
    "사전 요청 응답의 `Access-Control-Allow-Headers: {list}`에 헤더 이름이 아닌 `{value}`이(가) 들어 있습니다. 헤더 이름을 쉼표로 구분해 나열하세요.",
  ruleTitle: "Access-Control-Allow-Headers를 해석할 수 없음",
  ruleDescription:
    "사전 요청의 `Access-Control-Allow-Headers`에 헤더 이름이 아닌 항목이 있어 브라우저가 목록 전체를 거부합니다. 헤더 이름을 쉼표로 구분해 나열하세요.",
};
