// The Node transport on `undici.request` (Node's own HTTP client, the engine under its fetch, without fetch's
// Request and stream machinery): one hop per call like fetchTransport, so redirects, time-outs, retries and errors
// stay the core's. Node only, and only through the subpath `@agentruns/core/undici`: nothing of it reaches a bundle
// that does not import it, and undici itself is an optional peer dependency, loaded on the first call.
import type { Transport, WireRequest } from "./transport.js";

/** The answer of `undici.request`, as far as this transport reads it. */
interface UndiciAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array> & {
    arrayBuffer(): Promise<ArrayBuffer>;
    dump(): Promise<void>;
    destroy(error?: Error): unknown;
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

/** Answers buffered whole up to this size when their length is known; larger or unknown ones are streamed. */
const BUFFER_LIMIT = 16 * 1024 * 1024;
/** Statuses whose answer has no body (a Response refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);
const STREAMED = /^(text\/event-stream|application\/(x-)?(ndjson|jsonl|jsonlines)|application\/json-seq)/i;

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

/** undici's answer headers as Headers (a repeated header, `set-cookie` say, keeps every value). */
function headersOf(raw: UndiciAnswer["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.append(name, value);
  }
  return headers;
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
      body.destroy();
    },
  });
}

/** The Response of one hop: the body read whole when its length is known and bounded, else streamed. */
async function responseOf(request: WireRequest, answer: UndiciAnswer): Promise<Response> {
  const { statusCode: status, body } = answer;
  const headers = headersOf(answer.headers);
  let response: Response;
  if (NO_BODY.has(status) || request.method === "HEAD") {
    await body.dump();
    response = new Response(null, { status, headers });
  } else {
    const length = Number(headers.get("content-length") ?? NaN);
    const buffered = length <= BUFFER_LIMIT && !STREAMED.test(headers.get("content-type") ?? "");
    response = new Response(buffered ? await body.arrayBuffer() : streamOf(body), { status, headers });
  }
  // What fetch's Response says: the URL it answered (a constructed Response has none).
  Object.defineProperty(response, "url", { value: request.url });
  return response;
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
    try {
      return await responseOf(request, answer);
    } catch (e) {
      answer.body.destroy();
      throw e;
    }
  };
}
