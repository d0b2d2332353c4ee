/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./response-header-in-request";

export const KO: Translation<typeof EN> = {
  title: "페이지가 응답 헤더를 보냄",
  message:
    "페이지가 {names}을(를) 요청 헤더{count, plural, =1 {로} other { {count}개로}} 보냅니다. 이것들은 응답 헤더이며, 접근을 허용할 수 있는 것은 서버뿐입니다. 페이지가 보내면 아무 효과 없이 사전 요청만 강제하고, 그 사전 요청은 이 헤더들을 허용해야 합니다. 요청에서 빼고 서버에서 설정하세요.",
  ruleTitle: "페이지가 응답 헤더를 보냄",
  ruleDescription:
    "페이지가 요청에 `Access-Control-Allow-*` 헤더를 보냈습니다. 이 헤더는 서버의 응답에 들어가야 하며, 요청에 보내면 사전 요청만 필요해집니다.",
};
