// The seam between a client and an HTTP stack: one hop of one request in, the answer out. The default sends with
// fetch; a test, a recording or another HTTP stack can stand in. Redirects are not the transport's: the redirect guard
// (redirects.ts) calls it once per hop, so every transport gets the same cross-origin rules.

/** One request as the client sends it: absolute URL, method, lower-case header names, an optional body. */
export interface WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>> | Headers;
  readonly body?: BodyInit;
}

/** An answer's headers as the core reads them (a fetch `Headers` is one); names are matched case-insensitively. */
export interface AnswerHeaders {
  get(name: string): string | null;
  /** Every header (a repeated one, `set-cookie` say, once per value or with its values joined). */
  forEach(callback: (value: string, name: string) => void): void;
}

/** What the core reads of one hop's answer. A fetch Response is one; so is a transport's own, cheaper WireAnswer. */
export interface Answer {
  readonly status: number;
  /** The URL that answered ("" when unknown). */
  readonly url: string;
  readonly headers: AnswerHeaders;
  /** The body as a stream of bytes (null when there is none); reading it, or text() or blob(), consumes it. */
  readonly body: ReadableStream<Uint8Array> | null;
  /** A fetch Response's type: "opaqueredirect" when a runtime hides a redirect's target. */
  readonly type?: string;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

/**
 * An answer that is not a fetch Response, so that a transport need not build one per call (a Response and its Headers
 * cost a Node transport more than its own HTTP work). It becomes a Response only when a caller asks for one
 * (`withResponse()`, a page's or a stream's `response`): `toResponse()` returns the same Response every time, with
 * the body if it has not been read.
 */
export interface WireAnswer extends Answer {
  toResponse(): Response;
}

/**
 * Sends one hop (never follows a redirect: a 3xx is the answer) and resolves when the status and headers are in; the
 * body is read later from the answer. `signal` ends the hop, body included.
 */
export type Transport = (request: WireRequest, signal: AbortSignal | undefined) => Promise<TransportAnswer>;

/** What a transport resolves to: a fetch Response, or its own WireAnswer. */
export type TransportAnswer = Response | WireAnswer;

/** An answer's headers as a fetch Headers (errors keep them; a Headers is passed as it is). */
export function toHeaders(headers: AnswerHeaders): Headers {
  if (typeof Headers !== "undefined" && headers instanceof Headers) return headers;
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, value));
  return copy;
}

/** An answer as a fetch Response: itself, or the one a WireAnswer makes when asked. */
export const asResponse = (answer: TransportAnswer): Response =>
  "toResponse" in answer ? answer.toResponse() : answer;

/** A fetch that takes a Request (the client option `fetch`). */
export type FetchLike = (input: Request) => Promise<Response>;

const isStream = (body: unknown): boolean =>
  typeof ReadableStream !== "undefined" && body instanceof ReadableStream;

/**
 * The fetch transport: the global fetch called with a URL and init (no Request built), or `fetchImpl` with a Request.
 * A streamed body is sent half-duplex, as fetch requires.
 */
export function fetchTransport(fetchImpl?: FetchLike): Transport {
  return (request, signal) => {
    const init: RequestInit & { duplex?: "half" } = {
      method: request.method,
      headers: request.headers as HeadersInit,
      body: request.body,
      signal,
      redirect: "manual",
    };
    if (isStream(request.body)) init.duplex = "half";
    return fetchImpl ? fetchImpl(new Request(request.url, init)) : globalThis.fetch(request.url, init);
  };
}
