// Regenerates (or diffs) one provider's typed package: the step `pnpm generate` and `pnpm spec:update` share.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { diffPackage, writePackage, type Drift } from "./files.js";
import { normalizeSpec } from "./normalize.js";
import { describeProvider, loadSpec, type ProviderEntry } from "./provider.js";
import { renderPackage } from "./render.js";

/** The package's current version, kept across regeneration (changesets own it). */
export async function packageVersion(dir: string): Promise<string | undefined> {
  return readFile(path.join(dir, "package.json"), "utf8")
    .then((text) => JSON.parse(text).version as string)
    .catch(() => undefined);
}

/** Renders `packages/<id>-openapi` from the spec; writes it, or with `check` only reports what differs. */
export async function generatePackage(
  root: string,
  entry: ProviderEntry,
  check = false,
): Promise<{ dir: string; drift: Drift[] }> {
  const dir = path.join(root, "packages", `${entry.id}-openapi`);
  const { doc: raw } = await loadSpec(root, entry);
  const { doc, warnings } = normalizeSpec(raw, entry.spec);
  for (const w of warnings) console.warn(`warning: ${w}`);
  const files = await renderPackage(describeProvider(entry, doc), doc, {
    root,
    version: await packageVersion(dir),
    workspace: true,
    ergonomic: existsSync(path.join(root, "packages", entry.id, "package.json")),
  });
  return { dir, drift: check ? await diffPackage(dir, files) : await writePackage(dir, files) };
}
