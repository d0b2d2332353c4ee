/** Apache: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./apache";

export const KO: Translation<typeof EN> = {
  where:
    "API의 <VirtualHost> 안에 둡니다(.htaccess는 인증 뒤에 실행되므로 안 됨). 기존 `Header … Access-Control-*` 줄을 대체하세요. mod_headers, mod_rewrite, mod_setenvif가 필요합니다.",
  place:
    "API의 VirtualHost 안에(.htaccess는 인증 뒤에 실행되므로 안 됨), 기존 Header … Access-Control-* 줄을\n대체해서. mod_headers, mod_rewrite, mod_setenvif가 필요합니다.\nunset 줄은 애플리케이션(또는 프록시 뒤의 백엔드)이 직접 보내는 사본을 지웁니다.",
  preflight: "인증이나 애플리케이션이 보기 전에 여기서 사전 요청에 응답합니다.",
  setup: "`Header always set Access-Control-…` 줄",
};
