/** chrome-har ships no types: the one function the Puppeteer HAR test uses. */
declare module "chrome-har" {
  export function harFromMessages(
    messages: ReadonlyArray<{ method: string; params: unknown }>,
    options?: { includeTextFromResponseBody?: boolean },
  ): unknown;
}
