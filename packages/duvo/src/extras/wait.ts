// runs.waitFor(): poll a run until it reaches a terminal status or stops for a human, with Duvo's suggested intervals.
import { ApiAbortError, ApiTimeoutError, ValidationError, sleep } from "@agentruns/core";
import type { GetRunResponse } from "@agentruns/duvo-openapi";
import { runsGet, type DuvoCore } from "../generated/index.js";

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
  duvo: DuvoCore,
  runId: string,
  options: WaitForOptions = {},
): Promise<GetRunResponse> {
  const { intervalMs, timeoutMs, signal, onUpdate } = options ?? {};
  for (const [name, value] of [
    ["intervalMs", intervalMs],
    ["timeoutMs", timeoutMs],
  ] as const) {
    if (value !== undefined && (typeof value !== "number" || !(value > 0))) {
      throw new ValidationError(
        `Invalid input to Duvo runs.waitFor: ${name} must be a positive number of milliseconds, got ${String(value)}`,
        name,
      );
    }
  }
  const started = Date.now();
  let last: GetRunResponse | undefined;
  const giveUp = () =>
    new ApiTimeoutError(
      `Duvo run ${runId} did not settle within ${timeoutMs} ms (last status: ${last?.run?.status ?? "unknown"})`,
      1,
      "deadline",
    );
  for (;;) {
    // Each poll is bounded by what is left of timeoutMs, so a hung server cannot stretch the wait.
    const left = timeoutMs === undefined ? undefined : timeoutMs - (Date.now() - started);
    if (left !== undefined && left <= 0) throw giveUp();
    let state: GetRunResponse;
    try {
      state = await runsGet(duvo, runId, { signal, ...(left === undefined ? {} : { deadlineMs: left }) });
    } catch (e) {
      if (e instanceof ApiTimeoutError && e.kind === "deadline" && left !== undefined) throw giveUp();
      throw e;
    }
    last = state;
    onUpdate?.(state);
    if (isSettled(state)) return state;
    const elapsed = Date.now() - started;
    const wait = intervalMs ?? suggestedInterval(elapsed);
    if (timeoutMs !== undefined && elapsed + wait > timeoutMs) throw giveUp();
    try {
      await sleep(wait, signal);
    } catch (e) {
      throw new ApiAbortError(`Waiting for Duvo run ${runId} was aborted`, 1, { cause: e });
    }
  }
}
