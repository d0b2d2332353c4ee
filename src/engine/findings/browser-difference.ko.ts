/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./browser-difference";

export const KO: Translation<typeof EN> = {
  verdictTitle: "{there}에서는 판정이 다름",
  verdictMessage:
    "{here}은(는) 이 요청을 {blocks, select, yes {차단하지만} other {허용하지만}}, {there}은(는) {otherBlocks, select, yes {차단합니다({otherTitle})} other {허용합니다}}.",
  orderTitle: "{there}은(는) 다른 실패를 먼저 보고함",
  orderMessage:
    '{here}은(는) "{title}"({name})에서 멈추지만, {there}은(는) 검사 순서가 달라 "{otherTitle}"({otherName})을(를) 먼저 보고합니다. 둘 다 고쳐야 합니다.',
  wordsTitle: "Firefox는 다르게 표현함",
  wordsOrigin:
    "Chromium은 {chromium}(으)로 보고하고, Firefox는 같은 차단을 \"CORS header 'Access-Control-Allow-Origin' does not match\"({firefox})로 보고합니다.",
  wordsRedirect:
    "Chromium은 {chromium}(으)로 보고하고, Firefox는 리디렉션의 Access-Control-Allow-Origin을 먼저 검사해 리디렉션 상태와 함께 {firefox}(으)로 보고합니다.",
  ruleTitle: "다른 브라우저는 다르게 판정하거나 다르게 부름",
  ruleDescription:
    "Chromium과 Firefox는 일부 CORS 규칙을 다른 순서로 검사하거나 다른 이름으로 부릅니다. 다른 브라우저에서는 이 요청의 판정이나 첫 실패가 다릅니다.",
};
