// Each provider's entry of providers.ts as a file of its own (scripts/.entries/<id>.json, not committed): the cache
// key of that provider's generate tasks, so editing one entry re-generates that provider alone. `pnpm generate`,
// `pnpm build` and `pnpm test` write them before Turbo hashes anything (generate.ts --keys).
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ProviderEntry } from "./provider.js";

/** Where the key files live, relative to the repository. */
export const ENTRY_KEYS = "scripts/.entries";

/** Writes each entry's key file where its content changed, and removes those of entries no longer there. */
export async function writeEntryKeys(root: string, entries: readonly ProviderEntry[]): Promise<string[]> {
  const dir = path.join(root, ENTRY_KEYS);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const entry of entries) {
    const file = path.join(dir, `${entry.id}.json`);
    const text = `${JSON.stringify(entry, null, 2)}\n`;
    if ((await readFile(file, "utf8").catch(() => undefined)) === text) continue;
    await writeFile(file, text);
    written.push(entry.id);
  }
  const ids = new Set(entries.map((e) => `${e.id}.json`));
  for (const name of await readdir(dir)) if (!ids.has(name)) await rm(path.join(dir, name), { force: true });
  return written;
}
