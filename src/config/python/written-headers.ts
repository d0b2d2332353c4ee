/**
 * The response headers a Python handler writes, by name as written — what CORS written from nothing
 * must expose for the page's script to read them (a list's `X-Total-Count`, a new upload's
 * `Location`): without `Access-Control-Expose-Headers` only the CORS-safelisted ones are readable
 * (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name).
 *
 * Read in the function's body: the `headers=` dict of the responses it makes (aiohttp's `Response`,
 * `json_response`, `StreamResponse`; Starlette's and FastAPI's `*Response`; Flask's `Response` and
 * `make_response`, whose third positional argument is the headers too), string keys and `**NAME` of a
 * module-level dict; `resp.headers["X"] = …`; `resp.headers.update({…})`, `.add/.set/.setdefault/
 * .append("X", …)`; and Flask's `return body, status, {…}` / `return body, {…}`
 * (https://flask.palletsprojects.com/en/stable/quickstart/#about-responses). A name computed at run
 * time is not seen.
 */
import type { Node } from "web-tree-sitter";
import { evaluate, type PyModule } from "./values";

const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");

const RESPONSE_CALL = /(^|\.)(Response|[A-Z]\w*Response|json_response|StreamResponse|make_response)$/;
const HEADER_METHODS = /\.headers\.(add|set|setdefault|append|add_header)$/;

/** A plain string literal's value. */
function str(n: Node | null | undefined, mod: PyModule): string | null {
  if (n?.type !== "string") return null;
  const v = evaluate(n, new Map(), mod.imports);
  return v.t === "str" && v.prefix === "" ? v.v : null;
}

/** The names, in the order written (repeats kept: ../whatif.ts exposedNames keeps each once). */
export function headerNamesWritten(fn: Node, mod: PyModule): string[] {
  const names: string[] = [];
  const add = (name: string | null) => {
    if (name) names.push(name);
  };
  const fromDict = (n: Node | null | undefined, depth: number): void => {
    let d = n;
    if (d?.type === "identifier") {
      const a = mod.names.get(d.text);
      d = a ? mod.tree.rootNode.descendantForIndex(a.rhs.start, a.rhs.end) : null;
    }
    if (d?.type !== "dictionary" || depth > 4) return;
    for (const p of kids(d))
      if (p.type === "dictionary_splat") fromDict(kids(p)[0], depth + 1);
      else if (p.type === "pair") add(str(p.childForFieldName("key"), mod));
  };
  const body = fn.childForFieldName("body");
  if (!body) return names;
  for (const c of body.descendantsOfType("call")) {
    if (!c) continue;
    const name = c.childForFieldName("function")?.text ?? "";
    const args = kids(c.childForFieldName("arguments") as Node);
    if (RESPONSE_CALL.test(name)) {
      for (const a of args)
        if (a.type === "keyword_argument" && a.childForFieldName("name")?.text === "headers")
          fromDict(a.childForFieldName("value"), 0);
      if (/(^|\.)make_response$/.test(name))
        fromDict(args.filter((a) => a.type !== "keyword_argument")[2], 0);
    } else if (/\.headers\.update$/.test(name)) fromDict(args[0], 0);
    else if (HEADER_METHODS.test(name)) add(str(args[0], mod));
  }
  for (const a of body.descendantsOfType("assignment")) {
    const left = a?.childForFieldName("left");
    if (left?.type === "subscript" && /\.headers$/.test(left.childForFieldName("value")?.text ?? ""))
      add(str(left.childForFieldName("subscript"), mod));
  }
  for (const r of body.descendantsOfType("return_statement")) {
    const value = r ? kids(r)[0] : undefined;
    const items = value?.type === "expression_list" || value?.type === "tuple" ? kids(value) : [];
    if (items.length >= 2) fromDict(items.at(-1), 0);
  }
  return names;
}

/**
 * The functions a module registers as routes with a decorator (`@app.get(…)`, `@router.post(…)`,
 * `@app.api_route(…)`, `@bp.route(…)`), anywhere in it (an application factory's body included), for
 * a framework whose reader keeps no routes of its own (FastAPI/Starlette).
 */
export function decoratedRoutes(mod: PyModule): Node[] {
  const out: Node[] = [];
  for (const d of mod.tree.rootNode.descendantsOfType("decorated_definition")) {
    const def = d?.childForFieldName("definition");
    if (!d || def?.type !== "function_definition") continue;
    const routed = kids(d).some(
      (c) =>
        c.type === "decorator" &&
        /^\s*@\s*[\w.]+\.(route|get|post|put|patch|delete|head|api_route)\s*\(/.test(c.text),
    );
    if (routed) out.push(def);
  }
  return out;
}
