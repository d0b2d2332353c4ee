/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./method-not-allowed";
import { STAR_IGNORED_KO as STAR_IGNORED } from "./words";

export const KO: Translation<typeof EN> = {
  title: "사전 요청이 {method} 메서드를 허용하지 않음",
  message: `사전 요청 응답이 {missing, select, yes {추가 메서드를 허용하지 않았고(Access-Control-Allow-Methods 없음)} other {\`{allowed}\`을(를) 허용했고}}, 여기에 \`{method}\`이(가) 없습니다.{caseOnly, select, yes { 메서드는 바이트 단위로 비교됩니다. 페이지는 \`{method}\`을(를) 쓴 그대로 보냈습니다(fetch()가 대문자로 바꾸는 메서드는 DELETE, GET, HEAD, OPTIONS, POST, PUT뿐입니다).} other {}}${STAR_IGNORED}`,
  client: "또는 메서드를 대문자로 보내기",
  ruleTitle: "사전 요청이 메서드를 허용하지 않음",
  ruleDescription:
    "요청의 메서드가 사전 요청의 `Access-Control-Allow-Methods`에 없습니다(메서드는 바이트 단위로 비교하며, 자격 증명이 있으면 `*`는 통하지 않음). 서버가 응답하는 목록에 메서드를 추가하세요.",
};
