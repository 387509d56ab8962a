// Writes a rendered package to disk, or compares it with what is on disk (the drift check).
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Directories whose every file is generated: a file there that the generator did not render is stale. */
export const OWNED_DIRS = ["src", "spec"];

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

export interface Drift {
  file: string;
  problem: "missing" | "changed" | "not generated";
}

/** Differences between the rendered files and the package directory; empty when it is current. */
export async function diffPackage(
  dir: string,
  files: Map<string, string>,
  owned: readonly string[] = OWNED_DIRS,
): Promise<Drift[]> {
  const drift: Drift[] = [];
  await inBatches([...files], async ([file, text]) => {
    const current = await readFile(path.join(dir, file), "utf8").catch(() => undefined);
    if (current === undefined) drift.push({ file, problem: "missing" });
    else if (current !== text) drift.push({ file, problem: "changed" });
  });
  // In the files' order, whatever order the reads finished in.
  const order = new Map([...files.keys()].map((f, i) => [f, i]));
  drift.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  for (const dirName of owned) {
    for (const file of await listFiles(path.join(dir, dirName))) {
      const rel = `${dirName}/${file}`;
      if (!files.has(rel)) drift.push({ file: rel, problem: "not generated" });
    }
  }
  return drift;
}

/** Writes the rendered files, removes stale files from generated-only directories; returns what changed. */
export async function writePackage(
  dir: string,
  files: Map<string, string>,
  owned: readonly string[] = OWNED_DIRS,
): Promise<Drift[]> {
  const drift = await diffPackage(dir, files, owned);
  for (const { file } of drift.filter((d) => d.problem === "not generated")) await rm(path.join(dir, file));
  const writes = drift.filter((d) => d.problem !== "not generated").map((d) => path.join(dir, d.file));
  for (const folder of new Set(writes.map((f) => path.dirname(f)))) await mkdir(folder, { recursive: true });
  await inBatches(writes, (full) =>
    writeFile(full, files.get(path.relative(dir, full).split(path.sep).join("/"))!),
  );
  return drift;
}

/**
 * `work` for each item, a few at a time: a large spec's per-operation layout is tens of thousands of files, and one
 * at a time their reads and writes were seconds of waiting.
 */
async function inBatches<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
  size = 32,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
