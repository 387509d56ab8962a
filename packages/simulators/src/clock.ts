// Time for the simulators: a manual clock makes tests deterministic without sleeps; the real clock serves demos.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** Wall-clock time. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** Time that moves only when told to. Starts at 2026-01-15T12:00:00Z unless given a start. */
export class ManualClock implements Clock {
  #now: number;
  readonly #listeners = new Set<(now: number) => void>();

  constructor(start: number | Date | string = "2026-01-15T12:00:00.000Z") {
    this.#now = typeof start === "number" ? start : new Date(start).getTime();
    if (!Number.isFinite(this.#now)) throw new TypeError(`ManualClock: invalid start time ${String(start)}`);
  }

  now(): number {
    return this.#now;
  }

  /** Moves time forward and lets every simulator on this clock catch up (run transitions, webhooks). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`ManualClock.advance: ms must be >= 0, got ${ms}`);
    this.#now += ms;
    for (const listener of this.#listeners) listener(this.#now);
  }

  /** Called after every advance(); returns a function that unsubscribes. */
  onAdvance(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();
