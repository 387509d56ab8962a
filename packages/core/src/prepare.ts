// One attempt's request: headers in their precedence order and the credentials of the operation's first security
// alternative that can be filled. Built again for a retry when a token provider is in play, so that every attempt
// carries the token of its time (a long Retry-After can outlive a short-lived token).
import type { CallPlan } from "./call-plan.js";
import type { RequestOptions } from "./client-options.js";
import { put, type ClientSettings } from "./settings.js";
import type { WireRequest } from "./transport.js";
import type { CallInput } from "./validate.js";
import { placeCredentials, type Placement } from "./wire/credentials.js";
import { cookieParts, headerValue } from "./wire/params.js";

/**
 * Header precedence, lowest first: the JSON content type, the client's headers, credentials, another media type of
 * the body, header and cookie parameters, the call's headers. A stream-only operation asks for its stream unless a
 * header already says what to accept.
 */
export async function prepareRequest(
  s: ClientSettings,
  plan: CallPlan,
  input: CallInput,
  options: RequestOptions,
): Promise<WireRequest> {
  const { spec, sending } = plan;
  const json = sending !== undefined && !spec.body?.media;
  const headers: Record<string, string> = json
    ? { "content-type": "application/json", ...s.headers }
    : { ...s.headers };
  if (spec.accept && !("accept" in headers)) headers.accept = spec.accept;
  let url = s.base + plan.path + plan.search;
  if (plan.schemes.length) {
    const placed = await placement(s, plan.schemes);
    Object.assign(headers, placed.headers);
    if (placed.query.length) {
      const withKeys = new URL(url);
      for (const [name, value] of placed.query) withKeys.searchParams.set(name, value);
      url = withKeys.href;
    }
    if (placed.cookies.length)
      headers.cookie = [headers.cookie, ...placed.cookies].filter(Boolean).join("; ");
  }
  if (sending?.contentType && !json) headers["content-type"] = sending.contentType;
  if (input.header) {
    for (const name in input.header)
      put(headers, name, headerValue((input.header as Record<string, unknown>)[name], spec.header?.[name]));
  }
  if (input.cookie) {
    const cookies = Object.entries(input.cookie as Record<string, unknown>).flatMap(([name, v]) =>
      cookieParts(name, v, spec.cookie?.[name]),
    );
    if (cookies.length) headers.cookie = [...cookies, headers.cookie].filter(Boolean).join("; ");
  }
  if (options.headers) for (const name in options.headers) put(headers, name, options.headers[name]);
  return { url, method: spec.method, headers, body: sending?.body };
}

/**
 * Where the schemes' credentials go: placed once per client and set of schemes when every credential is a string,
 * placed again for every attempt when a token provider is in play.
 */
function placement(s: ClientSettings, schemes: readonly string[]): Promise<Placement> {
  if (s.tokenProviders) return placeCredentials(schemes, s.sources, s.values);
  const key = schemes.join("\0");
  let placed = s.placements.get(key);
  if (!placed) {
    placed = placeCredentials(schemes, s.sources, s.values);
    s.placements.set(key, placed);
  }
  return placed;
}
