/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./preflight-avoidable";

export const KO: Translation<typeof EN> = {
  title: "이 요청에 사전 요청이 필요했던 이유",
  message:
    '브라우저가 먼저 OPTIONS 사전 요청을 보낸 이유: {triggers}. {count, plural, =1 {이것이} other {이것들이}} 없으면 요청은 "단순 요청"이 되어 바로 전송됩니다. 그렇지 않다면 서버가 사전 요청에 응답해야 합니다(캐시된 사전 요청은 Access-Control-Max-Age 동안 왕복을 줄여 줍니다).',
  method: "메서드 `{method}`(단순 메서드는 GET, HEAD, POST뿐)",
  contentType:
    "`Content-Type: {value}`(단순 요청은 text/plain, multipart/form-data, application/x-www-form-urlencoded뿐)",
  valueTooLong: "`{name}` 값이 128바이트보다 김",
  unsafeBytes: '`{name}` 값에 ( ) : < > ? @ [ ] {braces} " 같은 문자나 제어 문자가 있음',
  range: "`Range: {value}`가 bytes=start-end 형식의 단일 범위가 아님",
  totalTooLong: "단순 헤더 값의 합이 1024바이트를 넘음(`{name}`)",
  notSafelisted: "사용자 정의 헤더 `{name}`",
  separator: "; ",
  ruleTitle: "요청에 사전 요청이 필요했던 이유",
  ruleDescription:
    "메서드나 페이지가 설정한 헤더 때문에 사전 요청이 필요했습니다. 그것들이 없으면 단순 요청이 됩니다.",
};
