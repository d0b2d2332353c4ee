/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./origin-null";

export const KO: Translation<typeof EN> = {
  title: "Origin: null",
  message:
    "{tainted, select, yes {다른 출처로의 리디렉션 때문에 요청의 출처가 불투명해져} other {페이지의 출처가 불투명해서(file: 페이지, 샌드박스 iframe, data: 문서)}} 요청이 `Origin: null`로 전송되었습니다. 통과할 수 있는 것은 `Access-Control-Allow-Origin: *`(자격 증명 없이) 또는 `null`뿐입니다. `null`을 허용하면 어떤 샌드박스 페이지든 들어올 수 있으니, 리디렉션을 없애거나 실제 출처에서 페이지를 제공하는 편이 낫습니다.",
  ruleTitle: "Origin: null로 보낸 요청",
  ruleDescription:
    "요청의 출처가 불투명해(샌드박스 프레임, file: 페이지, data: URL, 교차 출처 리디렉션) `Origin: null`로 보내졌습니다. `null`을 허용하면 그런 페이지 모두를 허용하게 됩니다.",
};
