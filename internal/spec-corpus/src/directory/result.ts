// What a run records of one spec, and where: one JSON file per spec under the hash of the spec and of everything the
// result depends on (generator, core, compiler versions), so a rerun with nothing changed skips it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SpecCheck } from "./check-spec.js";

export interface SpecResult {
  id: string;
  providerId: string;
  bytes: number;
  /** `done`: the stages ran (each passed or failed); `timeout` / `crash`: the process was killed or died. */
  outcome: "done" | "timeout" | "crash";
  check?: SpecCheck;
  /** The generator inputs' hash the checking process loaded (see generatorHash). */
  generator?: string;
  peakRssMb?: number;
  ms: number;
  /** The tail of the process's stderr when it died. */
  stderr?: string;
}

/** Files whose content decides a result: the generator and its templates, the core, the checks themselves. */
const INPUT_DIRS = ["scripts/src", "scripts/templates", "packages/core/src"];
const INPUT_FILES = [
  "tsconfig.base.json",
  ".prettierrc.json",
  "packages/core/package.json",
  "scripts/build-package.mjs",
  ...["check-spec.ts", "compile.ts", "worker.ts"].map((f) => `internal/spec-corpus/src/directory/${f}`),
];
/** Tools whose version decides a result. */
const TOOLS = ["typescript", "openapi-typescript", "prettier", "openapi-fetch"];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The hash of everything but the spec that a result depends on. */
export function generatorHash(repo: string, corpusPackage: string): string {
  const hash = createHash("sha256");
  const files = [
    ...INPUT_DIRS.flatMap((d) => filesUnder(path.join(repo, d))),
    ...INPUT_FILES.map((f) => path.join(repo, f)),
  ];
  for (const f of files)
    hash.update(path.relative(repo, f)).update("\0").update(readFileSync(f)).update("\0");
  for (const tool of TOOLS) {
    const pkg = path.join(corpusPackage, "node_modules", tool, "package.json");
    hash.update(`${tool}@${JSON.parse(readFileSync(pkg, "utf8")).version}\0`);
  }
  return hash.digest("hex").slice(0, 20);
}

/** The cache key of one spec's result: its bytes' hash under the generator's. */
export const resultKey = (generator: string, specBytes: Buffer): string =>
  createHash("sha256").update(generator).update("\0").update(specBytes).digest("hex").slice(0, 24);

export class ResultStore {
  constructor(private readonly dir: string) {}
  private file = (key: string) => path.join(this.dir, `${key}.json`);

  async get(key: string): Promise<SpecResult | undefined> {
    return readFile(this.file(key), "utf8")
      .then((t) => JSON.parse(t) as SpecResult)
      .catch(() => undefined);
  }

  async put(key: string, result: SpecResult): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file(key)}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(result) + "\n");
    await rename(tmp, this.file(key));
  }
}
