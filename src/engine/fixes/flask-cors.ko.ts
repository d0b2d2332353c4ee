/** flask-cors: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./flask-cors";

export const KO: Translation<typeof EN> = {
  where:
    "`app = Flask(__name__)` 바로 다음에 둡니다. 리디렉션된 사전 요청이라면 끝 슬래시 리디렉션도 끕니다. 위에 변경이 있다면 기존 CORS(app, …) 호출에서 그 변경을 하세요. 기존 호출 옆에 CORS(app, …)를 하나 더 붙여도 해가 없습니다(flask-cors는 이미 CORS 헤더가 있는 응답을 건드리지 않습니다).",
  place: "app = Flask(__name__) 바로 다음에.",
  "strict-slashes":
    "Werkzeug는 /items/로 선언한 라우트에 대한 /items 요청에 CORS 코드보다 먼저 308 리디렉션으로 응답합니다.",
  "before-auth":
    "모든 before_request 훅보다 먼저 사전 요청에 응답합니다. 인증은 사전 요청을 거부할 것입니다(자격 증명이 없으므로).",
};
