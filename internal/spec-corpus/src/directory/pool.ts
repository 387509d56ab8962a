// Runs spec checks in a few long-lived child processes: each has a heap limit, each spec a time limit; a child that
// hangs is killed and one that dies is recorded and replaced, so a spec can never stop the run.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SpecCheck } from "./check-spec.js";
import type { SpecResult } from "./result.js";
import type { WorkerJob } from "./worker.js";

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
/** tsx's loader, resolved from here, so children run the TypeScript sources without a build. */
const TSX = fileURLToPath(import.meta.resolve("tsx"));

export interface Limits {
  /** Wall-clock time for one spec, all stages. */
  timeoutMs: number;
  /** V8 old-space limit of a child, in MB. */
  memoryMb: number;
}

export interface Job {
  id: string;
  providerId: string;
  bytes: number;
  /** Where its result is stored. */
  key: string;
  work: WorkerJob;
}

const STDERR_TAIL = 4000;

type Answer = { check: SpecCheck; generator: string; peakRssMb: number };

/** One child process, reused for job after job until it dies or is killed. */
class Worker {
  private child: ChildProcess;
  private stderr = "";
  private readonly ready: Promise<void>;

  constructor(limits: Limits) {
    this.child = fork(WORKER, [], {
      execArgv: ["--import", TSX, `--max-old-space-size=${limits.memoryMb}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.child.stderr!.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    this.ready = new Promise((resolve) => this.child.once("message", () => resolve()));
    this.exited = new Promise((resolve) => this.child.once("exit", () => resolve("crash")));
  }

  /** Settles when the process ends, however (one listener for the process's whole life). */
  private readonly exited: Promise<"crash">;

  /** The job's answer, or how the process ended: killed at the time limit, or died. */
  async run(
    job: WorkerJob,
    timeoutMs: number,
  ): Promise<Answer | { died: "timeout" | "crash"; stderr: string }> {
    const exited = this.exited;
    const ready = await Promise.race([this.ready.then(() => "ready" as const), exited]);
    if (ready === "crash") return { died: "crash", stderr: this.stderr };
    this.stderr = "";
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<Answer>((resolve) => this.child.once("message", (m) => resolve(m as Answer)));
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        this.child.kill("SIGKILL");
        resolve("timeout");
      }, timeoutMs);
    });
    this.child.send(job);
    const outcome = await Promise.race([answer, timedOut, exited]);
    clearTimeout(timer);
    if (typeof outcome === "string") {
      this.child.kill("SIGKILL");
      return { died: outcome, stderr: this.stderr };
    }
    return outcome;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && !this.child.killed;
  }

  close(): void {
    this.child.kill();
  }
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
    let worker: Worker | undefined;
    try {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        if (!worker?.alive) worker = new Worker(limits);
        const start = performance.now();
        const answer = await worker.run(job.work, limits.timeoutMs);
        const ms = Math.round(performance.now() - start);
        const base = { id: job.id, providerId: job.providerId, bytes: job.bytes, ms };
        await done(
          "died" in answer
            ? { ...base, outcome: answer.died, stderr: answer.stderr }
            : {
                ...base,
                outcome: "done",
                check: answer.check,
                generator: answer.generator,
                peakRssMb: answer.peakRssMb,
              },
        );
      }
    } finally {
      worker?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
}
