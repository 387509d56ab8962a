// Walking every item of a paged list: our `for await` over Duvo's offset pages against a hand-written raw fetch loop,
// CPU time of this process per walk (the server runs elsewhere), and the heap while walking 10k and 1M items.
import { undiciTransport } from "@agentruns/core/undici";
import { Duvo } from "@agentruns/duvo";
import { interleaved, type Ratio } from "./rounds.js";

/** The hand loop; with `timeout`, each page request can be ended by a timer, as any client with time-outs does. */
async function rawWalk(base: string, timeout = false): Promise<number> {
  let offset = 0;
  let count = 0;
  for (;;) {
    const controller = timeout ? new AbortController() : undefined;
    const timer = controller && setTimeout(() => controller.abort(), 60_000);
    let page: { data: { id: string }[]; total: number };
    try {
      const r = await fetch(`${base}/v1/runs?limit=100&offset=${offset}`, {
        headers: { authorization: "Bearer k" },
        signal: controller?.signal,
      });
      if (!r.ok) throw new Error(`raw walk: ${r.status}`);
      page = (await r.json()) as typeof page;
    } finally {
      clearTimeout(timer); // the time limit covers the body, as the client's does
    }
    // Every item visited, as the client's walk does.
    for (const run of page.data) if (run.id) count++;
    offset += page.data.length;
    if (offset >= page.total || page.data.length === 0) return count;
  }
}

async function ourWalk(duvo: Duvo): Promise<number> {
  let count = 0;
  for await (const run of duvo.runs.list({ limit: 100 })) if (run.id) count++;
  return count;
}

/** CPU ratio of our walk to the raw loop over `rounds` interleaved rounds (CPU time of this process, not wall). */
export async function paginationCpu(base: string, rounds: number): Promise<Ratio[]> {
  const duvo = new Duvo({ apiKey: "k", baseUrl: base, env: {} });
  const fast = new Duvo({ apiKey: "k", baseUrl: base, env: {}, transport: undiciTransport() });
  return interleaved(
    [
      { name: "raw fetch loop", run: () => rawWalk(base) },
      { name: "raw fetch loop + time-out", run: () => rawWalk(base, true) },
      { name: "@agentruns/duvo for await", run: () => ourWalk(duvo) },
      { name: "@agentruns/duvo + undiciTransport() for await", run: () => ourWalk(fast) },
    ],
    { rounds, calls: 1, warmup: 1, clock: "cpu" },
  );
}

/**
 * The heap (MB) still in use while walking every item of `base`'s list: measured after a full garbage collection
 * every 10,000 items (the bench runs with --expose-gc), the largest of those; flat means nothing walked is kept.
 */
export async function walkHeapMb(base: string): Promise<{ items: number; peakMb: number }> {
  const duvo = new Duvo({ apiKey: "k", baseUrl: base, env: {} });
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run the bench with node --expose-gc (pnpm bench does)");
  gc();
  let items = 0;
  let peak = 0;
  for await (const run of duvo.runs.list({ limit: 100 })) {
    if (run.id && ++items % 10_000 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return { items, peakMb: peak / 2 ** 20 };
}
