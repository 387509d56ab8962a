// What a scenario of the fault matrix is: a group, a name, the promise it checks, and a run that asserts the exact
// outcome and returns it in words (deterministic: no timings, no random ids) for docs/reliability.md.
import {
  AgentRunsError,
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "@agentruns/core";
import type { AvidoSimulator, DuckieSimulator, DuvoSimulator } from "@agentruns/simulators";
import type { CaptureServer, RawServer } from "@agentruns/testkit";

/** The servers every scenario may use; each scenario resets what it touches. */
export interface Ctx {
  duvo: DuvoSimulator;
  avido: AvidoSimulator;
  duckie: DuckieSimulator;
  /** Two capture servers on different ports: two origins, for redirects. */
  capture: CaptureServer;
  other: CaptureServer;
  raw: RawServer;
}

export interface Scenario {
  group: string;
  name: string;
  /** The behaviour promised, in words. */
  promise: string;
  /** Time limit of the scenario when it is longer than the default minute (load scenarios on a shared machine). */
  timeoutMs?: number;
  run(ctx: Ctx): Promise<string>;
}

export const KEY = "sk_live_FAULTMATRIX_0123456789";
export const APP = "app_FAULTMATRIX_0123456789";
export const AGENT = "0f8fad5b-d9cb-469f-a165-70867728950e";

/** Resolves to what a promise rejected with; fails when it resolves. */
export async function rejection(p: PromiseLike<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail, it succeeded");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** An error in words: class and the fields that decide what a caller does next. */
export function outcome(e: unknown): string {
  if (e instanceof ApiError) {
    return (
      `${e.name} ${e.status} after ${plural(e.attempts, "attempt")}` +
      (e.retryAfterMs !== undefined ? `, retryAfterMs ${e.retryAfterMs}` : "")
    );
  }
  if (e instanceof UnexpectedResponseError) {
    return `UnexpectedResponseError ${e.status}${e.contentType ? ` (${e.contentType.split(";")[0]})` : ""} after ${plural(e.attempts, "attempt")}`;
  }
  if (e instanceof ApiConnectionError) {
    return `ApiConnectionError (${e.refused ? "never sent" : "may have been received"}) after ${plural(e.attempts, "attempt")}`;
  }
  if (e instanceof ApiTimeoutError)
    return `ApiTimeoutError (${e.kind}) after ${plural(e.attempts, "attempt")}`;
  if (e instanceof ApiAbortError) return `ApiAbortError after ${plural(e.attempts, "attempt")}`;
  if (e instanceof ValidationError) return `ValidationError on \`${e.field}\``;
  if (e instanceof AgentRunsError) return e.name;
  return `unexpected ${(e as Error)?.name ?? typeof e}: ${(e as Error)?.message ?? e}`;
}

export { plural };

/** Waits until `check` holds (polling), failing after `ms`. */
export async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}
