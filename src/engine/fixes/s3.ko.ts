/** S3: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./s3";

export const KO: Translation<typeof EN> = {
  where: "버킷의 CORS 구성(콘솔 → 권한 → CORS, 또는 `aws s3api put-bucket-cors`)에서 기존 규칙을 대체합니다.",
  setup: "버킷의 CORS 규칙",
};
