import { visibleText } from "../../../report/safe-text";
import { breakPoints } from "../url-parts";

/** A URL or list that wraps only after `/ ? & , ; =`: origins and tokens stay whole. */
export function Breakable({ text }: { text: string }) {
  return (
    <>
      {breakPoints(visibleText(text)).map((part, i) => (
        <span key={i}>
          {part}
          <wbr />
        </span>
      ))}
    </>
  );
}
