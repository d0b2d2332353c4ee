import { visibleText } from "../../../report/safe-text";

/** Message text with `code` and **strong** spans, built as text nodes only: never parsed as HTML;
 * controls and bidi overrides in the values it quotes made visible. */
export function RichText({ text }: { text: string }) {
  const parts = visibleText(text).split("`");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i}>{part}</code>
        ) : (
          part
            .split("**")
            .map((piece, j) => (j % 2 === 1 ? <strong key={`${i}-${j}`}>{piece}</strong> : piece))
        ),
      )}
    </>
  );
}
