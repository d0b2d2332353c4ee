/**
 * The common model of a server configuration as CORS Lens reads it: pure (no Node or browser API;
 * the CLI reads the files and passes their text in). Each format has a reader (text → model that
 * answers requests), a checker (static findings with file and line) and a patcher (minimal edits).
 */
import type { HeaderList } from "../engine";
import type { MessageKey, Params } from "../i18n";

export interface ConfigFile {
  /** The path as the user gave it (shown in messages and diffs). */
  path: string;
  text: string;
}

/** A request the what-if asks the configuration about (one hop: a preflight or the actual request). */
export interface HopRequest {
  method: string;
  url: string;
  headers: HeaderList;
  /**
   * What the application behind the server answered this hop with, where recorded: its status and the
   * CORS headers it added itself. Absent where unrecorded: the model then says what it can.
   */
  upstream?: { status: number | null; headers: HeaderList } | null;
}

/** Words the user reads: a catalogue key and its parameters (rendered in the user's language). */
export interface Words {
  key: MessageKey;
  params?: Params;
}

/** How the configuration answers one hop, or why it cannot tell. */
export type Answer =
  | {
      kind: "known";
      status: number;
      headers: HeaderList;
      /**
       * The status came from outside the configuration: the upstream application (its status and
       * the CORS headers it adds, from the record) or the file system (a recorded 404).
       */
      fromUpstream: boolean;
      /** Assumptions the answer rests on (an upstream status that was not recorded). */
      assumed: Words[];
    }
  | { kind: "unknown"; why: Words };

export type Severity = "error" | "warning";

export interface ConfigFinding {
  code: string;
  severity: Severity;
  file: string;
  line: number;
  words: Words;
  /** What to change there, where known (`check --har`: the change `fix` makes on that line). */
  detail?: Words;
  /**
   * The other line of the same problem its words name (the auth middleware registered above cors(),
   * the first of two Allow-Origin lines): either is where the user may make the change. SARIF's
   * `relatedLocations`.
   */
  also?: Array<{ file: string; line: number }>;
}

/** One text edit of one file: the bytes [start, end) become `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
  /** The line it edits in the original file, and why (shown by --format json and the diff header). */
  line: number;
  why: Words;
}

/** A format's reader: the files in, something that answers requests and lists its findings out. */
export interface ReadConfig {
  format: ConfigFormat;
  answer(request: HopRequest): Answer;
  /** Origins this configuration allows on its own, for the standard requests that must stay allowed. */
  allowance(): Allowance[];
  check(): ConfigFinding[];
  /** Notes on what the reader could not see (an `include` not passed). */
  notes: Words[];
}

/** What one place (location, route) of a configuration allows: the standard requests are built from it. */
export interface Allowance {
  /** A URL that reaches this place. */
  url: string;
  /** Origins to try: exact ones, or a stand-in for `*` or a reflected origin. */
  origins: string[];
  methods: string[];
  headers: string[];
  credentials: boolean;
}

export type ConfigFormat =
  | "nginx"
  | "caddy"
  | "apache"
  | "express"
  | "hono"
  | "koa"
  | "fastify"
  | "django"
  | "fastapi"
  | "flask"
  | "rack"
  | "aiohttp"
  | "s3-json"
  | "s3-xml";

export class ConfigError extends Error {
  constructor(
    readonly words: Words,
    readonly file: string | null = null,
  ) {
    super(`${words.key} ${JSON.stringify(words.params ?? {})}`);
  }
}

/** A file a reader cannot parse: where, and what it expected (exit 2, "file:line: detail"). */
export class ConfigSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
  }
}
