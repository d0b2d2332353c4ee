/** `storage.session`: survives the worker being stopped, not the browser session. */
import { browser } from "./browser";

export interface KeyValueStore {
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const sessionStore: KeyValueStore = {
  getAll: () => browser.storage.session.get(null) as Promise<Record<string, unknown>>,
  set: (items) => browser.storage.session.set(items),
  remove: (keys) => browser.storage.session.remove(keys),
};

/** `storage.local`, for user settings such as the chosen fix stack. */
export const localSettings = {
  get: async <T>(key: string, fallback: T): Promise<T> =>
    ((await browser.storage.local.get(key))[key] as T | undefined) ?? fallback,
  set: (key: string, value: unknown) => browser.storage.local.set({ [key]: value }),
};
