/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./preflight-status-not-ok";
import { PREFLIGHT_KO as PREFLIGHT } from "./words";

export const KO: Translation<typeof EN> = {
  title: "{known, select, yes {사전 요청 응답 상태 {status}} other {사전 요청 응답이 2xx가 아님}}",
  message: `${PREFLIGHT}은 출처 검사를 통과했지만 응답 상태가 {status}였습니다. 사전 요청 응답은 2xx(보통 204)여야 합니다.`,
  ruleTitle: "사전 요청이 2xx가 아닌 상태로 응답됨",
  ruleDescription:
    "사전 요청(OPTIONS)이 200–299 밖의 상태로 응답되어(대개 인증 계층, OPTIONS 경로 없음, 서버 오류) 브라우저가 요청을 보내지 않았습니다. 인증보다 먼저 OPTIONS에 204와 CORS 헤더로 응답하세요.",
};
