// Every default of a client in one place, so a call's options are resolved against one object and the documented
// defaults cannot drift from the ones in force.
import { DEFAULT_RETRY } from "./retry.js";

export const DEFAULTS = {
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** Time limit of one attempt, body included. */
  timeoutMs: 60_000,
  /** Time limit of a whole call: none. */
  deadlineMs: undefined as number | undefined,
  /** Backoff tuning. */
  retry: DEFAULT_RETRY,
} as const;
