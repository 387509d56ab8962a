// Redirects followed by hand, so credentials only ever go to the configured origin: fetch's own redirect mode drops
// `Authorization` across origins but forwards custom credential headers (`x-api-key`) to wherever a 307 points.
import { ApiConnectionError } from "./errors.js";
import { asResponse, type Transport, type TransportAnswer, type WireRequest } from "./transport.js";

const MAX_REDIRECTS = 5;
/** Headers that may follow a redirect to another origin; every other header (credentials, custom ones) is dropped. */
const CROSS_ORIGIN_SAFE = new Set([
  "accept",
  "accept-language",
  "content-language",
  "content-type",
  "user-agent",
]);

/**
 * Sends a request through `transport` with redirects followed manually: up to 5 hops; same-origin hops keep every
 * header; the first cross-origin hop drops every header but those in CROSS_ORIGIN_SAFE (no credential, cookie or
 * custom header), for good: a foreign server redirecting back to the API origin does not get the credentials sent
 * again; 303 (and 301/302 after a POST) turn into a bodiless GET as browsers do; 307/308 repeat the method and body
 * (a streamed body cannot be sent twice: that redirect is an error).
 */
export async function followRedirects(
  request: WireRequest,
  signal: AbortSignal | undefined,
  transport: Transport,
  title: string,
): Promise<TransportAnswer> {
  const first = request.url;
  // Parsed only when a redirect needs it: most calls are never redirected.
  const where = () => `${title} ${request.method} ${new URL(first).pathname}`;
  const stream = typeof ReadableStream !== "undefined" && request.body instanceof ReadableStream;
  let { url, method, headers, body } = request;
  for (let hop = 0; ; hop++) {
    const response = await transport(hop ? { url, method, headers, body } : request, signal);
    if (response.type === "opaqueredirect") {
      throw new ApiConnectionError(
        `${where()} was redirected, and this runtime hides where to; not followed (set baseUrl to the address the API redirects to)`,
        1,
        false,
      );
    }
    const location = response.status > 299 && response.status < 400 ? response.headers.get("location") : null;
    if (location === null || response.status === 304) return response;
    await response.body?.cancel().catch(() => {});
    if (hop === MAX_REDIRECTS) {
      throw new ApiConnectionError(`${where()} was redirected more than ${MAX_REDIRECTS} times`, 1, false);
    }
    const next = new URL(location, url);
    if (next.protocol !== "https:" && next.protocol !== "http:") {
      throw new ApiConnectionError(
        `${where()} was redirected to a ${next.protocol} URL; not followed`,
        1,
        false,
      );
    }
    let copy = new Headers(headers as HeadersInit);
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      if (method !== "HEAD") method = "GET";
      body = undefined;
      copy.delete("content-type");
      copy.delete("content-length");
    } else if (stream && body !== undefined) {
      throw new ApiConnectionError(
        `${where()} was redirected (${response.status}) after its streamed body was sent, which cannot be sent again; not followed`,
        1,
        false,
      );
    }
    if (next.origin !== new URL(first).origin) {
      const kept = new Headers();
      copy.forEach((value, name) => CROSS_ORIGIN_SAFE.has(name) && kept.set(name, value));
      copy = kept;
    }
    headers = copy;
    url = next.href;
  }
}

/** The redirect guard for a Request (`client.raw`): its body is read once so a 307/308 can send it again. */
export async function fetchRequestSafely(
  request: Request,
  transport: Transport,
  title: string,
): Promise<Response> {
  const body = request.body === null ? undefined : await request.arrayBuffer();
  const answer = await followRedirects(
    { url: request.url, method: request.method, headers: request.headers, body },
    request.signal,
    transport,
    title,
  );
  return asResponse(answer);
}
