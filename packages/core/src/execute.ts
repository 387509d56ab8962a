// One call from validated input to its answer: plan it, then per attempt wait for the limiter, prepare the request,
// send it through the redirect guard and the transport, interpret the answer, and ask retry.ts whether to go again.
import { answered, type Answered } from "./api-promise.js";
import { planCall, type CallPlan } from "./call-plan.js";
import type { RequestOptions } from "./client-options.js";
import {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  UnexpectedResponseError,
} from "./errors.js";
import { readSuccess, requestIdOf, statusFailure, thrownFailure, type Failed } from "./interpret.js";
import { safeHeaders } from "./logging.js";
import { prepareRequest } from "./prepare.js";
import { followRedirects } from "./redirects.js";
import { nextDelay } from "./retry.js";
import type { ClientSettings } from "./settings.js";
import { CallScope } from "./signals.js";
import type { WireRequest } from "./transport.js";
import type { CallInput } from "./validate.js";
import type { OperationSpec } from "./wire/operation.js";

/**
 * One call: validated, sent, retried; resolves to the success body or rejects with a typed error. `name` is how
 * messages name the call (`runs.get (getRun)`), the operationId unless the method is known.
 */
export async function execute(
  s: ClientSettings,
  id: string,
  spec: OperationSpec,
  input: CallInput,
  options: RequestOptions,
  name = id,
): Promise<Answered<unknown>> {
  const plan = planCall(s, id, spec, input, options, name);
  let request = await prepareRequest(s, plan, input, options);
  // The caller's signal and the deadline end the whole call: attempts and the waits between them.
  const scope = new CallScope(options.signal, plan.deadlineMs);
  let waited = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      if (scope.cancelled) throw cancelled(s, plan, scope, attempt - 1);
      await waitForLimiter(s, plan, scope, options, attempt);
      if (attempt > 1 && s.tokenProviders) request = await prepareRequest(s, plan, input, options);
      const started = Date.now();
      const outcome = await attemptOnce(s, plan, request, scope, options, attempt);
      if (!("failure" in outcome)) {
        s.log(
          "info",
          `${s.title} ${plan.label} ${outcome.answer.status} ${Date.now() - started}ms attempt ${attempt}`,
        );
        return outcome;
      }
      const { error, failure } = outcome;
      const status = failure.kind === "status" ? failure.status : failure.kind;
      const serverWait = error instanceof ApiError ? error.retryAfterMs : undefined;
      const state = { attempt, maxRetries: plan.maxRetries, waited, serverWait };
      const delay = nextDelay(plan.cls, failure, state, s.retry, Math.random);
      const line = `${s.title} ${plan.label} ${status} ${Date.now() - started}ms attempt ${attempt}`;
      if (delay === undefined) {
        const level = failure.kind === "status" && failure.status < 500 ? "warn" : "error";
        s.log(level, line, { requestId: error instanceof ApiError ? error.requestId : undefined });
        throw error;
      }
      s.log("warn", `${line}, retrying in ${delay}ms`);
      waited += delay;
      await scope.sleep(delay);
      if (scope.cancelled) throw cancelled(s, plan, scope, attempt);
    }
  } finally {
    scope.dispose();
  }
}

/** One attempt within its own time limit: the answer (success read, or an error status), or what it threw. */
async function attemptOnce(
  s: ClientSettings,
  plan: CallPlan,
  request: WireRequest,
  scope: CallScope,
  options: RequestOptions,
  attempt: number,
): Promise<Answered<unknown> | Failed> {
  const signal = scope.begin(plan.timeoutMs);
  if (s.debug) {
    s.log(
      "debug",
      `${s.title} ${plan.spec.method} ${plan.path} headers`,
      safeHeaders(new Headers(request.headers as HeadersInit), s.masked),
    );
  }
  try {
    const response = await followRedirects(request, signal, s.transport, s.title);
    s.limiter?.observe?.(response.headers, Date.now());
    const ok =
      (response.status >= 200 && response.status < 300) || (response.status === 304 && plan.spec.notModified);
    if (!ok) return await statusFailure(s, plan, response, attempt);
    const data = await readSuccess(s, plan, response, options.signal, attempt);
    return answered(data, response, requestIdOf(response, undefined));
  } catch (e) {
    const timedOut = scope.end();
    if (scope.cancelled) throw cancelled(s, plan, scope, attempt);
    if (e instanceof ApiConnectionError) throw e; // a redirect that must not be followed
    // A 2xx that is not what was declared: repeated like a broken connection (a GET, not a create).
    if (e instanceof UnexpectedResponseError)
      return { error: e, failure: { kind: "connection", refused: false } };
    return thrownFailure(s, plan, e, timedOut, attempt);
  } finally {
    scope.end();
  }
}

/** Waits for the rate limiter (outside the attempt's time limit, inside the call's deadline). */
async function waitForLimiter(
  s: ClientSettings,
  plan: CallPlan,
  scope: CallScope,
  options: RequestOptions,
  attempt: number,
): Promise<void> {
  if (!s.limiter) return;
  try {
    // A wait can only be cut short by the caller's signal or the deadline; without either, no signal is made.
    await s.limiter.acquire(options.signal || plan.deadlineMs !== undefined ? scope.signal : undefined);
  } catch {
    if (scope.cancelled) throw cancelled(s, plan, scope, attempt - 1);
    throw new ApiConnectionError(
      s.redact(`${s.title} ${plan.label}: the rate limiter failed`),
      attempt - 1,
      true,
    );
  }
}

/** The error for a call the caller aborted or the deadline ended. */
function cancelled(s: ClientSettings, plan: CallPlan, scope: CallScope, attempts: number): Error {
  return scope.cancelled === "abort"
    ? new ApiAbortError(s.redact(`${s.title} ${plan.label} was aborted`), attempts, { cause: scope.reason })
    : new ApiTimeoutError(
        s.redact(`${s.title} ${plan.label} exceeded its ${plan.deadlineMs} ms deadline`),
        attempts,
        "deadline",
      );
}
