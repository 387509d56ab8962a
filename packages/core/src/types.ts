// The type algebra that turns openapi-typescript's `operations` into what a call takes and gives: its parameters by
// location, its body as its media type takes it, its success answer as its media type gives it.
import type { Binary } from "./bodies.js";
import type { EventStream } from "./event-stream.js";
import type { JsonLinesStream } from "./json-lines.js";
import type { OperationSpec } from "./wire/operation.js";

type Params<Op> = Op extends { parameters: infer P } ? P : never;
type ContentOf<R> = R extends { content: infer C } ? C : never;
/** A media type and the same with parameters (`application/json; charset=utf-8`), in lower case. */
type WithParameters<M extends string> = M | `${M};${string}` | `${M} ;${string}`;
/**
 * The keys `K` (of a content map) whose media type, in lower case, is one of the `Pattern`s: a media type by its
 * essence, as media-types.ts reads it. The patterns are computed once, not per content map: this is on every
 * operation's answer, and the checker pays per instantiation.
 */
type MediaKey<K, Pattern> = K extends string ? (Lowercase<K> extends Pattern ? K : never) : never;
type JsonPattern = WithParameters<"application/json" | `application/${string}+json`>;
type LinesPattern =
  WithParameters<`application/${"" | "x-"}${"ndjson" | "nd-json" | "jsonl" | "jsonlines" | "json-lines"}`>;
type EventPattern = WithParameters<"text/event-stream">;
/** JSON (media-types.ts `isJsonMedia`). */
type JsonKey<C> = MediaKey<keyof C, JsonPattern>;
/** Newline-delimited JSON (media-types.ts `isJsonLines`). */
type LinesKey<C> = MediaKey<keyof C, LinesPattern>;
/** Server-sent events (media-types.ts `isEventStream`). */
type EventKey<C> = MediaKey<keyof C, EventPattern>;
/** A multipart field declared as a string may carry a file. */
type Uploadable<T> = { [K in keyof T]: T[K] extends string | undefined ? T[K] | Blob : T[K] };
/** What a request body of these media types takes: JSON, multipart fields, form fields, or raw bytes. */
type RequestValue<C> = [JsonKey<C>] extends [never]
  ? "multipart/form-data" extends keyof C
    ? Uploadable<C["multipart/form-data"]>
    : "application/x-www-form-urlencoded" extends keyof C
      ? C["application/x-www-form-urlencoded"]
      : [keyof C] extends [never]
        ? undefined
        : Binary
  : C[JsonKey<C>];
/** What a success answer of these media types is: parsed JSON, text, an event stream, or a Blob. */
type ResponseValue<C> = [keyof C] extends [never]
  ? undefined
  : | C[JsonKey<C>]
    | ([EventKey<C>] extends [never] ? never : EventStream<C[EventKey<C>]>)
    | ([LinesKey<C>] extends [never] ? never : JsonLinesStream<C[LinesKey<C>]>)
    | (Exclude<keyof C, JsonKey<C> | LinesKey<C> | EventKey<C>> extends infer K
        ? K extends `text/${string}`
          ? string
          : K extends string
            ? Blob
            : never
        : never);
/** Path parameters of an operation. */
export type PathOf<Op> = Params<Op> extends { path?: infer X } ? X : never;
/** Header parameters of an operation. */
export type HeaderOf<Op> = NonNullable<Params<Op> extends { header?: infer H } ? H : never>;
/** Cookie parameters of an operation. */
export type CookieOf<Op> = NonNullable<Params<Op> extends { cookie?: infer C } ? C : never>;
/** Query parameters of an operation. */
export type QueryOf<Op> = NonNullable<Params<Op> extends { query?: infer Q } ? Q : never>;
/** Request body of an operation, as its media type takes it (JSON, multipart fields with Blobs, bytes). */
export type BodyOf<Op> = Op extends { requestBody?: infer R }
  ? RequestValue<ContentOf<NonNullable<R>>>
  : never;
/** The success answers of an operation: 2xx with their media, and no-content 204/205 and a declared 304. */
type Answers<Op> = Op extends { responses: infer Rs }
  ? {
      [S in keyof Rs]: S extends 200 | 201 | 202 | 203 | 206
        ? ResponseValue<ContentOf<Rs[S]>>
        : S extends 204 | 205 | 304
          ? undefined
          : never;
    }[keyof Rs]
  : never;
/**
 * Success answer of an operation, as its media type gives it (JSON, text, an EventStream, a Blob); `void` when its
 * only success answers hold nothing (204, 205), `| undefined` beside others.
 */
export type ResultOf<Op> = [Answers<Op>] extends [undefined]
  ? [Answers<Op>] extends [never]
    ? never
    : void
  : Answers<Op>;

export interface CallInput<Op> {
  path?: PathOf<Op>;
  query?: QueryOf<Op>;
  /** Header parameters the spec declares (credentials are options of the client, not parameters). */
  header?: HeaderOf<Op>;
  /** Cookie parameters the spec declares, sent in one `Cookie` header. */
  cookie?: CookieOf<Op>;
  body?: BodyOf<Op>;
}

/** A call's input, or a function that builds it: anything it throws becomes the call's rejection, never a throw. */
export type InputOf<Op> = CallInput<Op> | (() => CallInput<Op>);

/** An operation: its operationId (looked up in the client's table), or its generated constant. */
export type OperationRef<K extends string> = K | (OperationSpec & { readonly operationId: K });
