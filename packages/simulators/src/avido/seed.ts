// Deterministic Avido evaluation runs, shaped by the RunOutput schema (not by the spec's stale example).
import type { EvalType, RunOutput, RunType } from "@agentruns/avido-openapi";
import { Random } from "../random.js";

const TYPES: readonly (readonly [RunType, number])[] = [
  ["MANUAL", 3],
  ["SCHEDULED", 5],
  ["EXPERIMENT", 2],
  ["MONITORING", 4],
];
const EVALS: readonly [string, EvalType][] = [
  ["Naturalness", "NATURALNESS"],
  ["Brand style", "STYLE"],
  ["Recall of policy", "RECALL"],
  ["Refund accuracy", "CUSTOM"],
  ["Expected answer", "OUTPUT_MATCH"],
];

export interface AvidoRun {
  output: RunOutput;
  created: number;
  modified: number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** `count` runs created over the 180 days before `now`, oldest first. */
export function seedAvido(seed: number, count: number, now: number, applicationId: string): AvidoRun[] {
  const rng = new Random(seed);
  const variants = Array.from({ length: 4 }, () => rng.uuid());
  const span = 180 * 86_400_000;
  const times = Array.from({ length: count }, () => now - 60_000 - Math.floor(rng.next() * span)).sort(
    (a, b) => a - b,
  );
  return times.map((created) => {
    const type = rng.weighted(TYPES);
    const modified = Math.min(now, created + rng.int(0, 3_600_000));
    const evals = rng.chance(0.8)
      ? EVALS.filter(() => rng.chance(0.6)).map(([name, evalType]) => {
          const total = rng.int(1, 40);
          const passed = rng.int(0, total);
          return {
            id: rng.uuid(),
            name,
            type: evalType,
            passed,
            failed: total - passed,
            total,
            passRate: round((passed / total) * 100, 2),
            averageScore: round(rng.next(), 3),
          };
        })
      : undefined;
    const totals = evals?.reduce((t, e) => ({ passed: t.passed + e.passed, total: t.total + e.total }), {
      passed: 0,
      total: 0,
    });
    const output: RunOutput = {
      id: rng.uuid(),
      applicationId,
      createdAt: new Date(created).toISOString(),
      modifiedAt: new Date(modified).toISOString(),
      type,
      ...(type === "EXPERIMENT" ? { experimentVariantId: rng.pick(variants) } : {}),
      ...(evals && totals && totals.total
        ? {
            result: {
              passed: totals.passed,
              failed: totals.total - totals.passed,
              total: totals.total,
              passRate: round((totals.passed / totals.total) * 100, 2),
              averageScore: round(evals.reduce((s, e) => s + e.averageScore, 0) / evals.length, 3),
              evals,
            },
          }
        : {}),
    };
    return { output, created, modified };
  });
}
