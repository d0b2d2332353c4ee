/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./referrer-stripped";

export const KO: Translation<typeof EN> = {
  title: "Referer 없이 전송됨: Referer 또는 CSRF 검사에서 거부되었을 수 있음",
  message:
    "{host}(으)로 보낸 요청에 `Referer` 헤더가 없었고(페이지의 Referrer-Policy가 보내지 않음) 서버는 {status}(으)로 응답했습니다. Referer를 검사하는 서버(HTTPS에서의 Django CSRF 검사, S3의 `aws:Referer` 정책, 핫링크 방지)는 이런 요청을 거부합니다. 대신 `Origin`으로 요청을 허용하거나, `strict-origin-when-cross-origin` 같은 정책을 보내세요.",
  ruleTitle: "Referer 없이 전송됨: Referer 또는 CSRF 검사에서 거부되었을 수 있음",
  ruleDescription:
    "페이지의 리퍼러 정책 때문에 요청이 `Referer` 없이 보내졌고 서버가 거부했습니다. CSRF 방어로 Referer를 검사하는 서버는 이런 요청을 거부합니다.",
};
