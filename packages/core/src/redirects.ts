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
 * Wraps a fetch so that redirects are followed manually: up to 5 hops; same-origin hops keep every header;
 * the first cross-origin hop drops every header but those in CROSS_ORIGIN_SAFE (no credential, cookie or custom
 * header), for good: a foreign server redirecting back to the API origin does not get the credentials sent again;
 * 303 (and 301/302 after a POST) turn into a bodiless GET as browsers do; 307/308 repeat the method and body.
 */
export function followRedirectsSafely(fetchImpl: FetchLike, title: string): FetchLike {
  return async (request) => {
    const origin = new URL(request.url).origin;
    // The body is read once so a 307/308 can send it again.
    let body: ArrayBuffer | undefined = request.body === null ? undefined : await request.arrayBuffer();
    let method = request.method;
    let url = request.url;
    let headers = new Headers(request.headers);
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(
        new Request(url, { method, headers, body, signal: request.signal, redirect: "manual" }),
      );
      if (response.type === "opaqueredirect") {
        throw new ApiConnectionError(
          `${title} ${request.method} ${new URL(request.url).pathname} was redirected, and this runtime hides where to; ` +
            "not followed (set baseUrl to the address the API redirects to)",
          1,
          false,
        );
      }
      const location = response.headers.get("location");
      if (response.status < 300 || response.status > 399 || response.status === 304 || location === null) {
        return response;
      }
      await response.body?.cancel().catch(() => {});
      if (hop === MAX_REDIRECTS) {
        throw new ApiConnectionError(
          `${title} ${request.method} ${new URL(request.url).pathname} was redirected more than ${MAX_REDIRECTS} times`,
          1,
          false,
        );
      }
      const next = new URL(location, url);
      if (next.protocol !== "https:" && next.protocol !== "http:") {
        throw new ApiConnectionError(
          `${title} ${request.method} ${new URL(request.url).pathname} was redirected to a ${next.protocol} URL; not followed`,
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
  };
}
