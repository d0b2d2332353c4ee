/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./not-cors";

export const KO: Translation<typeof EN> = {
  title: "차단되었지만 CORS 때문은 아님",
  message:
    "{host}(으)로 보낸 요청이 `{error}`(으)로 실패했습니다. {why, select, client {확장 프로그램(광고·콘텐츠 차단기)이 요청을 취소했습니다} orb {Opaque Response Blocking이 데이터처럼 보이는 no-cors 응답을 거부했습니다} csp {페이지의 Content-Security-Policy(connect-src)가 금지합니다} corp {Cross-Origin-Resource-Policy 또는 embedder 정책이 금지합니다} tracking {추적 방지 기능이 차단했습니다} other {브라우저 정책이 차단했습니다}}. CORS 헤더로는 바뀌지 않습니다.",
  ruleTitle: "차단되었지만 CORS 때문은 아님",
  ruleDescription:
    "요청이 CORS가 아닌 다른 것(확장 프로그램, ORB, CSP, CORP, 관리자 정책)에 차단되었습니다. CORS 헤더로는 바뀌지 않습니다.",
};
