/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./redirect-contains-credentials";

export const KO: Translation<typeof EN> = {
  title: "user:password가 포함된 URL로 리디렉션",
  message:
    "요청이 사용자 이름과 비밀번호가 들어 있는 `{location}`(으)로 리디렉션되었습니다. 브라우저는 CORS 요청에서 이런 리디렉션을 거부합니다.",
  client: "리디렉션에서 자격 증명 제거",
  clientHow: "user:password@가 없는 Location으로 리디렉션하고, 자격 증명은 헤더로 보내세요.",
  ruleTitle: "사용자 이름과 비밀번호가 든 URL로 리디렉션",
  ruleDescription:
    "CORS 요청이 `user:password@`가 든 URL로 리디렉션되었습니다. 브라우저는 이런 리디렉션을 거부합니다. 자격 증명 없는 URL로 리디렉션하고 자격 증명은 헤더로 보내세요.",
};
