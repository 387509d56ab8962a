// runs.waitFor(): poll a run until it reaches a terminal status or stops for a human, with Duvo's suggested intervals.
import { ApiAbortError, ApiTimeoutError, sleep } from "@agentruns/core";
import type { GetRunResponse } from "@agentruns/duvo-openapi";
import type { Duvo } from "./client.js";

/** Statuses after which a run does nothing more (Duvo's run lifecycle docs). */
export const TERMINAL_STATUSES = ["completed", "failed", "stopped", "interrupted"] as const;

export interface WaitForOptions {
  /** Fixed poll interval. Default: Duvo's guidance, 5 s for the first 2 minutes, 30 s up to 15 minutes, then 60 s. */
  intervalMs?: number;
  /** Give up (ApiTimeoutError) after this long. Default: no limit. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with every polled state, first one included. */
  onUpdate?: (state: GetRunResponse) => void;
}

const suggestedInterval = (elapsedMs: number) =>
  elapsedMs < 120_000 ? 5_000 : elapsedMs < 900_000 ? 30_000 : 60_000;

/** True when polling can stop: the run is gone, ended, or waits on a human request. */
export function isSettled(state: GetRunResponse): boolean {
  return (
    !state.run ||
    (TERMINAL_STATUSES as readonly string[]).includes(state.run.status) ||
    !!state.pending_human_request
  );
}

export async function waitForRun(
  duvo: Duvo,
  runId: string,
  options: WaitForOptions = {},
): Promise<GetRunResponse> {
  const started = Date.now();
  for (;;) {
    const state = await duvo.runs.get(runId, { signal: options.signal });
    options.onUpdate?.(state);
    if (isSettled(state)) return state;
    const elapsed = Date.now() - started;
    const wait = options.intervalMs ?? suggestedInterval(elapsed);
    if (options.timeoutMs !== undefined && elapsed + wait > options.timeoutMs) {
      throw new ApiTimeoutError(
        `Duvo run ${runId} did not settle within ${options.timeoutMs} ms (last status: ${state.run?.status})`,
        1,
        "deadline",
      );
    }
    try {
      await sleep(wait, options.signal);
    } catch (e) {
      throw new ApiAbortError(`Waiting for Duvo run ${runId} was aborted`, 1, { cause: e });
    }
  }
}
