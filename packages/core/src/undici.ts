// The Node transport on `undici.request` (Node's own HTTP client, the engine under its fetch, without fetch's
// Request and stream machinery): one hop per call like fetchTransport, so redirects, time-outs, retries and errors
// stay the core's. Its answers are WireAnswers read straight from undici (a Response is made only when asked for:
// building one per call cost more than undici's own HTTP work). Node only, and only through the subpath `@agentruns/core/undici`: nothing of it reaches a bundle
// that does not import it, and undici itself is an optional peer dependency, loaded on the first call.
import {
  toHeaders,
  type AnswerHeaders,
  type Transport,
  type WireAnswer,
  type WireRequest,
} from "./transport.js";

/** The answer of `undici.request`, as far as this transport reads it. */
interface UndiciAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array> & {
    arrayBuffer(): Promise<ArrayBuffer>;
    dump(): Promise<void>;
    destroy(error?: Error): unknown;
    on(event: "error", listener: (error: unknown) => void): unknown;
  };
}

/** The options this transport passes to `undici.request`. */
interface RequestShape {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | AsyncIterable<Uint8Array> | null;
  signal?: AbortSignal;
  dispatcher?: unknown;
}

/**
 * What this transport uses of undici, typed here so that the core needs neither Node's types nor undici's. The options
 * are `never` on purpose: any version's own, Node-typed `request` is assignable to it (`import * as undici`).
 */
export interface UndiciLike {
  request(url: string, options: never): Promise<UndiciAnswer>;
}

export interface UndiciTransportOptions {
  /**
   * The undici `Dispatcher` to send through (an `Agent` or `Pool` with your own connection limits, a `ProxyAgent`);
   * default: undici's global dispatcher, which keeps connections alive and pools them per origin.
   */
  dispatcher?: unknown;
  /**
   * undici itself, or a function that loads it (`() => import("undici")`: resolved from your package, loaded on the
   * first call), when the core should not import it by name (strict installs where only your package sees undici).
   */
  undici?: UndiciLike | (() => Promise<UndiciLike>);
}

/** Statuses whose answer has no body (a Response refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** The request body as undici takes it, and the content type fetch would have given it. */
async function bodyOf(
  body: WireRequest["body"],
): Promise<{ body?: string | Uint8Array | AsyncIterable<Uint8Array>; type?: string }> {
  if (body === undefined || body === null) return {};
  if (typeof body === "string" || body instanceof Uint8Array) return { body };
  if (body instanceof ArrayBuffer) return { body: new Uint8Array(body) };
  if (ArrayBuffer.isView(body))
    return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  if (typeof URLSearchParams !== "undefined" && body instanceof URLSearchParams)
    return { body: body.toString(), type: "application/x-www-form-urlencoded;charset=UTF-8" };
  if (typeof ReadableStream !== "undefined" && body instanceof ReadableStream)
    return { body: body as unknown as AsyncIterable<Uint8Array> };
  // Blob and FormData: encoded as fetch encodes them (a multipart body streams, with its boundary in the type).
  const encoded = new Response(body as BodyInit);
  const type = encoded.headers.get("content-type") ?? undefined;
  if (encoded.body)
    return { body: encoded.body as unknown as AsyncIterable<Uint8Array>, ...(type ? { type } : {}) };
  return { body: "", ...(type ? { type } : {}) };
}

/** undici's answer headers (lower-case names) read as Headers reads them; a repeated header keeps every value. */
class RawHeaders implements AnswerHeaders {
  readonly #raw: UndiciAnswer["headers"];
  constructor(raw: UndiciAnswer["headers"]) {
    this.#raw = raw;
  }
  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of Object.entries(this.#raw)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) callback(v, name);
      else callback(value, name);
    }
  }
}

/** undici's answer body as a web stream, read as the client reads it; cancelling it destroys the socket's stream. */
function streamOf(body: UndiciAnswer["body"]): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    cancel() {
      // Destroying an unfinished body emits an abort error; whoever cancels has stopped listening for it.
      body.on("error", () => {});
      body.destroy();
    },
  });
}

/**
 * One hop's answer read straight from undici's body (text() is undici's own, no web stream in between); the body as a
 * web stream, and the answer as a Response, are made only when something asks for them (a stream, withResponse()).
 */
class UndiciWireAnswer implements WireAnswer {
  readonly status: number;
  readonly url: string;
  readonly headers: RawHeaders;
  readonly #raw: UndiciAnswer;
  readonly #empty: boolean;
  #stream: ReadableStream<Uint8Array> | null | undefined;
  #used = false;
  #response: Response | undefined;

  constructor(url: string, raw: UndiciAnswer, empty: boolean) {
    this.status = raw.statusCode;
    this.url = url;
    this.headers = new RawHeaders(raw.headers);
    this.#raw = raw;
    this.#empty = empty;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#stream === undefined)
      this.#stream = this.#empty || this.#used ? null : streamOf(this.#raw.body);
    this.#used = true;
    return this.#stream;
  }

  /** The body's bytes, once: a second read (or a read after `body`) is a TypeError, as a Response's is. */
  async #bytes(): Promise<ArrayBuffer> {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#empty ? new ArrayBuffer(0) : this.#raw.body.arrayBuffer();
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.#bytes());
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.#bytes()], { type: this.headers.get("content-type") ?? "" });
  }

  toResponse(): Response {
    if (this.#response) return this.#response;
    const headers = toHeaders(this.headers);
    // The body if nothing has read it: a stream made for it and not yet read from still counts as unread.
    const unread = this.#used ? (this.#stream?.locked === false ? this.#stream : null) : this.body;
    const body = this.#empty ? null : unread;
    const response = new Response(body, { status: this.status, headers });
    // What fetch's Response says: the URL it answered (a constructed Response has none).
    Object.defineProperty(response, "url", { value: this.url });
    return (this.#response = response);
  }
}

/** A transport that sends with `undici.request`: `new Duvo({ transport: undiciTransport() })`. Node only. */
export function undiciTransport(options: UndiciTransportOptions = {}): Transport {
  let undici = typeof options.undici === "function" ? undefined : options.undici;
  const loader = typeof options.undici === "function" ? options.undici : undefined;
  let loading: Promise<UndiciLike> | undefined;
  const load = () =>
    (loading ??= (async () => {
      // By a name in a variable: no bundler follows it, and the core's own build needs no types of undici.
      const name = "undici";
      try {
        return (undici = loader ? await loader() : ((await import(name)) as UndiciLike));
      } catch (e) {
        loading = undefined;
        throw new Error("undiciTransport() needs the undici package: npm install undici", { cause: e });
      }
    })());
  return async (request, signal) => {
    const client = undici ?? (await load());
    const { body, type } = await bodyOf(request.body);
    const headers: Record<string, string> =
      request.headers instanceof Headers ? Object.fromEntries(request.headers) : { ...request.headers };
    if (type && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
      headers["content-type"] = type;
    const send = client.request as unknown as (url: string, options: RequestShape) => Promise<UndiciAnswer>;
    const answer = await send.call(client, request.url, {
      method: request.method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(signal ? { signal } : {}),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    const empty = NO_BODY.has(answer.statusCode) || request.method === "HEAD";
    if (empty) await answer.body.dump();
    return new UndiciWireAnswer(request.url, answer, empty);
  };
}
