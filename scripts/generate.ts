// CLI: regenerate (or, with --check, verify) the typed package of each provider in providers.ts.
// Usage: tsx scripts/generate.ts [--check] [--root <dir>] [provider ...]
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { providers } from "./providers.js";
import { diffPackage, writePackage } from "./src/files.js";
import { describeProvider, loadSpec } from "./src/provider.js";
import { renderPackage } from "./src/render.js";

const args = process.argv.slice(2);
const rootAt = args.indexOf("--root");
// --root points the generator at another checkout (the drift tests use a scratch copy).
const root =
  rootAt === -1
    ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
    : path.resolve(args[rootAt + 1] ?? ".");
const check = args.includes("--check");
const wanted = args.filter((a, i) => !a.startsWith("--") && (rootAt === -1 || i !== rootAt + 1));
const unknown = wanted.filter((id) => !providers.some((p) => p.id === id));
if (unknown.length) {
  console.error(
    `Unknown provider(s): ${unknown.join(", ")}. Known: ${providers.map((p) => p.id).join(", ")}.`,
  );
  process.exit(2);
}

let stale = 0;
for (const entry of providers.filter((p) => !wanted.length || wanted.includes(p.id))) {
  const dir = path.join(root, "packages", `${entry.id}-openapi`);
  const { doc } = await loadSpec(root, entry);
  const descriptor = describeProvider(entry, doc);
  const current = await readFile(path.join(dir, "package.json"), "utf8")
    .then((text) => JSON.parse(text).version as string)
    .catch(() => undefined);
  const files = await renderPackage(descriptor, doc, { root, version: current, workspace: true });
  const drift = check ? await diffPackage(dir, files) : await writePackage(dir, files);
  const where = path.relative(root, dir);
  if (!drift.length) console.log(`${where}: up to date`);
  for (const d of drift) console.log(`${where}/${d.file}: ${d.problem}${check ? "" : " (written)"}`);
  stale += drift.length;
}
if (check && stale) {
  console.error(`\n${stale} generated file(s) are stale: run \`pnpm generate\` and commit the result.`);
  process.exit(1);
}
