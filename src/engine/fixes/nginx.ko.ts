/** nginx: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./nginx";

export const KO: Translation<typeof EN> = {
  where:
    "API를 제공하는 모든 `location`의 맨 위에 둡니다(자체 add_header가 있는 location에는 상위의 add_header가 상속되지 않으므로 각각에). 기존 `add_header Access-Control-*` 줄과 OPTIONS용 `if` 블록을 대체하고, proxy_pass / root / return은 그대로 둡니다.",
  place:
    "API의 모든 location 블록 맨 위에, 기존 add_header Access-Control-* 줄을 대체해서.\n`always`: 4xx/5xx에도 붙입니다. `if` 안의 add_header는 상속된 헤더를 대체하므로 반복해서 씁니다.\nproxy_hide_header: 업스트림 앱이 보내는 CORS 헤더가 두 번 도착하는 것을 막습니다(proxy_pass가 없으면 무시됨).",
  setup: "`add_header Access-Control-…` 줄",
};
