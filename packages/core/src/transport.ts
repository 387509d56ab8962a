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

/**
 * Sends one hop (never follows a redirect: a 3xx is the answer) and resolves when the status and headers are in; the
 * body is read later from the Response. `signal` ends the hop, body included.
 */
export type Transport = (request: WireRequest, signal: AbortSignal | undefined) => Promise<Response>;

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
