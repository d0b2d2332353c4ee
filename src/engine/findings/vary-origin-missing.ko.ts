/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./vary-origin-missing";

export const KO: Translation<typeof EN> = {
  title: "Vary: Origin이 없음",
  message:
    '응답은 특정 출처 `{allowed}`을(를) 허용하지만 `Vary: Origin`이 없습니다. 그러면 브라우저나 CDN 캐시가 이 응답을 다른 출처의 페이지에 주거나, CORS 헤더 없는 캐시 응답을 이 페이지에 줄 수 있습니다. 흔히 "캐시에서만 실패하는" 버그입니다. `Vary: Origin`을 추가하세요.',
  ruleTitle: "Vary: Origin이 없음",
  ruleDescription:
    "서버가 요청의 출처를 `Access-Control-Allow-Origin`에 담아 응답하면서 `Vary: Origin`을 보내지 않아, 공유 캐시가 한 출처의 응답을 다른 출처에 줄 수 있습니다.",
};
