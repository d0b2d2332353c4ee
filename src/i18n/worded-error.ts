import { type MessageKey, type Params, type Translate, tEn } from "./index";

/**
 * An error the user reads: its words come from the catalogue, in the language of whoever prints it
 * (`in(t)`); its `message` is the English. A null key carries someone else's words as they are
 * (Node's for a bad option, the system's for a network error).
 */
export class WordedError extends Error {
  constructor(
    readonly key: MessageKey | null,
    readonly params: Params = {},
    raw = "",
  ) {
    super(key ? tEn(key, params) : raw);
  }

  in(t: Translate): string {
    return this.key ? t(this.key, this.params) : this.message;
  }
}
