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
  for (const [file, text] of files) {
    const current = await readFile(path.join(dir, file), "utf8").catch(() => undefined);
    if (current === undefined) drift.push({ file, problem: "missing" });
    else if (current !== text) drift.push({ file, problem: "changed" });
  }
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
  for (const { file, problem } of drift) {
    const full = path.join(dir, file);
    if (problem === "not generated") {
      await rm(full);
      continue;
    }
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, files.get(file)!);
  }
  return drift;
}
