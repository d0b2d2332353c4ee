/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./wildcard-origin-with-credentials";
import { SUBJECT_KO as SUBJECT } from "./words";

export const KO: Translation<typeof EN> = {
  title: "자격 증명과 함께 쓴 와일드카드 출처",
  message: `${SUBJECT}에 \`Access-Control-Allow-Origin: *\`가 왔지만, 이 요청은 자격 증명(credentials)과 함께 전송되었습니다({basis}). 자격 증명이 있으면 브라우저는 정확한 출처(\`{origin}\`)와 \`Access-Control-Allow-Credentials: true\`를 요구합니다.`,
  client: "또는 이 요청에 쿠키가 필요 없다면",
  ruleTitle: "자격 증명이 있는 요청에 와일드카드 출처",
  ruleDescription:
    "자격 증명(쿠키, HTTP 인증)과 함께 보낸 요청에 서버가 `Access-Control-Allow-Origin: *`로 응답했습니다. 자격 증명이 있으면 브라우저는 정확한 출처와 `Access-Control-Allow-Credentials: true`를 요구합니다.",
};
