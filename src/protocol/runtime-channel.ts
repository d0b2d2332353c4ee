/**
 * The pages' end of the runtime messages (the popup, the panel's Export report): one call per
 * request type, the reply's type tied to the request's, the protocol version stamped on the way out,
 * and the reply validated on arrival. Never throws: what went wrong comes back as a `RuntimeProblem`
 * the page shows (`runtimeProblemWords`). Pure: the browser's `runtime.sendMessage` is given.
 */
import type { Translate } from "../i18n";
import {
  isRuntimeRefusal,
  PROTOCOL_VERSION,
  type ReplyTo,
  RUNTIME_REPLY_GUARDS,
  type RuntimeMessages,
  type RuntimeType,
} from "./messages";

/** Why a request got no usable reply. */
export type RuntimeProblem =
  /** The message did not reach the background, or its answer did not come back. */
  | { kind: "unreachable"; detail: string }
  /** The background answered that answering failed. */
  | { kind: "failed"; detail: string }
  /** The background speaks another protocol version (the extension was updated under this page). */
  | { kind: "incompatible"; theirs: number }
  /** The reply is not what a reply to this request looks like. */
  | { kind: "malformed"; detail: string };

export type RuntimeResult<T> = { ok: true; reply: T } | { ok: false; problem: RuntimeProblem };

/** The browser's `runtime.sendMessage`, untyped: the channel types what goes through it. */
export type SendMessage = (message: unknown) => Promise<unknown>;

/** A request without its `type` and `protocol`, which the channel fills in. */
export type RequestFields<K extends RuntimeType> = Omit<RuntimeMessages[K]["request"], "type" | "protocol">;

/** What a reply looks like, briefly, for the malformed-reply message (the reply is untrusted text). */
function shapeOf(reply: unknown): string {
  if (reply === undefined) return "no reply";
  if (reply === null || typeof reply !== "object") return `a ${reply === null ? "null" : typeof reply}`;
  if (Array.isArray(reply)) return "an array";
  const type = (reply as { type?: unknown }).type;
  return typeof type === "string"
    ? `a message of type ${JSON.stringify(type.slice(0, 60))}`
    : "an object without the expected fields";
}

export async function requestRuntime<K extends RuntimeType>(
  send: SendMessage,
  type: K,
  fields: RequestFields<K>,
): Promise<RuntimeResult<ReplyTo<K>>> {
  let reply: unknown;
  try {
    reply = await send({ ...fields, type, protocol: PROTOCOL_VERSION });
  } catch (error) {
    return {
      ok: false,
      problem: { kind: "unreachable", detail: error instanceof Error ? error.message : String(error) },
    };
  }
  if (isRuntimeRefusal(reply))
    return {
      ok: false,
      problem:
        reply.type === "cors-lens/incompatible"
          ? { kind: "incompatible", theirs: reply.protocol }
          : { kind: "failed", detail: reply.message },
    };
  const guard: (reply: unknown) => reply is ReplyTo<K> = RUNTIME_REPLY_GUARDS[type];
  if (!guard(reply))
    return {
      ok: false,
      problem: { kind: "malformed", detail: `${type} was answered with ${shapeOf(reply)}` },
    };
  return { ok: true, reply };
}

/** The problem in the user's language (the background's own words are quoted as they came). */
export function runtimeProblemWords(t: Translate, problem: RuntimeProblem): string {
  switch (problem.kind) {
    case "unreachable":
      return t("runtime.problem.unreachable", { detail: problem.detail });
    case "failed":
      return t("runtime.problem.failed", { detail: problem.detail });
    case "incompatible":
      return t("runtime.problem.incompatible", { theirs: problem.theirs, ours: PROTOCOL_VERSION });
    case "malformed":
      return t("runtime.problem.malformed", { detail: problem.detail });
  }
}
