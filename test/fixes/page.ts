/**
 * The page every stack serves: one single-page app's calls to its API, from another origin. Each
 * broken config breaks one of them (the target); the others are the siblings a fix must keep.
 */
export type RequestName =
  | "list"
  | "create"
  | "update"
  | "remove"
  | "me"
  | "fail"
  | "bad-body"
  | "moved"
  | `beyond-${string}`;

export interface PageRequest {
  name: RequestName;
  method: string;
  path: string;
  headers: Record<string, string>;
  credentials: "omit" | "include";
  body: string | null;
  /**
   * Response headers the page's script reads (tus-js-client reads the creation's `Location`): one the
   * browser hides (not exposed) fails the call as a blocked one does, as it fails the user's upload.
   */
  reads?: readonly string[];
}

const json = { "content-type": "application/json" };

export const PAGE_REQUESTS: readonly PageRequest[] = [
  { name: "list", method: "GET", path: "/api/items", headers: {}, credentials: "omit", body: null },
  {
    name: "create",
    method: "POST",
    path: "/api/items",
    headers: json,
    credentials: "omit",
    body: '{"name":"a"}',
  },
  {
    name: "update",
    method: "PUT",
    path: "/api/items/1",
    headers: { ...json, "x-api-key": "k1" },
    credentials: "omit",
    body: '{"name":"b"}',
  },
  { name: "remove", method: "DELETE", path: "/api/items/1", headers: {}, credentials: "omit", body: null },
  { name: "me", method: "GET", path: "/api/me", headers: {}, credentials: "include", body: null },
  { name: "fail", method: "GET", path: "/api/fail", headers: {}, credentials: "omit", body: null },
];

/** A request with a malformed JSON body: the body parser's 400 is the error path. */
export const BAD_BODY: PageRequest = {
  name: "bad-body",
  method: "POST",
  path: "/api/items",
  headers: json,
  credentials: "omit",
  body: "{bad json",
};

/** A call to a URL the server redirects (a trailing-slash rule, an old prefix): its preflight is redirected. */
export function movedRequest(path: string): PageRequest {
  return { name: "moved", method: "PATCH", path, headers: json, credentials: "omit", body: '{"name":"c"}' };
}

const trace = { "x-trace-id": "t-1" };

/**
 * Requests the page did not make while CORS Lens recorded it, to a second route, with a header
 * and methods of their own: what a starting set-up broader than the page's needs allowed. A fix
 * built from the recording alone must keep every one of them that the broken set-up allowed.
 */
export const BEYOND_REQUESTS: readonly PageRequest[] = [
  { name: "beyond-list", method: "GET", path: "/api/things", headers: {}, credentials: "omit", body: null },
  {
    name: "beyond-form",
    method: "POST",
    path: "/api/things",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    credentials: "omit",
    body: "name=a",
  },
  {
    name: "beyond-traced",
    method: "GET",
    path: "/api/things/7",
    headers: trace,
    credentials: "omit",
    body: null,
  },
  {
    name: "beyond-put",
    method: "PUT",
    path: "/api/things/7",
    headers: { ...json, ...trace },
    credentials: "omit",
    body: '{"name":"b"}',
  },
  {
    name: "beyond-patch",
    method: "PATCH",
    path: "/api/things/7",
    headers: { ...json, ...trace },
    credentials: "omit",
    body: '{"name":"c"}',
  },
  {
    name: "beyond-delete",
    method: "DELETE",
    path: "/api/things/7",
    headers: trace,
    credentials: "omit",
    body: null,
  },
];
