// Cold import: a fresh Node process that imports `@agentruns/duvo` and exits, against one that imports nothing, in
// interleaved runs; the difference of the medians is what the import costs (the module budget is a test:
// scripts/test/cold-import.test.ts).
import { spawnSync } from "node:child_process";

const run = (code: string) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: import.meta.dirname });
  if (r.status !== 0) throw new Error(`cold import failed: ${r.stderr}`);
  return performance.now() - t0;
};

/** Median ms of each, and the difference, over `rounds` interleaved runs. */
export function coldImport(rounds: number): { empty: number; duvo: number; over: number } {
  const empty: number[] = [];
  const duvo: number[] = [];
  for (let i = 0; i < rounds; i++) {
    empty.push(run(""));
    duvo.push(run('await import("@agentruns/duvo");'));
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
  return { empty: median(empty), duvo: median(duvo), over: median(duvo) - median(empty) };
}
