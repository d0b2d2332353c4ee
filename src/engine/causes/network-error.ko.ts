/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./network-error";

export const KO: Translation<typeof EN> = {
  title: "응답 없음 (네트워크 오류)",
  message:
    '{host}(으)로 보낸 {stage, select, preflight {사전 요청} other {요청}}이 응답을 받지 못했습니다({hasError, select, yes {{error}} other {네트워크 오류}}). CORS 검사 전에 연결이 실패한 것입니다. Firefox는 이를 "CORS request did not succeed"로 보고하지만, 잘못된 헤더는 없습니다.',
  client: "서버가 응답하는지부터 확인",
  ruleTitle: "응답 없음 (네트워크 오류)",
  ruleDescription:
    '요청이 CORS 검사 전에 아무 응답도 받지 못했습니다(연결 거부, DNS, TLS, 재설정). Firefox는 이를 "CORS request did not succeed"로 보고하지만 헤더 문제가 아닙니다. 서버가 응답하는지 확인하세요.',
};
