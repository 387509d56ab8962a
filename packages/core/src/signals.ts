// Cancellation plumbing on web-standard AbortController only: one controller per attempt, one deadline timer per
// call, and a single listener per caller signal however many calls share it (no EventTarget leak warnings).

type Callback = () => void;

interface FanOut {
  callbacks: Set<Callback>;
  listener: () => void;
}

/** The calls listening to each caller signal; the signal itself carries one listener (the fan-out) while any listen. */
const fanOuts = new WeakMap<AbortSignal, FanOut>();

/** Runs `callback` once when `signal` aborts; the returned function unsubscribes. */
export function onAbort(signal: AbortSignal, callback: Callback): () => void {
  let fan = fanOuts.get(signal);
  if (!fan) {
    const callbacks = new Set<Callback>();
    const listener = () => {
      fanOuts.delete(signal);
      for (const cb of callbacks) cb();
    };
    fan = { callbacks, listener };
    fanOuts.set(signal, fan);
    signal.addEventListener("abort", listener, { once: true });
  }
  fan.callbacks.add(callback);
  const live = fan;
  return () => {
    live.callbacks.delete(callback);
    if (live.callbacks.size === 0 && fanOuts.get(signal) === live) {
      fanOuts.delete(signal);
      signal.removeEventListener("abort", live.listener);
    }
  };
}

/** Why a call stopped early. */
export type Cancel = "abort" | "deadline";

/**
 * The life of one call: the caller's signal and the overall deadline end it, each attempt gets its own controller
 * and time-out, and the waits between attempts end as soon as the call does.
 */
export class CallScope {
  /** Set once the caller aborted or the deadline passed. */
  cancelled: Cancel | undefined;
  #controller: AbortController | undefined;
  #attemptTimer: ReturnType<typeof setTimeout> | undefined;
  #attemptTimedOut = false;
  #deadline: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void) | undefined;
  #wake: Callback | undefined;
  #whole: AbortController | undefined;
  readonly #signal: AbortSignal | undefined;

  constructor(signal: AbortSignal | undefined, deadlineMs: number | undefined) {
    this.#signal = signal;
    if (signal?.aborted) this.cancelled = "abort";
    else if (signal) this.#unsubscribe = onAbort(signal, () => this.#cancel("abort"));
    if (deadlineMs !== undefined && deadlineMs !== Infinity && !this.cancelled) {
      this.#deadline = setTimeout(() => this.#cancel("deadline"), deadlineMs);
    }
  }

  /** The caller's abort reason, if it aborted. */
  get reason(): unknown {
    return this.#signal?.reason;
  }

  /** A signal that aborts when the call is cancelled (made on first use: most calls never need one). */
  get signal(): AbortSignal {
    this.#whole ??= new AbortController();
    if (this.cancelled) this.#whole.abort();
    return this.#whole.signal;
  }

  #cancel(why: Cancel): void {
    if (this.cancelled) return;
    this.cancelled = why;
    this.#whole?.abort();
    this.#controller?.abort(why === "abort" ? this.#signal?.reason : new Error("deadline exceeded"));
    this.#wake?.();
  }

  /** Starts an attempt: its signal aborts on the caller's signal, the deadline, or after `timeoutMs`. */
  begin(timeoutMs: number): AbortSignal {
    const controller = new AbortController();
    this.#controller = controller;
    this.#attemptTimedOut = false;
    if (this.cancelled) controller.abort();
    else if (timeoutMs !== Infinity) {
      this.#attemptTimer = setTimeout(() => {
        this.#attemptTimedOut = true;
        controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    }
    return controller.signal;
  }

  /** Ends the current attempt (clears its timer); true when the attempt's own time-out fired. */
  end(): boolean {
    clearTimeout(this.#attemptTimer);
    this.#attemptTimer = undefined;
    this.#controller = undefined;
    return this.#attemptTimedOut;
  }

  /** Waits `ms` between attempts; resolves early (check `cancelled`) when the call is cancelled. */
  sleep(ms: number): Promise<void> {
    if (this.cancelled) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(id);
        this.#wake = undefined;
        resolve();
      };
      const id = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  /** Releases the deadline timer and the caller-signal subscription. */
  dispose(): void {
    clearTimeout(this.#deadline);
    clearTimeout(this.#attemptTimer);
    this.#unsubscribe?.();
    this.#wake = undefined;
  }
}

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const unsubscribe = signal
      ? onAbort(signal, () => {
          clearTimeout(id);
          reject(signal.reason);
        })
      : undefined;
    const id = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
  });
}
