/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./preflight-redirected";
import { PREFLIGHT_KO as PREFLIGHT } from "./words";

export const KO: Translation<typeof EN> = {
  title: "사전 요청이 리디렉션됨",
  message: `${PREFLIGHT}에 대한 응답이 {status} 리디렉션이었습니다{hasLocation, select, yes {(대상: \`{location}\`)} other {}}. 브라우저는 사전 요청의 리디렉션을 절대 따라가지 않습니다.{slash, select, yes { 보통 끝 슬래시 리디렉션(Django APPEND_SLASH, 프레임워크의 strict routing)입니다. 최종 URL을 호출하세요.} other { 최종 URL을 직접 호출하세요.}}`,
  client: "또는 최종 URL을 직접 호출",
  ruleTitle: "사전 요청이 리디렉션됨",
  ruleDescription:
    "사전 요청이 리디렉션으로 응답되었습니다. 브라우저는 사전 요청의 리디렉션을 따르지 않습니다. 최종 URL을 직접 호출하세요(흔히 끝 슬래시 리디렉션).",
};
