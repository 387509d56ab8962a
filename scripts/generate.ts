// CLI: regenerate (or, with --check, verify) the typed package of each provider in providers.ts.
// Usage: tsx scripts/generate.ts [--check] [--root <dir>] [provider ...]
import path from "node:path";
import { parseArgs, selectProviders } from "./src/cli-args.js";
import { generatePackage } from "./src/generate-package.js";

const { root, flags, positionals } = parseArgs(process.argv.slice(2));
const check = flags.has("check");

let stale = 0;
for (const entry of selectProviders(positionals)) {
  const { dir, drift } = await generatePackage(root, entry, check);
  const where = path.relative(root, dir);
  if (!drift.length) console.log(`${where}: up to date`);
  for (const d of drift) console.log(`${where}/${d.file}: ${d.problem}${check ? "" : " (written)"}`);
  stale += drift.length;
}
if (check && stale) {
  console.error(`\n${stale} generated file(s) are stale: run \`pnpm generate\` and commit the result.`);
  process.exit(1);
}
