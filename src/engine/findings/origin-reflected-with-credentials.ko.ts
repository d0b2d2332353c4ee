/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./origin-reflected-with-credentials";

export const KO: Translation<typeof EN> = {
  title: "서버가 어떤 출처든 자격 증명과 함께 되돌려 줌",
  message:
    "{server}은(는) {origins} 각각에 그 출처 자신과 `Access-Control-Allow-Credentials: true`로 응답했습니다. 받은 Origin을 모두 되돌려 준다면, 어떤 웹사이트든 사용자의 쿠키로 사용자의 데이터를 읽을 수 있습니다. Origin을 되돌려 주기 전에 허용 목록과 비교하세요.",
  and: ", ",
  ruleTitle: "서버가 어떤 출처든 자격 증명과 함께 되돌려 줌",
  ruleDescription:
    "서버가 요청의 출처를 `Access-Control-Allow-Origin`에 그대로 담고 `Access-Control-Allow-Credentials: true`를 보냅니다. 그러면 어느 사이트든 로그인한 사용자로 API를 읽을 수 있습니다. 허용 목록과 비교하세요.",
};
