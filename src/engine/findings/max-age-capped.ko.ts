/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./max-age-capped";

export const KO: Translation<typeof EN> = {
  title: "Access-Control-Max-Age가 상한에 걸림",
  unparseable:
    "`Access-Control-Max-Age: {raw}`는 초 단위 숫자가 아닙니다. {browser}은(는) {browser, select, Chromium {기본값 5초를 씁니다} other {사전 요청을 전혀 캐시하지 않습니다}}.",
  capped:
    "`Access-Control-Max-Age: {raw}`는 {browser}이(가) 허용하는 값보다 큽니다. 사전 요청은 {effective}초 동안만 캐시됩니다({otherBrowser}: 최대 {otherCap}초). {minutes}분마다 사전 요청을 다시 보냅니다.",
  ruleTitle: "Access-Control-Max-Age가 상한에 걸림",
  ruleDescription:
    "브라우저는 사전 요청을 캐시하는 시간에 상한을 둡니다(Chromium 2시간, Firefox 24시간). 그보다 큰 `Access-Control-Max-Age`는 지켜지지 않습니다.",
};
