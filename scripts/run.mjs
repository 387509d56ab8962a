// Runs one of the TypeScript entry points of scripts/ (`node scripts/run.mjs generate duvo`) without a TypeScript
// loader: esbuild bundles it once into scripts/.cache/, keyed by a hash of every source it is built from, and later
// runs import the bundle straight away (a loader such as tsx costs more start-up time than generating a package).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const ENTRIES = ["generate", "spec-update", "spec-diff", "lint-specs"];

const [entry, ...args] = process.argv.slice(2);
if (!ENTRIES.includes(entry)) {
  console.error(`usage: node scripts/run.mjs <${ENTRIES.join("|")}> [args...]`);
  process.exit(2);
}

/** Every TypeScript source of scripts/ except its tests, in a stable order. */
function sources(dir = here, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!["node_modules", "test", ".cache", "templates"].includes(e.name)) sources(full, out);
    } else if (e.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

const hash = createHash("sha256").update(entry);
for (const file of [...sources(), path.join(here, "bundle.mjs")])
  hash.update(path.relative(here, file)).update(readFileSync(file));
// The bundle sits one level under scripts/, like scripts/src/: paths the sources take from import.meta.url hold.
const cache = path.join(here, ".cache");
const bundle = path.join(cache, `${entry}.${hash.digest("hex").slice(0, 16)}.mjs`);

if (!existsSync(bundle)) {
  const { bundleScript } = await import("./bundle.mjs");
  mkdirSync(cache, { recursive: true });
  // Written under a temporary name, then renamed: Turbo runs several generate tasks at once.
  const temporary = `${bundle}.${process.pid}.tmp`;
  await bundleScript(path.join(here, `${entry}.ts`), temporary);
  renameSync(temporary, bundle);
  for (const old of readdirSync(cache))
    if (old.startsWith(`${entry}.`) && path.join(cache, old) !== bundle && !old.endsWith(".tmp"))
      rmSync(path.join(cache, old), { force: true });
}

process.argv = [process.argv[0], bundle, ...args];
try {
  await import(pathToFileURL(bundle).href);
} catch (e) {
  // A problem in the spec, its overlay or a providers.ts entry is one line naming it; anything else is a bug of the
  // generator and keeps its stack.
  if (!(e instanceof Error) || e.name !== "InputError") throw e;
  console.error(`error: ${e.message}`);
  process.exit(1);
}
