// The sub-window the fleet keeps: never more than the provider's limit in any of its windows (stretched by the
// reservation-to-arrival spread), and close to the limit where whole numbers allow.
import { describe, expect, it } from "vitest";
import { smoothing } from "../src/index.js";

describe("smoothing", () => {
  const cases: [number, number][] = [];
  for (const limit of [1, 2, 3, 5, 10, 60, 100, 200, 300, 600, 1000, 5000, 25000])
    for (const windowMs of [1000, 10_000, 60_000]) cases.push([limit, windowMs]);

  it.each(cases)("%i per %i ms: within the limit in any window, even 50 ms stretched", (limit, windowMs) => {
    const { burst, intervalMs } = smoothing(limit, windowMs, 0.95);
    expect(Number.isInteger(intervalMs) && intervalMs >= 1).toBe(true);
    expect(burst).toBeGreaterThanOrEqual(1);
    // Any span of windowMs + 50 ms meets at most ceil(span / interval) sub-windows of `burst` each.
    expect(burst * Math.ceil((windowMs + 50) / intervalMs)).toBeLessThanOrEqual(Math.max(limit, burst));
  });

  it("spreads requests out and stays near the limit for the providers' limits", () => {
    for (const [limit, windowMs] of [
      [300, 60_000],
      [5000, 60_000],
      [600, 60_000],
      [200, 1000],
    ] as const) {
      const { burst, intervalMs } = smoothing(limit, windowMs, 0.95);
      expect(intervalMs).toBeLessThan(windowMs / 10);
      expect((burst / intervalMs) * windowMs).toBeGreaterThanOrEqual(0.93 * limit);
    }
  });
});
