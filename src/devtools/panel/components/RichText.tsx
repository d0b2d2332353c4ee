/** Message text with `code` spans, built as text nodes only: never parsed as HTML. */
export function RichText({ text }: { text: string }) {
  const parts = text.split("`");
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
