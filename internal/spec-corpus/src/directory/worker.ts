// A child process that checks specs one at a time (`checkSpec`), sent to it by the pool over IPC: long-lived, so the
// compiler's libraries are parsed once per process, not once per spec; a spec that crashes, hangs or exhausts the
// heap takes down only this process (the pool kills it at the time limit and starts another).
import { checkSpec, type CheckOptions } from "./check-spec.js";
import { generatorHash } from "./result.js";

/** What the pool sends for each spec. */
export type WorkerJob = CheckOptions;

/** Peak resident memory while `work` runs, sampled (the process's own maxRSS would span every spec it has run). */
async function withPeakRss<T>(work: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  try {
    const value = await work();
    return [value, Math.max(peak, process.memoryUsage.rss())];
  } finally {
    clearInterval(timer);
  }
}

// The inputs as this process loaded them (its modules are loaded once, at start; the files may change later): every
// result it sends is filed under them. Hashed on the first job, which names the repository.
let generator: string | undefined;

process.on("message", async (job: WorkerJob) => {
  generator ??= generatorHash(job.repo, job.corpusPackage);
  const [check, peak] = await withPeakRss(() => checkSpec(job));
  process.send!({ check, generator, peakRssMb: Math.round(peak / (1 << 20)) });
});
process.send!({ ready: true });
