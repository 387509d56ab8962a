// Which directory specs a run takes: all of them, the named ones, or a seeded random sample that is the same for the
// same seed and directory (so a sample's results can be compared across generator changes).
import type { DirectorySpec } from "./source.js";

/** A small, fast PRNG (mulberry32): deterministic per seed, good enough to shuffle a list. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** All specs, the named ones, or a seeded sample (of the specs up to `maxBytes`, when given). */
export type Selection =
  { all: true } | { only: string[] } | { sample: number; seed: number; maxBytes?: number };

/** The chosen specs, in the order they will run; an `only` id that is not in the directory is an error. */
export function selectSpecs(specs: readonly DirectorySpec[], selection: Selection): DirectorySpec[] {
  if ("all" in selection) return [...specs];
  if ("only" in selection) {
    const byId = new Map(specs.map((s) => [s.id, s]));
    const unknown = selection.only.filter((id) => !byId.has(id));
    if (unknown.length) throw new Error(`not in the directory: ${unknown.join(", ")}`);
    return selection.only.map((id) => byId.get(id)!);
  }
  const random = seededRandom(selection.seed);
  const shuffled = specs.filter((s) => selection.maxBytes === undefined || s.bytes <= selection.maxBytes);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, Math.min(selection.sample, shuffled.length));
}

/** A provider id the generator accepts (`^[a-z][a-z0-9-]*$`) for a directory id: `amazonaws.com/acm` → `amazonaws-com-acm`. */
export function providerIdOf(directoryId: string): string {
  const id = directoryId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(id) ? id : `api-${id}`;
}

/**
 * The sample `pnpm test` runs: 40 specs drawn with a fixed seed from those up to 1 MB (the larger ones, up to 47 MB,
 * run in `pnpm corpus`; this bound keeps `pnpm test` within its time budget on two cores).
 */
export const SAMPLE = { sample: 40, seed: 20_261_201, maxBytes: 1_000_000 } as const;
