/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./opaque-response";

export const KO: Translation<typeof EN> = {
  title: "no-cors: 페이지가 이 응답을 읽을 수 없음",
  message:
    '{host}(으)로 보낸 이 요청은 `mode: "no-cors"`로 만들어졌습니다. 요청은 전송되지만 페이지는 불투명한 응답(상태 0, 헤더 없음, 본문 없음)을 받습니다. `no-cors`를 빼고 서버가 `Access-Control-Allow-Origin: {origin}`를 보내게 하세요.',
  yourOrigin: "<내 출처>",
  ruleTitle: "no-cors: 페이지가 응답을 읽을 수 없음",
  ruleDescription:
    "`no-cors` 모드로 요청해 응답이 불투명합니다. 서버가 무엇을 응답하든 페이지는 본문, 상태, 헤더를 읽을 수 없습니다.",
};
