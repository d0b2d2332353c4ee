/** PHP: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./php";

export const KO: Translation<typeof EN> = {
  where:
    "모든 요청이 거치는 스크립트(index.php, 프런트 컨트롤러)의 맨 위, <?php 바로 다음, 어떤 출력이나 인증보다 앞에 둡니다. 이미 이 헤더를 보내는 앱은 위의 변경을 대신 적용합니다.",
  place: "<?php 바로 다음, 어떤 출력이나 인증 검사보다 앞에 둡니다.",
  setup: "`header('Access-Control-…')` 줄",
};
