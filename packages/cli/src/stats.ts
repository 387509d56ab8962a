// `agentruns runs stats`: runs per provider × status over a period, and runs per day as a sparkline.
import { EXIT } from "./exit-codes.js";
import type { Context } from "./context.js";
import { mergedRows, type ListRequest } from "./listing.js";
import type { Source } from "./merge.js";
import { describeError } from "./report.js";
import { STATUSES, type Row, type Status } from "./rows.js";

export interface Stats {
  since: string;
  counts: Record<string, Partial<Record<Status, number>>>;
  /** Runs per UTC day from `since` to today, oldest first. */
  days: { date: string; runs: number }[];
}

/** Counts the runs of `sources` since `since`; a provider that fails is reported and left out (exit code 3). */
export async function statsOf(ctx: Context, sources: Source<Row>[], request: ListRequest, since: string) {
  const counts: Stats["counts"] = Object.fromEntries(sources.map((s) => [s.label, {}]));
  const perDay = new Map<string, number>();
  const first = since.slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  for (let d = Date.parse(first); d <= Date.parse(today); d += 86_400_000)
    perDay.set(new Date(d).toISOString().slice(0, 10), 0);
  const failures: string[] = [];
  const onFailure = (provider: string, error: unknown) => {
    failures.push(provider);
    delete counts[provider];
    ctx.error(`agentruns: ${provider} failed, it is not counted: ${describeError(error)}`);
  };
  for await (const row of mergedRows(sources, request, onFailure)) {
    const c = counts[row.provider]!;
    c[row.status] = (c[row.status] ?? 0) + 1;
    const day = row.created_at.slice(0, 10);
    if (perDay.has(day)) perDay.set(day, perDay.get(day)! + 1);
  }
  const stats: Stats = { since, counts, days: [...perDay].map(([date, runs]) => ({ date, runs })) };
  const code = !failures.length ? EXIT.ok : failures.length === sources.length ? EXIT.api : EXIT.partial;
  return { stats, code };
}

const BARS = "▁▂▃▄▅▆▇█";

/** `▁▃█▅`: one bar per value, scaled to the largest. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BARS[0] : BARS[Math.round((v / max) * (BARS.length - 1))])).join("");
}

export function renderStats(stats: Stats): string {
  const providers = Object.keys(stats.counts);
  const used = STATUSES.filter((s) => providers.some((p) => stats.counts[p]![s]));
  const width = Math.max(8, ...used.map((s) => s.length));
  const lines = [
    ["provider".padEnd(8), ...used.map((s) => s.padStart(width)), "total".padStart(width)].join("  "),
  ];
  for (const p of providers) {
    const c = stats.counts[p]!;
    const total = Object.values(c).reduce((a, b) => a + (b ?? 0), 0);
    lines.push(
      [
        p.padEnd(8),
        ...used.map((s) => String(c[s] ?? 0).padStart(width)),
        String(total).padStart(width),
      ].join("  "),
    );
  }
  const runs = stats.days.map((d) => d.runs);
  lines.push(
    "",
    `per day since ${stats.since.slice(0, 10)}: ${sparkline(runs)} (max ${Math.max(0, ...runs)}/day, ${runs.reduce((a, b) => a + b, 0)} runs)`,
  );
  return `${lines.join("\n")}\n`;
}
