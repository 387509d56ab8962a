// Regenerates (or diffs) one provider's two packages, the typed `<id>-openapi` and the ergonomic `<id>`: the step
// `pnpm generate` and `pnpm spec:update` share.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CLIENT_OWNED, emitClientPackage } from "./emit/client-package.js";
import { format } from "./emit/format.js";
import { cliDependencies, renderCliProviders } from "./emit/registries/cli.js";
import { mcpDependencies, renderMcpProviders } from "./emit/registries/mcp.js";
import { emitTypedPackage } from "./emit/typed-package.js";
import { diffPackage, writePackage, type Drift } from "./files.js";
import { loadModel } from "./model.js";
import type { ProviderEntry } from "./provider.js";

/** The package's current version, kept across regeneration (changesets own it). */
export async function packageVersion(dir: string): Promise<string | undefined> {
  return readFile(path.join(dir, "package.json"), "utf8")
    .then((text) => JSON.parse(text).version as string)
    .catch(() => undefined);
}

/**
 * Which of a provider's packages to render: both (`pnpm generate --check`, a new provider), or one (its own task);
 * `mcp` and `cli` are packages/mcp's and packages/cli's registries of every provider.
 */
export type PackagePart = "both" | "typed" | "client" | "mcp" | "cli";

/**
 * A package that serves or tests every provider of providers.ts: packages/mcp and packages/cli from a generated
 * registry, scripts/ (whose tests measure every client: bundle and type budgets) by depending on each.
 */
interface RegistryPackage {
  /** Relative to the repository root. */
  dir: string;
  /** Its `src/generated/providers.ts`, for a package that has a registry. */
  render?(entries: readonly ProviderEntry[]): string;
  dependencies(entries: readonly ProviderEntry[]): string[];
  field: "dependencies" | "devDependencies";
}

const REGISTRIES: readonly RegistryPackage[] = [
  { dir: "packages/mcp", render: renderMcpProviders, dependencies: mcpDependencies, field: "dependencies" },
  { dir: "packages/cli", render: renderCliProviders, dependencies: cliDependencies, field: "dependencies" },
  {
    dir: "scripts",
    dependencies: (entries) => entries.flatMap((e) => [`@agentruns/${e.id}`, `@agentruns/${e.id}-openapi`]),
    field: "devDependencies",
  },
];

/**
 * The generated registries of `entries` (packages/mcp's tools, packages/cli's clients); a provider missing from a
 * package's package.json dependencies is added there (the workspace link follows at the next `pnpm install`, which
 * `pnpm generate` runs for a new provider). A checkout without one of the packages (a scratch copy of a provider's
 * packages) has no registry to keep there; `only` limits the work to one of them (its own generate task).
 */
export async function generateRegistries(
  root: string,
  entries: readonly ProviderEntry[],
  check = false,
  only?: string,
): Promise<{ dir: string; drift: Drift[] }[]> {
  const out: { dir: string; drift: Drift[] }[] = [];
  for (const registry of REGISTRIES) {
    if (only !== undefined && path.basename(registry.dir) !== only) continue;
    const dir = path.join(root, registry.dir);
    if (!existsSync(path.join(dir, "package.json"))) continue;
    const files = new Map<string, string>();
    if (registry.render)
      files.set("src/generated/providers.ts", await format(root, "providers.ts", registry.render(entries)));
    const manifest = path.join(dir, "package.json");
    const pkg = JSON.parse(await readFile(manifest, "utf8"));
    const field = registry.field;
    const missing = registry.dependencies(entries).filter((name) => !pkg[field]?.[name]);
    if (missing.length) {
      const range = field === "devDependencies" ? "workspace:*" : "workspace:^";
      pkg[field] = Object.fromEntries(
        Object.entries<string>({
          ...pkg[field],
          ...Object.fromEntries(missing.map((m) => [m, range])),
        }).sort(([a], [b]) => a.localeCompare(b)),
      );
      files.set("package.json", await format(root, "package.json", `${JSON.stringify(pkg, null, 2)}\n`));
    }
    const owned = registry.render ? ["src/generated"] : [];
    out.push({
      dir,
      drift: check ? await diffPackage(dir, files, owned) : await writePackage(dir, files, owned),
    });
  }
  return out;
}

/** Renders the provider's packages from one model of its spec; writes them, or with `check` only reports what differs. */
export async function generatePackage(
  root: string,
  entry: ProviderEntry,
  check = false,
  part: PackagePart = "both",
): Promise<{ dir: string; drift: Drift[] }[]> {
  const model = await loadModel(root, entry);
  for (const w of model.warnings) console.warn(`warning: ${w}`);
  const out: { dir: string; drift: Drift[] }[] = [];
  if (part !== "client") {
    const dir = path.join(root, "packages", `${entry.id}-openapi`);
    const files = await emitTypedPackage(model, {
      root,
      version: await packageVersion(dir),
      workspace: true,
      ergonomic: true,
    });
    out.push({ dir, drift: check ? await diffPackage(dir, files) : await writePackage(dir, files) });
  }
  if (part !== "typed") {
    const dir = path.join(root, "packages", entry.id);
    const files = await emitClientPackage(model, { root }, (file) => existsSync(path.join(dir, file)));
    out.push({
      dir,
      drift: check
        ? await diffPackage(dir, files, CLIENT_OWNED)
        : await writePackage(dir, files, CLIENT_OWNED),
    });
  }
  return out;
}
