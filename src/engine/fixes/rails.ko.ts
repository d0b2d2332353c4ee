/** rack-cors: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./rails";

export const KO: Translation<typeof EN> = {
  where:
    "Rails에서는 config/initializers/cors.rb(기존 allow 블록 대체). 일반 Rack 앱에서는 `use Rack::Cors do … end`로 적어(기존 `use Rack::Cors` 블록 대체) config.ru에서 인증보다 앞, 첫 번째 미들웨어로 둡니다.",
  errors:
    "일반 Rack 앱에서는(Rails는 스스로 예외를 처리함) 예외를 Rack::Cors 안에서 500으로 바꿔야 합니다.\n그러지 않으면 서버가 CORS 헤더 없이 응답합니다. 이 클래스를 정의하고 `use Rack::Cors` 블록 바로 다음에\n`use ErrorsInsideCors`를 두세요.",
  place:
    "insert_before 0으로 인증과 오류 처리 미들웨어보다 앞에 둡니다\n(일반 Rack 앱에서는 config.ru의 첫 줄에 `use Rack::Cors do … end`).",
  setup: "`allow do … end` 블록",
};
