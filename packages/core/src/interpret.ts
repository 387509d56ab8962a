// What an attempt's outcome means: a success body read as its media type says, or the typed error and the failure
// kind the retry rule (retry.ts) decides on. Messages name the call and never hold a credential.
import { readAnswer, UnexpectedAnswer } from "./bodies.js";
import type { CallPlan } from "./call-plan.js";
import { ApiConnectionError, ApiError, ApiTimeoutError, UnexpectedResponseError } from "./errors.js";
import { causeChain, describeFailure, redactCause } from "./redact.js";
import { serverWaitMs, type Failure } from "./retry.js";
import type { ClientSettings } from "./settings.js";
import { toHeaders, type Answer, type TransportAnswer } from "./transport.js";

/** Said of a create whose outcome is unknown, so nobody repeats it blindly. */
export const MAY_HAVE_TAKEN_EFFECT =
  "; the request may have reached the server and taken effect, so it was not retried: check before repeating it";

/** An attempt that failed: the error to throw if it is not retried, and what the retry rule needs to know. */
export interface Failed {
  readonly error: Error;
  readonly failure: Failure;
}

/** Codes that prove the request never left: the connection was refused, or the host name did not resolve. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ConnectionRefused", "ENOTFOUND", "EAI_AGAIN"]);

/** True when the error proves the request never reached the server. */
function refused(error: unknown): boolean {
  for (const e of causeChain(error)) {
    if (typeof e.code === "string" && NEVER_SENT.has(e.code)) return true;
    if (typeof e.message === "string" && /ECONNREFUSED|connection refused|ENOTFOUND/i.test(e.message))
      return true;
  }
  return false;
}

/** The request id a provider sent back, in a header or its error body. */
export const requestIdOf = (response: Answer, body: unknown): string | undefined =>
  response.headers.get("x-request-id") ??
  response.headers.get("request-id") ??
  ((body as { error?: { request_id?: unknown } } | undefined)?.error?.request_id as string | undefined) ??
  undefined;

/** No body to read: 204, 205, 304, HEAD, or an explicit empty length (as openapi-fetch decides it). */
export const isEmpty = (response: Answer, method: string): boolean =>
  response.status === 204 ||
  response.status === 205 ||
  response.status === 304 ||
  method === "HEAD" ||
  (response.headers.get("content-length") === "0" &&
    !response.headers.get("transfer-encoding")?.includes("chunked"));

/** The body of a 2xx answer; UnexpectedResponseError when it is not what the operation declares. */
export async function readSuccess(
  s: ClientSettings,
  plan: CallPlan,
  response: TransportAnswer,
  signal: AbortSignal | undefined,
  attempt: number,
): Promise<unknown> {
  if (isEmpty(response, plan.spec.method)) return undefined;
  try {
    return await readAnswer(response, plan.spec, signal, `${s.title} ${plan.label}`, s.stream, s.lines);
  } catch (e) {
    if (!(e instanceof UnexpectedAnswer)) throw e;
    throw unexpected(s, plan, response, e.problem, e.text, attempt);
  }
}

/** The error for a 2xx answer that is not what was declared (also used for a body without what a method returns). */
export function unexpected(
  s: ClientSettings,
  plan: Pick<CallPlan, "label" | "cls">,
  response: Answer,
  problem: string,
  text: string | undefined,
  attempts: number,
): UnexpectedResponseError {
  const note = plan.cls === "create" ? MAY_HAVE_TAKEN_EFFECT : "";
  return new UnexpectedResponseError(
    s.redact(`${s.title} ${plan.label} ${problem}${note}`),
    response.status,
    response.headers.get("content-type") ?? undefined,
    text === undefined ? undefined : s.redact(text.slice(0, 200)),
    attempts,
  );
}

/** An answer with an error status: its typed ApiError (body parsed and redacted, the server's wait read). */
export async function statusFailure(
  s: ClientSettings,
  plan: CallPlan,
  response: Answer,
  attempt: number,
): Promise<Failed> {
  let errorBody: unknown = isEmpty(response, plan.spec.method) ? undefined : await response.text();
  try {
    errorBody = JSON.parse(errorBody as string);
  } catch {
    // not JSON: the text as it came
  }
  const body = redactBody(s, errorBody);
  const error = ApiError.for(
    {
      status: response.status,
      headers: toHeaders(response.headers),
      body,
      requestId: requestIdOf(response, body),
      attempts: attempt,
      method: plan.spec.method,
      path: plan.path,
      retryAfterMs: serverWaitMs(response.headers, Date.now(), response.status),
    },
    s.redact,
  );
  return { error, failure: { kind: "status", status: response.status } };
}

/** The error body as the caller will see it: empty text becomes undefined, and no credential survives. */
function redactBody(s: ClientSettings, body: unknown): unknown {
  if (body === "" || body === undefined) return undefined;
  return typeof body === "string" ? s.redact(body) : JSON.parse(s.redact(JSON.stringify(body)));
}

/** An attempt that threw: its time-out, or the connection failure (never sent, or may have been received). */
export function thrownFailure(
  s: ClientSettings,
  plan: CallPlan,
  e: unknown,
  timedOut: boolean,
  attempt: number,
): Failed {
  const note = plan.cls === "create" ? MAY_HAVE_TAKEN_EFFECT : "";
  if (timedOut) {
    return {
      error: new ApiTimeoutError(
        s.redact(`${s.title} ${plan.label} timed out after ${plan.timeoutMs} ms (attempt ${attempt})${note}`),
        attempt,
        "attempt",
      ),
      failure: { kind: "timeout" },
    };
  }
  const isRefused = refused(e);
  return {
    error: new ApiConnectionError(
      s.redact(`${s.title} ${plan.label} failed: ${describeFailure(e)}${isRefused ? "" : note}`),
      attempt,
      isRefused,
      { cause: redactCause(e, s.redact) },
    ),
    failure: { kind: "connection", refused: isRefused },
  };
}
