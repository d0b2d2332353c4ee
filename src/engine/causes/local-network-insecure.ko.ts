/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./local-network-insecure";

export const KO: Translation<typeof EN> = {
  title: "보안 컨텍스트가 아닌 페이지의 로컬 네트워크 접근",
  message:
    "{known, select, yes {{pageOrigin} 페이지} other {이 출처의 페이지}}는 보안 컨텍스트가 아닌데 더 사적인 주소인 {host}에 요청했습니다. Chrome의 Local Network Access가 이를 차단합니다. 응답 헤더로는 고칠 수 없으니 페이지를 HTTPS로 제공하세요.",
  client: "보안 컨텍스트에서 페이지 제공",
  clientHow:
    "Local Network Access가 권한을 물을 수 있도록 페이지를 https://로(또는 http://localhost에서) 제공하세요.",
  ruleTitle: "보안 컨텍스트가 아닌 페이지의 로컬 네트워크 접근",
  ruleDescription:
    "보안 컨텍스트가 아닌 페이지가 더 사적인 주소(로컬 네트워크, 루프백)에 요청했습니다. Chrome의 Local Network Access가 이를 차단합니다. 응답 헤더로는 고칠 수 없으니 페이지를 HTTPS로 제공하세요.",
};
