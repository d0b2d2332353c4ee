/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./no-cors-redirect-mode";

export const KO: Translation<typeof EN> = {
  title: "no-cors에는 redirect: follow가 필요함",
  message:
    '`no-cors` 모드 요청은 `redirect: "follow"`를 써야 합니다. 브라우저가 아무것도 보내기 전에 거부했습니다.',
  client: "리디렉션 따라가기",
  ruleTitle: "redirect: follow 없이 보낸 no-cors 요청",
  ruleDescription:
    '`no-cors` 모드 요청은 `redirect: "follow"`를 써야 합니다. 다른 리디렉션 모드는 보내기 전에 거부됩니다.',
};
