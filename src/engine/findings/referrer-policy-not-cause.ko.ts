/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./referrer-policy-not-cause";

export const KO: Translation<typeof EN> = {
  title: "Referrer-Policy는 원인이 아님",
  message:
    "Referrer-Policy는 `Referer` 헤더만 바꿉니다. CORS 요청의 `Origin`이나 CORS 검사는 절대 바꾸지 않으므로, 이것을 바꿔도 이 차단은 풀리지 않습니다.",
  ruleTitle: "Referrer-Policy는 원인이 아님",
  ruleDescription:
    "`Referrer-Policy`는 `Referer` 헤더에 무엇을 담을지만 정하며 CORS 요청을 차단하지 않습니다.",
};
