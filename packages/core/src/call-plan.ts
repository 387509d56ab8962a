// A call's options and input checked and resolved once, before any I/O: its limits against the client's settings,
// its retry class, its encoded body and its URL. Every problem is a ValidationError naming the field.
import { encodeBody } from "./bodies.js";
import type { RequestOptions } from "./client-options.js";
import { ValidationError } from "./errors.js";
import { checkCallOptions } from "./options.js";
import type { RetryClass } from "./retry.js";
import type { ClientSettings } from "./settings.js";
import { target } from "./wire/params.js";
import { checkUrlLength } from "./url-length.js";
import type { CallInput } from "./validate.js";
import { validateInput } from "./validate.js";
import { chooseAlternative, missingCredential } from "./wire/credentials.js";
import type { OperationSpec } from "./wire/operation.js";

/** Everything an attempt needs that does not change between attempts. */
export interface CallPlan {
  readonly spec: OperationSpec;
  /** `<METHOD> <path>` with the path filled in, for every other message. */
  readonly label: string;
  /** The path (relative to the base URL) and the query string. */
  readonly path: string;
  readonly search: string;
  /** The security schemes whose credentials this call sends (the first alternative that can be filled). */
  readonly schemes: readonly string[];
  /** GETs and operations declared idempotent may be repeated; everything else may create something. */
  readonly cls: RetryClass;
  readonly sending: { body: BodyInit; contentType?: string; stream: boolean } | undefined;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number | undefined;
}

/** GETs and operations the provider declares idempotent may be repeated; everything else may create something. */
export const retryClass = (s: ClientSettings, id: string, method: string): RetryClass =>
  method === "GET" || s.idempotent.has(id) ? "idempotent" : "create";

/** Checks the call and resolves it against the client's settings. */
export function planCall(
  s: ClientSettings,
  id: string,
  spec: OperationSpec,
  input: CallInput,
  options: RequestOptions,
  name = id,
): CallPlan {
  const where = `${s.title} ${name}`;
  if (options === null || typeof options !== "object") {
    throw new ValidationError(`${where}: request options must be an object`, "options");
  }
  checkCallOptions(options, where);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new ValidationError(`${where}: signal must be an AbortSignal`, "signal");
  }
  if ((spec.method === "GET" || spec.method === "HEAD") && (input.body !== undefined || spec.body?.required))
    throw new ValidationError(
      `${where}: the spec gives this ${spec.method} a request body, which fetch cannot send; the call is not made`,
      "body",
    );
  validateInput(spec, input as Record<string, unknown>, where);
  const choice = chooseAlternative(spec.security, s.sources, s.values);
  if ("missing" in choice)
    throw missingCredential(choice.missing, { title: s.title, to: s.construct }, where);
  const sending = input.body === undefined || !spec.body ? undefined : encodeBody(spec, input.body);
  const { path, search } = target(
    spec,
    input.path as Record<string, unknown> | undefined,
    input.query as object,
  );
  checkUrlLength(s.base.length + path.length + search.length, s.maxUrlLength, input, where);
  return {
    spec,
    schemes: choice.schemes,
    label: `${spec.method} ${path}`,
    path,
    search,
    cls: retryClass(s, id, spec.method),
    sending,
    // A streamed upload cannot be sent twice.
    maxRetries: sending?.stream ? 0 : (options.maxRetries ?? s.maxRetries),
    timeoutMs: options.timeoutMs ?? s.timeoutMs,
    deadlineMs: options.deadlineMs ?? s.deadlineMs,
  };
}
