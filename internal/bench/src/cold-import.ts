// Cold import: a fresh Node process that imports `@agentruns/duvo` (or a full-featured peer SDK) and exits, against one
// that imports nothing, in interleaved runs; the difference of the medians is what the import costs (our module
// budget is a test: scripts/test/cold-import.test.ts).
import { spawnSync } from "node:child_process";

const run = (code: string) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: import.meta.dirname });
  if (r.status !== 0) throw new Error(`cold import failed: ${r.stderr}`);
  return performance.now() - t0;
};

/** What is imported, by name: ours, and the full-featured SDKs of other generators (their whole entry, as apps do). */
export const COLD_IMPORTS: Record<string, string> = {
  "@agentruns/duvo": 'await import("@agentruns/duvo");',
  "openai (Stainless)": 'await import("openai");',
  "@polar-sh/sdk (Speakeasy)": 'await import("@polar-sh/sdk");',
  "@polar-sh/sdk (Speakeasy, one standalone function)":
    'await import("@polar-sh/sdk/core.js"); await import("@polar-sh/sdk/funcs/customersGet.js");',
};

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;

/** Median ms of an empty node and of each import, and each one's cost over the empty node, in interleaved runs. */
export function coldImport(rounds: number): {
  empty: number;
  rows: { name: string; ms: number; over: number }[];
} {
  const empty: number[] = [];
  const times = Object.keys(COLD_IMPORTS).map(() => [] as number[]);
  const codes = Object.values(COLD_IMPORTS);
  for (let i = 0; i < rounds; i++) {
    empty.push(run(""));
    codes.forEach((code, k) => times[k]!.push(run(code)));
  }
  const base = median(empty);
  return {
    empty: base,
    rows: Object.keys(COLD_IMPORTS).map((name, k) => {
      const ms = median(times[k]!);
      return { name, ms, over: ms - base };
    }),
  };
}
