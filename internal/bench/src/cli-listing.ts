// `agentruns runs list --provider duckie --format csv` over 100,000 runs (cursor pages from listing-server.ts, in its
// own process), wall time from spawn to exit with stdout read to its end, in interleaved runs beside a bare `node`
// start-up so the figure can be read against what any Node command line costs here.
import { fork, spawn } from "node:child_process";
import path from "node:path";

const CLI = path.resolve(import.meta.dirname, "../../../packages/cli/bin/agentruns.js");

/** Spawns `node args`, reads its stdout to the end; resolves to wall ms and the bytes it printed. */
function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let bytes = 0;
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (bytes += c.length));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve({ ms: performance.now() - t0, bytes })
        : reject(new Error(`exit ${code}: ${stderr.slice(0, 500)}`)),
    );
  });
}

export interface ListingTimes {
  rows: number;
  runs: number;
  /** Median, lowest and highest wall ms of the listing; median of a bare node's start-up in the same runs. */
  median: number;
  min: number;
  max: number;
  node: number;
}

/** `runs` interleaved runs of the CLI listing 100,000 runs as CSV, and of an empty `node -e ""`. */
export async function cliListing(runs: number): Promise<ListingTimes> {
  const rows = 100_000;
  const server = fork(path.join(import.meta.dirname, "listing-server.ts"), [], {
    env: { ...process.env, BENCH_ITEMS: String(rows) },
    execArgv: ["--import", "tsx"],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once("message", (m) => resolve(Number(m)));
      server.once("error", reject);
    });
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DUCKIE_API_KEY: "dk_bench",
      DUCKIE_BASE_URL: `http://127.0.0.1:${port}`,
    };
    const args = [CLI, "runs", "list", "--provider", "duckie", "--format", "csv"];
    const first = await timed(args, env); // warms the server and the file cache; not counted
    if (first.bytes < rows * 50) throw new Error(`the listing printed ${first.bytes} bytes for ${rows} rows`);
    const listing: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push((await timed(["-e", ""], env)).ms);
      listing.push((await timed(args, env)).ms);
    }
    const sorted = [...listing].sort((a, b) => a - b);
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
    return { rows, runs, median: median(listing), min: sorted[0]!, max: sorted.at(-1)!, node: median(node) };
  } finally {
    server.kill();
  }
}
