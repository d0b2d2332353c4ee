/** S3 버킷 CORS 파일(JSON, XML)의 `cors-lens check|fix --config`(한국어). 필드 이름은 그대로 둔다. */
import type { enConfigS3 } from "./en-config-s3";

export const koConfigS3: Record<keyof typeof enConfigS3, string> = {
  "config.s3.check.sdk-headers":
    "{field}가 Authorization은 허용하지만 x-amz-* 헤더는 허용하지 않습니다: AWS SDK가 서명한 요청은 x-amz-date와 x-amz-content-sha256을 함께 보내므로 S3가 그 프리플라이트를 거부합니다(403). x-amz-*(또는 *)를 추가하세요",
  "config.s3.check.comment":
    "주석: AWS CLI(--cors-configuration file://…)와 콘솔은 순수 JSON만 받으므로 거부함",
  "config.s3.check.tag":
    "</{close}>가 <{open}>을 닫음: XML 형식이 잘못되어 S3가 구성 전체를 거부하고(MalformedXML) 버킷은 이전 규칙을 그대로 유지함",
  "config.s3.check.no-rules": "CORS 규칙이 없음: S3는 빈 구성을 거부함(MalformedXML)",
  "config.s3.check.too-many": "규칙이 {count}개: S3는 최대 100개까지 받음",
  "config.s3.check.unknown": "S3가 모르는 {name}: 구성 전체가 거부됨",
  "config.s3.check.not-list": '{name}이 목록이 아닌 값 하나임: AWS CLI가 거부함(["…"]로 쓰세요)',
  "config.s3.check.missing": "이 규칙에 {name}이 없음: S3가 구성 전체를 거부함",
  "config.s3.check.method":
    "{value}는 S3가 받는 메서드가 아님(GET, PUT, POST, DELETE, HEAD만, 대문자로): 구성 전체가 거부됨",
  "config.s3.check.wildcards": "{value}에 *가 둘 이상 있음: S3가 구성 전체를 거부함",
  "config.s3.check.max-age": "MaxAgeSeconds {value}가 정수 초가 아님: S3가 거부함",
  "config.s3.check.origin-path":
    "{value}는 절대 일치하지 않음: 브라우저의 Origin에는 경로나 끝의 슬래시가 없음({origin}로 쓰세요)",
  "config.s3.check.origin-scheme":
    "{value}는 절대 일치하지 않음: 브라우저의 Origin은 스킴(https://)으로 시작함",
  "config.s3.check.wildcard-broad": "{value}의 * 뒤에 점이 없음: 다른 사이트의 이름과도 일치함",
  "config.s3.check.no-headers":
    "AllowedHeaders 없이 PUT이나 POST를 허용함: 헤더(폼이 아닌 Content-Type, x-amz-*)를 밝히는 프리플라이트는 403을 받음",
  "config.s3.check.put-content-type":
    "PUT은 허용하지만 {field}가 Content-Type을 받지 않음: 브라우저가 파일을 올릴 때 그 형식(image/jpeg)을 보내므로 프리플라이트가 content-type을 밝히고 S3는 403으로 응답함(Content-Type을 추가하세요)",
  "config.s3.check.etag":
    "PUT은 허용하지만 ETag를 노출하지 않음: 멀티파트 업로드(SDK의 큰 파일 Upload)는 파트마다 ETag를 읽으므로 실패함. 한 번의 PUT에는 필요 없음",
  "config.s3.check.shadowed":
    "{value}는 둘이 함께 허용하는 메서드에서 줄 {line}의 규칙이 먼저 받음: S3는 그 규칙을 씀",
  "config.s3.unknown.refused": "S3가 이 구성을 거부함(줄 {line}): 버킷은 이전 규칙을 그대로 유지함",
  "config.s3.unknown.cloudfront":
    "{host}는 CloudFront임: 버킷에 무엇이 닿는지는 캐시·오리진 요청 정책에 달림",
  "config.s3.unknown.not-s3": "{host}는 S3가 아님: 버킷의 CORS 규칙이 응답하지 않음",
  "config.s3.assumed.object-200": "객체가 200으로 응답한다고 가정함(기록된 응답 없음)",
  "config.s3.fix.rename": "{from}을 S3가 아는 이름 {to}로 바꿈",
  "config.s3.fix.tag": "</{from}>를 그것이 닫는 요소의 이름 </{to}>로 고침(S3는 형식이 잘못된 XML을 거부함)",
  "config.s3.fix.wrap": "AWS CLI가 요구하는 대로 {name}을 목록으로 씀",
  "config.s3.fix.method-star": "*를 S3가 받는 메서드로 바꿈(S3는 *를 거부함)",
  "config.s3.fix.method-case": "S3가 요구하는 대로 {value}를 대문자로 씀",
  "config.s3.fix.method-drop":
    "{value}를 뺌: S3가 이것 때문에 구성 전체를 거부함(프리플라이트는 S3가 직접 응답함)",
  "config.s3.fix.origin-replace":
    "{value}를 {origin}로 바꿈: 브라우저의 Origin에는 경로나 끝의 슬래시가 없어 일치한 적이 없음",
  "config.s3.fix.origins": "줄 {line} 규칙의 {field}에 {names} 추가",
  "config.s3.fix.methods": "줄 {line} 규칙의 {field}에 {names} 추가",
  "config.s3.fix.headers": "줄 {line} 규칙의 {field}에 {names} 추가",
  "config.s3.fix.rule-before":
    "{origins}를 *로 응답하는 줄 {line}의 규칙 앞에 그 출처의 규칙을 둠(자격 증명에는 출처 자체가 필요함). 이전의 메서드와 헤더를 모두 유지함",
  "config.s3.fix.rule-end": "{origins}의 규칙 추가: 허용하는 규칙이 없었음",
  "config.s3.cannot.refused": "S3가 이 구성을 거부함(줄 {line}): 직접 고치세요",
  "config.s3.cannot.tag":
    "줄 {line}의 </{close}>가 <{open}>을 닫음: 어느 요소를 뜻했는지 분명하지 않으니 태그를 직접 고치세요(S3는 형식이 잘못된 XML을 거부함)",
  "config.s3.cannot.method":
    "S3는 {method}를 허용할 수 없음: AllowedMethods는 GET, PUT, POST, DELETE, HEAD만 받음",
  "config.s3.note.one-file": "버킷의 CORS 구성은 하나뿐임: {file}만 읽음",
};
