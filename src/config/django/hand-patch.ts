/**
 * Minimal edits of a hand-written Django CORS middleware (and of MIDDLEWARE when settings.py is
 * passed): a header's list extended where its value is written (the string literal, or the list it
 * joins), an origin added to the allowlist the middleware compares it with, `*` kept for every
 * origin but the page's when the page sends credentials (the page's origin reflected, with
 * Access-Control-Allow-Credentials: true and Vary: Origin), the preflight answered by the middleware
 * instead of the view, the middleware moved to the top of MIDDLEWARE. Never narrower: values are
 * added, never replaced; `*` stays for the origins that had it.
 */
import { combinedHeader } from "../../engine";
import { afterLine, type Edit, EditList, indentAt, lineStart } from "../edit";
import { displayInsert, pyStr } from "../python/edit";
import type { Display, Span } from "../python/values";
import type { Words } from "../types";
import { faultOf, type Judged, type RequestSpec, STRANGER_ORIGIN, Unknowable, unsafeNames } from "../whatif";
import { entryOf, type HandMiddleware, layers, type Resp, respond, type Site, type Stack } from "./hand";

const lower = (s: string) => s.toLowerCase();

/** The request parameter's name in the function that sets the headers. */
function requestName(mw: HandMiddleware): string {
  if (mw.kind === "call") return mw.call?.params[1] ?? "request";
  if (mw.kind === "function") return mw.call?.params[0] ?? "request";
  return mw.processResponse?.params[1] ?? mw.processRequest?.params[1] ?? "request";
}

class HandPatcher extends EditList {
  /** Values to add, by the place their header's value is written. */
  private readonly lists = new Map<string, { site: Site; header: string; value: string; add: Set<string> }>();
  private readonly allow = new Map<string, { display: Display; file: string; add: Set<string> }>();
  readonly cannotAll: Words[] = [];

  constructor(
    private readonly stack: Stack,
    texts: Map<string, string>,
  ) {
    super(texts);
  }

  private mwOf(site: Site): HandMiddleware | null {
    for (const h of this.stack.hands)
      for (const m of h.middlewares) if (m.name === site.middleware && h.file === site.file) return m;
    return null;
  }

  /** The statement alone on its lines (an edit replaces them whole). */
  private alone(file: string, stmt: Span): boolean {
    const text = this.text(file);
    const end = afterLine(text, stmt.end - 1);
    return (
      text.slice(lineStart(text, stmt.start), stmt.start).trim() === "" &&
      /^\s*(#.*)?\r?\n?$/.test(text.slice(stmt.end, end))
    );
  }

  /** The statement is not alone in its block (removing it leaves the block valid Python). */
  private notLast(file: string, stmt: Span): boolean {
    const hand = this.stack.hands.find((h) => h.file === file);
    let node = hand?.mod.tree.rootNode.descendantForIndex(stmt.start, stmt.end) ?? null;
    while (node && node.type !== "expression_statement") node = node.parent;
    const block = node?.parent;
    return (block?.namedChildren.filter((c) => c !== null && c.type !== "comment").length ?? 0) > 1;
  }

  private unit(file: string): string {
    return /^\t/m.test(this.text(file)) ? "\t" : "    ";
  }

  /** An import at the end of the file's imports (or at its top), once. */
  private importName(file: string, module: string, name: string, why: Words): void {
    const hand = this.stack.hands.find((h) => h.file === file);
    if (!hand || hand.mod.imports.get(name)?.module === module) return;
    const text = this.text(file);
    let at = 0;
    for (let l = 0; l < hand.mod.importsEnd; l++) at = afterLine(text, at);
    this.push(`import:${file}:${name}`, {
      file,
      start: at,
      end: at,
      text: `from ${module} import ${name}\n`,
      why,
    });
  }

  /** Adds `values` to a header's list where it is written. */
  extend(site: Site | null, header: string, values: string[], current: string): boolean {
    if (!site) return false;
    const key = `${site.file}:${site.stmt.start}:${lower(header)}`;
    const entry = this.lists.get(key) ?? { site, header, value: current, add: new Set<string>() };
    const have = current.split(",").map((x) => lower(x.trim()));
    for (const v of values) if (!have.includes(lower(v))) entry.add.add(v);
    this.lists.set(key, entry);
    return site.src !== null;
  }

  allowOrigin(display: Display, file: string, origin: string): void {
    const key = `${file}:${display.open.start}`;
    const entry = this.allow.get(key) ?? { display, file, add: new Set<string>() };
    entry.add.add(origin);
    this.allow.set(key, entry);
  }

  /** A header set beside another (same block, same target), where the response has none. */
  addBeside(beside: Site, name: string, value: string, why: Words): boolean {
    if (beside.inLoop || !this.alone(beside.file, beside.stmt)) return false;
    const text = this.text(beside.file);
    const at = afterLine(text, beside.stmt.end - 1);
    const indent = indentAt(text, beside.stmt.start);
    this.push(`beside:${beside.file}:${beside.stmt.start}:${lower(name)}`, {
      file: beside.file,
      start: at,
      end: at,
      text: `${indent}${beside.target}[${pyStr(name)}] = ${pyStr(value)}\n`,
      why,
    });
    return true;
  }

  /** The name of the class's helper method a header is set in, when that method has no request. */
  helperOf(site: Site): string | null {
    const mw = this.mwOf(site);
    if (!mw) return null;
    for (const [name, fn] of mw.methods) {
      if (fn === mw.call || fn === mw.processRequest || fn === mw.processResponse) continue;
      const inside = fn.body.startIndex <= site.stmt.start && site.stmt.end <= fn.body.endIndex;
      if (inside && !fn.params.includes(requestName(mw))) return name;
    }
    return null;
  }

  /**
   * An Allow-Origin written as a literal with a path or a trailing slash (`"https://app.example/"`,
   * often a FRONTEND_URL setting): no Origin has one, so it matched no page; the literal loses it.
   */
  originForm(acao: Site, value: string, origin: string): boolean {
    const src = acao.src;
    if (src?.kind !== "lit" || !/^https?:\/\/[^/\s]+\/\S*$/.test(value.trim())) return false;
    if (new URL(value.trim()).origin !== origin) return false;
    this.push(`form:${src.file}:${src.at.start}`, {
      file: src.file,
      start: src.at.start,
      end: src.at.end,
      text: pyStr(origin, src.quote),
      why: {
        key: "config.django.mw.fix.origin-form",
        params: { value: value.trim(), origin, line: src.at.line },
      },
    });
    return true;
  }

  /** `… = "*"` becomes: the listed origins reflected with credentials, `*` for every other. */
  reflect(acao: Site, acac: Site | null, origins: string[]): boolean {
    const mw = this.mwOf(acao);
    if (!mw || acao.inLoop || acao.src?.kind !== "lit" || !this.alone(acao.file, acao.stmt)) return false;
    const file = acao.file;
    const text = this.text(file);
    const ls = lineStart(text, acao.stmt.start);
    const end = afterLine(text, acao.stmt.end - 1);
    const indent = indentAt(text, acao.stmt.start);
    const u = this.unit(file);
    const req = requestName(mw);
    const resp = acao.target.replace(/\.headers$/, "");
    const why: Words = { key: "config.django.mw.fix.reflect", params: { origins: origins.join(", ") } };
    const original = text.slice(acao.stmt.start, acao.stmt.end);
    const lines = [
      `${indent}if ${req}.headers.get("Origin") in [${origins.map((o) => pyStr(o)).join(", ")}]:`,
      `${indent}${u}${acao.target}["Access-Control-Allow-Origin"] = ${req}.headers["Origin"]`,
      `${indent}${u}${acao.target}["Access-Control-Allow-Credentials"] = "true"`,
      `${indent}else:`,
      `${indent}${u}${original}`,
      `${indent}patch_vary_headers(${resp}, ("Origin",))`,
    ];
    this.push(`reflect:${file}:${acao.stmt.start}`, {
      file,
      start: ls,
      end,
      text: `${lines.join("\n")}\n`,
      why,
    });
    this.importName(file, "django.utils.cache", "patch_vary_headers", why);
    // Credentials only beside a reflected origin: the unconditional `true` goes.
    if (
      acac &&
      acac.file === file &&
      !acac.inLoop &&
      this.alone(file, acac.stmt) &&
      acac.stmt.start !== acao.stmt.start &&
      this.notLast(file, acac.stmt)
    ) {
      const s = lineStart(this.text(file), acac.stmt.start);
      this.push(`acac:${file}:${acac.stmt.start}`, {
        file,
        start: s,
        end: afterLine(text, acac.stmt.end - 1),
        text: "",
        why,
      });
    }
    return true;
  }

  /** `response = self.get_response(request)` becomes: an empty 200 for a preflight, the view otherwise. */
  answerOptions(resp: Resp): boolean {
    const call = resp.viewCall;
    if (!call || !this.alone(call.file, call.stmt)) return false;
    const file = call.file;
    const text = this.text(file);
    const hand = this.stack.hands.find((h) => h.file === file);
    const indent = indentAt(text, call.stmt.start);
    const u = this.unit(file);
    const req = requestName(call.middleware);
    const why: Words = { key: "config.django.mw.fix.options", params: { name: call.middleware.name } };
    const imported = hand?.mod.imports.get("HttpResponse")?.module === "django.http";
    const http = hand?.mod.imports.get("http")?.module === "django";
    const cls = imported ? "HttpResponse" : http ? "http.HttpResponse" : "HttpResponse";
    if (!imported && !http) this.importName(file, "django.http", "HttpResponse", why);
    const ls = lineStart(text, call.stmt.start);
    const end = afterLine(text, call.stmt.end - 1);
    const lines = [
      `${indent}if ${req}.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in ${req}.META:`,
      `${indent}${u}${call.name} = ${cls}()`,
      `${indent}else:`,
      `${indent}${u}${text.slice(call.stmt.start, call.stmt.end)}`,
    ];
    this.push(`options:${file}:${call.stmt.start}`, {
      file,
      start: ls,
      end,
      text: `${lines.join("\n")}\n`,
      why,
    });
    return true;
  }

  /** The hand-written middleware to the top of MIDDLEWARE. */
  moveFirst(): boolean {
    const s = this.stack.settings;
    const list = s?.middleware;
    const a = list?.from;
    const d = a?.value.t === "seq" ? a.value.display : null;
    if (!s || !list?.known || !d) return false;
    const mw = this.stack.hands.flatMap((h) => h.middlewares).find((m) => entryOf(this.stack, m));
    const entry = mw ? entryOf(this.stack, mw) : null;
    if (!mw || !entry) return false;
    const at = list.value.indexOf(entry);
    if (at <= 0) return at === 0;
    const text = this.text(s.file);
    const el = d.elements[at];
    const first = d.elements[0];
    if (!el || !first || first.line === d.open.line || el.line === first.line) return false;
    const why: Words = {
      key: "config.django.mw.fix.move",
      params: { name: entry.name, line: entry.line, above: list.value[0]?.name ?? "" },
    };
    const from = lineStart(text, el.start);
    const to = afterLine(text, el.end);
    if (text.slice(from, el.start).trim() !== "" || !/^\s*,?\s*(#.*)?\r?\n?$/.test(text.slice(el.end, to)))
      return false;
    const line = text.slice(from, to);
    const top = lineStart(text, first.start);
    this.push("mw:add", {
      file: s.file,
      start: top,
      end: top,
      text: /,/.test(line) ? line : line.replace(el.text, `${el.text},`),
      why,
    });
    this.push("mw:remove", { file: s.file, start: from, end: to, text: "", why });
    return true;
  }

  /** The collected list additions as edits. */
  finish(): Edit[] {
    for (const { site, header, value, add } of this.lists.values()) {
      if (add.size === 0) continue;
      const values = [...add];
      const why: Words = {
        key: "config.django.mw.fix.list",
        params: { header, values: values.join(", "), line: site.line },
      };
      const src = site.src;
      if (src?.kind === "lit" && src.quote !== "") {
        const close = src.at.end - src.quote.length;
        const sep = value.includes(", ") || !value.includes(",") ? ", " : ",";
        const joined = `${value.trim() === "" ? "" : sep}${values.join(sep)}`;
        this.push(`list:${src.file}:${close}`, {
          file: src.file,
          start: close,
          end: close,
          text: pyStr(joined, src.quote).slice(1, -1),
          why,
        });
      } else if (src?.kind === "join") {
        for (const e of displayInsert(this.text(src.file), src.display, values))
          this.push(`join:${src.file}:${e.at}:${e.part}`, {
            file: src.file,
            start: e.at,
            end: e.at,
            text: e.text,
            why,
          });
      }
    }
    for (const { display, file, add } of this.allow.values()) {
      const values = [...add];
      const why: Words = {
        key: "config.django.mw.fix.origins",
        params: { values: values.join(", "), line: display.open.line },
      };
      for (const e of displayInsert(this.text(file), display, values))
        this.push(`allow:${file}:${e.at}:${e.part}`, { file, start: e.at, end: e.at, text: e.text, why });
    }
    return this.edits;
  }
}

const site = (r: Resp, name: string) => r.headers.find((h) => lower(h.name) === name) ?? null;

/** One round of edits for the failing requests (each request's first failing check). */
export function patchHand(
  stack: Stack,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const texts = new Map<string, string>();
  for (const h of stack.hands) texts.set(h.file, h.mod.text);
  if (stack.settings) texts.set(stack.settings.file, stack.settings.mod.text);
  const p = new HandPatcher(stack, texts);
  const stuck = (id: string, why: Words) => p.cannot.set(id, why);
  const credentialed = new Map<
    string,
    { acao: Site; acac: Site | null; origins: Set<string>; ids: string[] }
  >();
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    try {
      if (unknownKey === "config.django.unknown.middleware") {
        if (!p.moveFirst()) stuck(spec.id, { key: "config.django.mw.cannot.move" });
        continue;
      }
      if (unknownKey === "config.django.mw.unknown.view-options") {
        const { resp } = respond(stack, {
          method: "OPTIONS",
          url: spec.url,
          headers: [
            ["Origin", spec.origin],
            ["Access-Control-Request-Method", spec.method],
          ],
        });
        if (!p.answerOptions(resp)) stuck(spec.id, { key: "config.django.mw.cannot.options" });
        continue;
      }
      const fault = faultOf(spec, judged);
      if (!fault) continue;
      if (!("hop" in fault)) {
        stuck(spec.id, fault);
        continue;
      }
      const { cause, request } = fault;
      const { resp, trace } = respond(stack, request);
      const acao = site(resp, "access-control-allow-origin");
      // No hand-written middleware ran (a middleware above it answered): it goes to the top.
      if (trace.ran.length === 0 && !trace.corsheadersAnswered) {
        if (layers(stack).some((l) => l.hand)) {
          if (!p.moveFirst()) stuck(spec.id, { key: "config.django.mw.cannot.move" });
        } else stuck(spec.id, { key: "config.django.mw.cannot.not-listed" });
        continue;
      }
      const cannotValue = (h: string, s: Site | null) =>
        stuck(spec.id, { key: "config.django.mw.cannot.value", params: { header: h, line: s?.line ?? 0 } });
      switch (cause.code) {
        case "preflight-status-not-ok": {
          if (resp.fromView && p.answerOptions(resp)) break;
          stuck(spec.id, { key: "config.django.mw.cannot.options" });
          break;
        }
        case "missing-allow-origin": {
          const miss = trace.misses.find((m) => m.value === spec.origin);
          if (miss && !acao) p.allowOrigin(miss.display, miss.file, spec.origin);
          else stuck(spec.id, { key: "config.django.mw.cannot.origin", params: { origin: spec.origin } });
          break;
        }
        case "allow-origin-mismatch": {
          if (!acao?.site || !p.originForm(acao.site, acao.value, spec.origin))
            stuck(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
          break;
        }
        case "wildcard-origin-with-credentials": {
          if (!acao?.site || acao.value.trim() !== "*") {
            cannotValue("Access-Control-Allow-Origin", acao?.site ?? null);
            break;
          }
          const key = `${acao.site.file}:${acao.site.stmt.start}`;
          const entry = credentialed.get(key) ?? {
            acao: acao.site,
            acac: site(resp, "access-control-allow-credentials")?.site ?? null,
            origins: new Set<string>(),
            ids: [],
          };
          entry.origins.add(spec.origin);
          entry.ids.push(spec.id);
          credentialed.set(key, entry);
          break;
        }
        case "allow-credentials-not-true": {
          // Only beside an origin compared with a list: a stranger must not get it back.
          const stranger = respond(stack, {
            ...request,
            headers: [...request.headers.filter(([n]) => lower(n) !== "origin"), ["Origin", STRANGER_ORIGIN]],
          });
          const reflectsAny =
            combinedHeader(
              stranger.resp.headers.map((h) => [h.name, h.value]),
              "access-control-allow-origin",
            ) === STRANGER_ORIGIN;
          if (acao?.site && acao.value === spec.origin && !reflectsAny) {
            if (
              !p.addBeside(acao.site, "Access-Control-Allow-Credentials", "true", {
                key: "config.django.mw.fix.credentials",
                params: { line: acao.site.line },
              })
            )
              cannotValue("Access-Control-Allow-Credentials", acao.site);
          } else
            stuck(spec.id, {
              key: "config.django.mw.cannot.reflect-any",
              params: { line: acao?.site?.line ?? 0 },
            });
          break;
        }
        case "method-not-allowed":
        case "header-not-allowed": {
          const name =
            cause.code === "method-not-allowed"
              ? "Access-Control-Allow-Methods"
              : "Access-Control-Allow-Headers";
          const values =
            cause.code === "method-not-allowed"
              ? [spec.method.toUpperCase()]
              : unsafeNames(spec).map((h) => lower(h));
          const have = site(resp, lower(name));
          if (have) {
            if (!p.extend(have.site, name, values, have.value)) cannotValue(name, have.site);
          } else if (
            !acao?.site ||
            !p.addBeside(acao.site, name, values.join(", "), {
              key: "config.django.mw.fix.add",
              params: { header: name, values: values.join(", ") },
            })
          )
            cannotValue(name, null);
          break;
        }
        default:
          stuck(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
      }
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
      stuck(spec.id, e.why);
    }
  }
  // Set in a helper method not given the request (`self.set_headers(response)`): the page's
  // Origin cannot be read there; said, with the method.
  for (const c of credentialed.values())
    if (p.helperOf(c.acao))
      for (const id of c.ids)
        stuck(id, {
          key: "config.django.mw.cannot.no-request",
          params: { line: c.acao.line, method: p.helperOf(c.acao) ?? "" },
        });
    else if (!p.reflect(c.acao, c.acac, [...c.origins]))
      for (const id of c.ids)
        stuck(id, {
          key: "config.django.mw.cannot.value",
          params: { header: "Access-Control-Allow-Origin", line: c.acao.line },
        });
  return { edits: p.finish(), cannot: p.cannot };
}
