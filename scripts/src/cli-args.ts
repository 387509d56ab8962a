// The argument conventions the repository's scripts share: --root <dir> (another checkout, for tests) and provider ids.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { providers } from "../providers.js";
import type { ProviderEntry } from "./provider.js";

export interface Args {
  root: string;
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
}

/** Parses `--flag`, `--name value` (for the names in `valued`) and positionals. */
export function parseArgs(argv: string[], valued: readonly string[] = []): Args {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--root" || valued.includes(a)) options.set(a.slice(2), argv[++i] ?? "");
    else if (a.startsWith("--")) flags.add(a.slice(2));
    else positionals.push(a);
  }
  const root = options.has("root")
    ? path.resolve(options.get("root")!)
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  return { root, flags, options, positionals };
}

/** The providers named (all when none is), or exit 2 naming the unknown ones. */
export function selectProviders(ids: string[]): ProviderEntry[] {
  const unknown = ids.filter((id) => !providers.some((p) => p.id === id));
  if (unknown.length) {
    console.error(
      `Unknown provider(s): ${unknown.join(", ")}. Known: ${providers.map((p) => p.id).join(", ")}.`,
    );
    process.exit(2);
  }
  return providers.filter((p) => !ids.length || ids.includes(p.id));
}
