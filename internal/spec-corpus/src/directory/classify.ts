// Groups failures into classes: the same compiler error or generator exception across specs, with the names, numbers
// and pointers that differ from spec to spec taken out, so one root cause is one line of the report.
import { STAGES, type Stage } from "./check-spec.js";
import type { SpecResult } from "./result.js";

/** `src/generated/functions.ts(12): TS1016 A required … 'foo' …` → `TS1016 A required … '…' … (functions.ts)`. */
export function classOf(message: string): string {
  const ts = /^(?<file>[^:(]+)(?:\(\d+\))?: (?<code>TS\d+) (?<text>.*)$/s.exec(message);
  const text = (ts?.groups?.text ?? message)
    .replace(/(["'`])(?:(?!\1).)*\1/g, "$1…$1")
    .replace(/#\/[^\s,;)]*/g, "#/…")
    .replace(/\bspecs\/[^\s:]+/g, "<spec>")
    .replace(/\b\d+\b/g, "N")
    .replace(/\s+/g, " ")
    .slice(0, 180);
  if (!ts) return text;
  const file = ts.groups!.file!.replace(/^.*\//, "");
  return `${ts.groups!.code} ${text} (${file})`;
}

/** The first of our stages that failed, or the outcome when the process itself died. */
export function failedStage(r: SpecResult): Stage | "timeout" | "crash" | undefined {
  if (r.outcome === "timeout" || r.outcome === "crash") return r.outcome;
  return STAGES.filter((s) => s !== "alone").find((s) => r.check?.stages[s] && !r.check.stages[s]!.ok);
}

/** The failure classes of one spec (each counted once per spec), keyed `stage: class`. */
export function classesOf(r: SpecResult): string[] {
  const stage = failedStage(r);
  if (!stage) return [];
  if (stage === "timeout") return ["timeout: over the per-spec time limit"];
  if (stage === "crash")
    return [
      /heap out of memory|Allocation failed/i.test(r.stderr ?? "")
        ? "crash: out of memory"
        : `crash: ${classOf(lastLine(r.stderr))}`,
    ];
  const errors = r.check!.stages[stage]!.errors ?? [];
  return [...new Set(errors.map((e) => `${stage}: ${classOf(e)}`))];
}

const lastLine = (text = "") =>
  text
    .trim()
    .split("\n")
    .filter((l) => /\S/.test(l))
    .at(-1) ?? "exited without a result";

export interface FailureClass {
  key: string;
  specs: string[];
  example: string;
}

/** Every class over `results`, most specs first. */
export function groupFailures(results: readonly SpecResult[]): FailureClass[] {
  const classes = new Map<string, FailureClass>();
  for (const r of results) {
    for (const key of classesOf(r)) {
      let c = classes.get(key);
      if (!c) {
        const stage = failedStage(r)!;
        const example =
          stage === "timeout" || stage === "crash"
            ? lastLine(r.stderr)
            : (r.check!.stages[stage]!.errors ?? []).find((e) => `${stage}: ${classOf(e)}` === key)!;
        classes.set(key, (c = { key, specs: [], example }));
      }
      c.specs.push(r.id);
    }
  }
  return [...classes.values()].sort((a, b) => b.specs.length - a.specs.length || (a.key < b.key ? -1 : 1));
}
