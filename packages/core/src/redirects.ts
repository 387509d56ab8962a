// Redirects followed by hand, so credentials only ever go to the configured origin: fetch's own redirect mode drops
// `Authorization` across origins but forwards custom credential headers (`x-api-key`) to wherever a 307 points.
import { ApiConnectionError } from "./errors.js";

export type FetchLike = (input: Request) => Promise<Response>;

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
 * Sends `request` with redirects followed manually: up to 5 hops; same-origin hops keep every header; the first
 * cross-origin hop drops every header but those in CROSS_ORIGIN_SAFE (no credential, cookie or custom header), for
 * good: a foreign server redirecting back to the API origin does not get the credentials sent again; 303 (and
 * 301/302 after a POST) turn into a bodiless GET as browsers do; 307/308 repeat the method and body.
 * `signal` is the caller's own (not `request.signal`, which the runtime may derive through weakly held controllers).
 * Without a custom fetch, the global fetch is called with a URL and init, so no Request is built per hop.
 */
export async function fetchFollowingSafely(
  request: Request,
  signal: AbortSignal | null,
  fetchImpl: FetchLike | undefined,
  title: string,
): Promise<Response> {
  const origin = new URL(request.url).origin;
  const where = () => `${title} ${request.method} ${new URL(request.url).pathname}`;
  // The body is read once so a 307/308 can send it again.
  let body: ArrayBuffer | undefined = request.body === null ? undefined : await request.arrayBuffer();
  let method = request.method;
  let url = request.url;
  let headers = request.headers;
  for (let hop = 0; ; hop++) {
    const init: RequestInit = { method, headers, body, signal, redirect: "manual" };
    const response = await (fetchImpl ? fetchImpl(new Request(url, init)) : globalThis.fetch(url, init));
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
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      if (method !== "HEAD") method = "GET";
      body = undefined;
      headers = new Headers(headers);
      headers.delete("content-type");
      headers.delete("content-length");
    }
    if (next.origin !== origin) {
      const kept = new Headers();
      headers.forEach((value, name) => CROSS_ORIGIN_SAFE.has(name) && kept.set(name, value));
      headers = kept;
    }
    url = next.href;
  }
}
