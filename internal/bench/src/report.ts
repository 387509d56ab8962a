// How a set of side-by-side ratios reads in docs/benchmarks.md: one table row per contender with its median, spread
// and verdict (inside the noise, slower, faster), shared by every section of the report.
import { insideNoise, type Ratio } from "./rounds.js";

export const x = (n: number) => `${n.toFixed(2)}×`;
export const spread = (r: Ratio) =>
  `${r.q1.toFixed(2)}–${r.q3.toFixed(2)} (min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)})`;
const verdict = (r: Ratio, i: number) =>
  i === 0 ? "baseline" : insideNoise(r) ? "inside the noise" : r.median > 1 ? "slower" : "faster";

export function ratioTable(ratios: Ratio[], unit = "ms/call"): string {
  return [
    `| client | median ${unit} | × baseline (median of per-round ratios) | interquartile range of the ratios | verdict |`,
    "|---|---:|---:|---|---|",
    ...ratios.map(
      (r, i) => `| ${r.name} | ${r.ms.toFixed(3)} | ${x(r.median)} | ${spread(r)} | ${verdict(r, i)} |`,
    ),
  ].join("\n");
}
