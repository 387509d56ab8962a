// The changeset a new provider's packages are first released with: a minor bump of both, and of the MCP server and
// the CLI that now serve it, so its first version is 0.1.0 like every other package's (not the 0.0.1 a dependent's
// patch would give it). Written once, by `pnpm generate` scaffolding the provider; yours to edit before a release.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { ProviderEntry } from "./provider.js";

/** Writes `.changeset/add-<id>.md` unless it exists; returns its path. */
export async function writeFirstRelease(root: string, entry: ProviderEntry): Promise<string> {
  const file = path.join(root, ".changeset", `add-${entry.id}.md`);
  if (existsSync(file)) return file;
  const packages = [
    `@agentruns/${entry.id}-openapi`,
    `@agentruns/${entry.id}`,
    "@agentruns/mcp",
    "@agentruns/cli",
  ];
  await writeFile(
    file,
    [
      "---",
      ...packages.map((p) => `"${p}": minor`),
      "---",
      "",
      `${entry.title}: a typed client (\`@agentruns/${entry.id}-openapi\`) and an ergonomic one (\`@agentruns/${entry.id}\`), generated from \`${entry.spec}\`; its operations as MCP tools and \`agentruns ${entry.id} api\` commands.`,
      "",
    ].join("\n"),
  );
  return file;
}
