// Runs spec checks in child processes, a few at a time: each child has a heap limit and a time limit, and one that
// hangs is killed and one that dies is recorded, so a spec can never stop the run.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SpecCheck } from "./check-spec.js";
import type { SpecResult } from "./result.js";

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
/** tsx's loader, resolved from here, so children run the TypeScript sources without a build. */
const TSX = fileURLToPath(import.meta.resolve("tsx"));

export interface Limits {
  /** Wall-clock time for one spec, all stages. */
  timeoutMs: number;
  /** V8 old-space limit of the child, in MB. */
  memoryMb: number;
}

export interface Job {
  id: string;
  providerId: string;
  bytes: number;
  /** Where its result is stored. */
  key: string;
  args: string[];
}

const STDERR_TAIL = 4000;

/** One spec in its own process. */
export function runJob(job: Job, limits: Limits): Promise<SpecResult> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = fork(WORKER, job.args, {
      execArgv: ["--import", TSX, `--max-old-space-size=${limits.memoryMb}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    let message: { check: SpecCheck; generator: string; peakRssMb: number } | undefined;
    child.on("message", (m) => (message = m as typeof message));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limits.timeoutMs);
    const base = { id: job.id, providerId: job.providerId, bytes: job.bytes };
    child.on("close", () => {
      clearTimeout(timer);
      const ms = Math.round(performance.now() - start);
      if (message)
        resolve({ ...base, outcome: "done", check: message.check, generator: message.generator, peakRssMb: message.peakRssMb, ms });
      else resolve({ ...base, outcome: timedOut ? "timeout" : "crash", ms, stderr });
    });
  });
}

/** Runs `jobs` with `concurrency` children at once, calling `done` as each finishes. */
export async function runPool(
  jobs: readonly Job[],
  concurrency: number,
  limits: Limits,
  done: (r: SpecResult) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      await done(await runJob(job, limits));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
}
