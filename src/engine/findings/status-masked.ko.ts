/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./status-masked";

export const KO: Translation<typeof EN> = {
  title: "서버가 {status}(으)로 응답함: CORS 오류에 가려짐",
  message:
    "{host}의 {stage, select, preflight {사전 요청 응답} other {응답}} 상태는 {status}였습니다. 브라우저가 CORS 오류를 보고하는 것은 그 오류 응답에 CORS 헤더가 없기 때문일 뿐입니다. {status} 자체를 고치고{stage, select, preflight {(인증이나 라우팅보다 먼저 OPTIONS를 통과시키세요)} other {(이 {method} 요청에 대한 서버 로그를 확인하세요)}}, 페이지가 오류 응답도 읽을 수 있도록 오류 응답에도 `Access-Control-Allow-Origin: {origin}`를 보내세요.",
  ruleTitle: "서버의 오류 상태가 CORS 오류에 가려짐",
  ruleDescription:
    "서버가 CORS 헤더를 붙이지 않는 경로에서 오류 상태로 응답해 페이지에는 CORS 오류만 보입니다. 서버 오류를 고치거나 오류 응답에도 CORS 헤더를 붙이세요.",
};
