// CLI: generate both packages of one spec in a scratch workspace, as `pnpm generate` would for a new provider, and
// print the process's peak memory (what `pnpm bench`'s large-spec rows time, one fresh process per run).
// Usage: node --import tsx generate-one.ts <spec file> <provider id> <workspace dir> [<this package's dir>]
// (the last when run bundled from elsewhere: `pnpm bench` runs it as `pnpm generate` runs the generator, bundled).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatePackage } from "../../../../scripts/src/generate-package.js";
import { providerWorkspace } from "./scratch.js";

const [specFile, id, root, given] = process.argv.slice(2) as [string, string, string, string?];
const corpusPackage = given ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repo = path.resolve(corpusPackage, "../..");
const spec = await providerWorkspace(repo, corpusPackage, root, id, specFile);
const warn = console.warn;
console.warn = () => {};
await generatePackage(root, { id, title: id, spec });
console.warn = warn;
process.stdout.write(JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n");
