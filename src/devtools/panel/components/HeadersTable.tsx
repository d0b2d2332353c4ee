import type { HeaderList } from "../../../engine";
import { visibleText } from "../../../report/safe-text";
import { HeaderValue } from "./HeaderValue";

const RELEVANT =
  /^(origin|access-control-|vary$|location$|cookie$|authorization$|referer$|sec-fetch-mode$|content-type$)/i;

export function HeadersTable({ title, headers }: { title: string; headers: HeaderList }) {
  if (headers.length === 0) return null;
  return (
    <table class="headers" aria-label={title}>
      <caption>{title}</caption>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${name}-${i}`} class={RELEVANT.test(name) ? "relevant" : ""}>
            <th scope="row">{visibleText(name)}</th>
            <td>
              <HeaderValue value={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
