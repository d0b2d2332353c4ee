/** `cors-lens check|fix --config` on S3 bucket CORS files, JSON or XML (English). Field names stay as written. */
export const enConfigS3 = {
  "config.s3.check.sdk-headers":
    "{field} lets Authorization through but no x-amz-* header: a request the AWS SDK signs sends x-amz-date and x-amz-content-sha256 with it, so S3 refuses its preflight (403) — add x-amz-* (or *)",
  "config.s3.check.comment":
    "a comment: the AWS CLI (--cors-configuration file://…) and the console take plain JSON and refuse it",
  "config.s3.check.tag":
    "</{close}> closes <{open}>: the XML is malformed, so S3 refuses the whole configuration (MalformedXML) and the bucket keeps its old rules",
  "config.s3.check.no-rules": "no CORS rule: S3 refuses an empty configuration (MalformedXML)",
  "config.s3.check.too-many": "{count} rules: S3 takes at most 100",
  "config.s3.check.unknown": "S3 does not know {name}: the whole configuration is refused",
  "config.s3.check.not-list": '{name} is one value, not a list: the AWS CLI refuses it (write ["…"])',
  "config.s3.check.missing": "this rule has no {name}: S3 refuses the whole configuration",
  "config.s3.check.method":
    "{value} is not a method S3 takes (GET, PUT, POST, DELETE, HEAD only, in capitals): the whole configuration is refused",
  "config.s3.check.wildcards": "{value} has more than one *: S3 refuses the whole configuration",
  "config.s3.check.max-age": "MaxAgeSeconds {value} is not a whole number of seconds: S3 refuses it",
  "config.s3.check.origin-path":
    "{value} never matches: a browser's Origin has no path or trailing slash (write {origin})",
  "config.s3.check.origin-scheme":
    "{value} never matches: a browser's Origin starts with its scheme (https://)",
  "config.s3.check.wildcard-broad":
    "the * in {value} is not followed by a dot: it also matches other sites' names",
  "config.s3.check.no-headers":
    "PUT or POST without AllowedHeaders: a preflight that names any header (Content-Type other than a form's, x-amz-*) gets 403",
  "config.s3.check.put-content-type":
    "PUT is allowed but {field} does not take Content-Type: a browser's upload of a file sends its type (image/jpeg), its preflight names content-type and S3 answers 403 (add Content-Type)",
  "config.s3.check.etag":
    "PUT is allowed but ETag is not exposed: multipart uploads (the SDKs' Upload of a large file) read each part's ETag and fail without it; a single PUT does not need it",
  "config.s3.check.shadowed":
    "{value} is taken by the rule on line {line} first for a method they share: S3 uses that rule for it",
  "config.s3.unknown.refused":
    "S3 refuses this configuration (line {line}): the bucket keeps the rules it had before",
  "config.s3.unknown.cloudfront":
    "{host} is CloudFront: what reaches the bucket depends on its cache and origin request policies",
  "config.s3.unknown.not-s3": "{host} is not S3: a bucket's CORS rules do not answer it",
  "config.s3.assumed.object-200": "the object answers 200 (no recorded answer)",
  "config.s3.fix.rename": "{from} renamed {to}, the name S3 knows",
  "config.s3.fix.tag": "</{from}> written </{to}>, the element it closes (S3 refuses malformed XML)",
  "config.s3.fix.wrap": "{name} written as a list, as the AWS CLI requires",
  "config.s3.fix.method-star": "* replaced by the methods S3 takes (it refuses *)",
  "config.s3.fix.method-case": "{value} in capitals, as S3 requires",
  "config.s3.fix.method-drop":
    "{value} removed: S3 refuses the whole configuration for it (S3 answers preflights itself)",
  "config.s3.fix.origin-replace":
    "{value} replaced by {origin}: a browser's Origin has no path or trailing slash, so it never matched",
  "config.s3.fix.origins": "{names} added to {field} of the rule on line {line}",
  "config.s3.fix.methods": "{names} added to {field} of the rule on line {line}",
  "config.s3.fix.headers": "{names} added to {field} of the rule on line {line}",
  "config.s3.fix.rule-before":
    "a rule for {origins} before the rule on line {line}, which answers them with * (credentials need the origin itself); it keeps every method and header they had",
  "config.s3.fix.rule-end": "a rule for {origins}: no rule allowed them",
  "config.s3.cannot.refused": "S3 refuses this configuration (line {line}): correct it by hand",
  "config.s3.cannot.tag":
    "</{close}> on line {line} closes <{open}>: which element was meant is not plain; correct the tag by hand (S3 refuses malformed XML)",
  "config.s3.cannot.method":
    "S3 cannot allow {method}: AllowedMethods takes GET, PUT, POST, DELETE and HEAD only",
  "config.s3.note.one-file": "a bucket has one CORS configuration: only {file} is read",
} as const;
