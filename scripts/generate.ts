// CLI: regenerate (or, with --check, verify) the typed package of each provider in providers.ts; with --new, only
// scaffold the providers that have no package yet and link them into the workspace (what `pnpm generate` runs first).
// Usage: node scripts/run.mjs generate [--check | --new | --keys] [--package typed|client] [--root <dir>] [provider ...]
// (pnpm generate; each package's own generate task passes --package, so it writes only that package).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs, selectProviders } from "./src/cli-args.js";
import { writeEntryKeys } from "./src/entry-keys.js";
import { writeFirstRelease } from "./src/first-release.js";
import { generatePackage, generateRegistries, type PackagePart } from "./src/generate-package.js";

const { root, flags, options, positionals } = parseArgs(process.argv.slice(2), ["--package"]);
const check = flags.has("check");
const part = (options.get("package") ?? "both") as PackagePart;
const REGISTRY_PARTS = ["mcp", "cli"];
if (!["both", "typed", "client", ...REGISTRY_PARTS].includes(part)) {
  console.error(`--package must be typed, client, mcp or cli, got ${JSON.stringify(part)}`);
  process.exit(2);
}

// Before Turbo hashes anything (pnpm generate, build and test): the per-provider cache keys (entry-keys.ts); not in
// the generate tasks Turbo runs, whose inputs they are. --keys does only that.
if (flags.has("keys") || flags.has("new")) await writeEntryKeys(root, selectProviders([]));
if (flags.has("keys")) process.exit(0);

if (flags.has("new")) {
  const fresh = selectProviders(positionals).filter(
    (p) =>
      !existsSync(path.join(root, "packages", `${p.id}-openapi`, "package.json")) ||
      !existsSync(path.join(root, "packages", p.id, "package.json")),
  );
  for (const entry of fresh) {
    for (const { dir } of await generatePackage(root, entry))
      console.log(`${path.relative(root, dir)}: created from ${entry.spec}`);
    console.log(
      `${path.relative(root, await writeFirstRelease(root, entry))}: its first release (edit as you like)`,
    );
  }
  if (fresh.length) {
    // The MCP server and the CLI serve the newcomer too: their registries and dependencies are written before the
    // install links them.
    await generateRegistries(root, selectProviders([]));
    // The new package's dependencies (openapi-fetch, the test kit) are linked before Turbo builds it.
    console.log("Linking the new package(s) into the workspace: pnpm install");
    // From the local store when it has everything (it does for a provider like the others), else from the registry.
    const args = ["install", "--no-frozen-lockfile"];
    let install = spawnSync("pnpm", [...args, "--offline"], { cwd: root, stdio: "inherit" });
    if (install.status !== 0)
      install = spawnSync("pnpm", [...args, "--prefer-offline"], { cwd: root, stdio: "inherit" });
    if (install.status !== 0) process.exit(install.status ?? 1);
  }
  process.exit(0);
}

let stale = 0;
// packages/mcp and packages/cli serve every provider: their registries are rendered once, each by its own task or
// both by a whole check.
if (REGISTRY_PARTS.includes(part) || (part === "both" && !positionals.length)) {
  const only = REGISTRY_PARTS.includes(part) ? part : undefined;
  for (const registry of await generateRegistries(root, selectProviders([]), check, only)) {
    const where = path.relative(root, registry.dir);
    if (!registry.drift.length) console.log(`${where}: up to date`);
    for (const d of registry.drift)
      console.log(`${where}/${d.file}: ${d.problem}${check ? "" : " (written)"}`);
    stale += registry.drift.length;
  }
}
for (const entry of REGISTRY_PARTS.includes(part) ? [] : selectProviders(positionals)) {
  for (const { dir, drift } of await generatePackage(root, entry, check, part)) {
    const where = path.relative(root, dir);
    if (!drift.length) console.log(`${where}: up to date`);
    for (const d of drift) console.log(`${where}/${d.file}: ${d.problem}${check ? "" : " (written)"}`);
    stale += drift.length;
  }
}
if (check && stale) {
  console.error(`\n${stale} generated file(s) are stale: run \`pnpm generate\` and commit the result.`);
  process.exit(1);
}
