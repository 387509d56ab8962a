// Cancellation plumbing on web-standard AbortController only (AbortSignal.any is missing before Node 20.3).

/** A signal that aborts when any input aborts; `dispose` detaches the listeners. */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const live = signals.filter((s): s is AbortSignal => !!s);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const s of live) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener("abort", onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => live.forEach((s) => s.removeEventListener("abort", onAbort)),
  };
}

/** A controller that aborts itself after `ms` (never when ms is undefined or Infinity). */
export function timer(ms: number | undefined): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  if (ms === undefined || !Number.isFinite(ms)) return { signal: controller.signal, clear() {} };
  const id = setTimeout(() => controller.abort(new Error(`timed out after ${ms} ms`)), Math.max(0, ms));
  return { signal: controller.signal, clear: () => clearTimeout(id) };
}

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(id);
      reject(signal!.reason);
    };
    const id = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
