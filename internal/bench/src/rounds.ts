// Side-by-side timing: every contender runs in each round, in a rotated order, and each round's time is divided by
// the baseline's of the same round; the median of those ratios and their spread are what get reported.

export interface Contender {
  name: string;
  /** One unit of work (a call, a walk); awaited. */
  run: () => Promise<unknown>;
}

export interface Ratio {
  name: string;
  /** Median per-call time over the rounds (ms). */
  ms: number;
  /** Median of the per-round ratios to the baseline. */
  median: number;
  /** Lowest and highest per-round ratio, and the interquartile range. */
  min: number;
  max: number;
  q1: number;
  q3: number;
  /** This contender's time in each round (ms per unit), in round order. */
  perRound: number[];
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** `rounds` interleaved rounds of `calls` sequential units each (or `calls` spread over `concurrency` workers). */
export async function interleaved(
  contenders: Contender[],
  options: { rounds: number; calls: number; concurrency?: number; warmup?: number; clock?: "wall" | "cpu" },
): Promise<Ratio[]> {
  const { rounds, calls, concurrency = 1, warmup = 200, clock = "wall" } = options;
  /** Nanoseconds: wall-clock, or CPU time of this process (user + system). */
  const now = () => {
    if (clock === "wall") return process.hrtime.bigint();
    const u = process.cpuUsage();
    return BigInt(u.user + u.system) * 1000n;
  };
  const once = async (c: Contender) => {
    const start = now();
    const worker = async (n: number) => {
      for (let i = 0; i < n; i++) await c.run();
    };
    await Promise.all(Array.from({ length: concurrency }, () => worker(Math.ceil(calls / concurrency))));
    return Number(now() - start) / 1e6 / calls;
  };
  for (const c of contenders) for (let i = 0; i < warmup; i++) await c.run();
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    // Rotate who goes first, so no contender always runs on a warmer (or noisier) machine.
    for (let k = 0; k < contenders.length; k++) {
      const i = (r + k) % contenders.length;
      times[i]!.push(await once(contenders[i]!));
    }
  }
  return contenders.map((c, i) => ratioOf(c.name, times[i]!, times[0]!));
}

/** `perRound` against `baseline` (same rounds): the median time, and the median and spread of the per-round ratios. */
function ratioOf(name: string, perRound: number[], baseline: number[]): Ratio {
  const ratios = perRound.map((t, r) => t / baseline[r]!).sort((a, b) => a - b);
  const ms = [...perRound].sort((a, b) => a - b);
  return {
    name,
    ms: quantile(ms, 0.5),
    median: quantile(ratios, 0.5),
    min: ratios[0]!,
    max: ratios.at(-1)!,
    q1: quantile(ratios, 0.25),
    q3: quantile(ratios, 0.75),
    perRound,
  };
}

/** Whether a ratio's difference from 1 is inside the round-to-round noise (its interquartile range spans 1). */
export const insideNoise = (r: Ratio): boolean => r.q1 <= 1 && r.q3 >= 1;

/** `a` against `b` as one more Ratio: the median and spread of their per-round ratios (same rounds, same run). */
export const against = (a: Ratio, b: Ratio, name = `${a.name} ÷ ${b.name}`): Ratio =>
  ratioOf(name, a.perRound, b.perRound);
