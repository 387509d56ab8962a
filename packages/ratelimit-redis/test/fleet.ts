// The fleet run shared by this package's test and `pnpm bench`: 8 worker processes (fleet-worker.mjs) on one API key
// against a Duvo simulator limited to `limit` per `windowMs`, with the shared Redis limiter or each with its own.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { smoothing } from "../src/index.js";

/** The share of the limit the workers' shared limiter uses: passed to each worker, and the design rate's input. */
const HEADROOM = 0.95;

export interface FleetOptions {
  simulatorUrl: string;
  redisUrl: string;
  workers: number;
  calls: number;
  limit: number;
  windowMs: number;
}

/**
 * Runs the fleet: the workers start together once all have loaded, share one count of calls and one API key (a
 * fresh one per run: the simulator counts per key); totals, and throughput in calls per second from the start.
 */
export async function runFleet(mode: "shared" | "local", o: FleetOptions) {
  const worker = path.join(import.meta.dirname, "fleet-worker.mjs");
  const run = `${mode}-${Date.now()}`;
  const args = [
    worker,
    o.simulatorUrl,
    o.redisUrl,
    mode,
    run,
    o.calls,
    o.limit,
    o.windowMs,
    o.workers,
    HEADROOM,
  ].map(String);
  const results = await Promise.all(
    Array.from({ length: o.workers }, () =>
      promisify(execFile)(process.execPath, args).then(
        ({ stdout }) =>
          JSON.parse(stdout) as {
            ok: number;
            limited: number;
            start: number;
            end: number;
            waited: number;
            loops: number;
            /** When the shared limiter admitted the worker's first and last call (null: it admitted none). */
            firstGrant: number | null;
            lastGrant: number | null;
          },
      ),
    ),
  );
  const ok = results.reduce((n, r) => n + r.ok, 0);
  const limited = results.reduce((n, r) => n + r.limited, 0);
  const seconds = (Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start))) / 1000;
  // What the fleet could send had the limiter held nothing back: each worker's calls over the time its loops spent
  // not waiting on the limiter. A busy machine lowers it; a limiter that holds calls back without need does not.
  const unheld = results.reduce((rate, r) => {
    const busy = (r.loops * (r.end - r.start) - r.waited) / r.loops / 1000;
    return rate + (r.ok + r.limited) / Math.max(busy, 0.001);
  }, 0);
  // What the shared limiter admitted, from its own grants: the calls after its first burst over the time from the
  // first grant to the last (N calls in bursts of `burst` every `intervalMs` span (N / burst - 1) intervals), against
  // the rate it is designed to keep. Request latency and process start-up are not in it.
  const design = smoothing(o.limit, o.windowMs, HEADROOM);
  const firsts = results.map((r) => r.firstGrant).filter((t): t is number => Number.isFinite(t));
  const lasts = results.map((r) => r.lastGrant).filter((t): t is number => Number.isFinite(t));
  const span = (Math.max(...lasts) - Math.min(...firsts)) / 1000;
  return {
    ok,
    limited,
    perSecond: (ok + limited) / seconds,
    unheldPerSecond: unheld,
    admittedPerSecond: firsts.length ? (ok + limited - design.burst) / span : undefined,
    designPerSecond: (design.burst * 1000) / design.intervalMs,
  };
}
