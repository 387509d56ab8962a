// CLI: `pnpm spec:update <provider> [--from <url-or-file>]`: fetch the provider's new spec, normalize and vendor it,
// regenerate the typed package, type-check the wrapper against it, classify every API change and write changesets.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs, selectProviders } from "./src/cli-args.js";
import { diffSpecs } from "./src/diff/rules.js";
import { changesets, summarize } from "./src/diff/report.js";
import { generatePackage, packageVersion } from "./src/generate-package.js";
import { parseSpec } from "./src/provider.js";
import { toOpenApi3 } from "./src/swagger2.js";
import { normalizeSpec, readSource } from "./src/spec-source.js";
import { checkWrapper } from "./src/wrapper-check.js";

const { root, options, flags, positionals } = parseArgs(process.argv.slice(2), ["--from"]);
if (positionals.length !== 1) {
  console.error("Usage: pnpm spec:update <provider> [--from <url-or-file>] [--no-changeset]");
  process.exit(2);
}
const [entry] = selectProviders(positionals);
const from = options.get("from") ?? entry!.source;
if (!from) {
  console.error(
    `No published spec is recorded for ${entry!.id} (providers.ts has no "source"); pass --from <url-or-file>.`,
  );
  process.exit(2);
}

const specFile = path.join(root, entry!.spec);
const oldText = await readFile(specFile, "utf8");
// Compared as OpenAPI 3 (a Swagger 2.0 spec is converted on both sides), as the generator sees them.
const oldDoc = await parseSpec(oldText, entry!.spec);
let next: ReturnType<typeof normalizeSpec>;
try {
  next = normalizeSpec(await readSource(from, process.cwd()), entry!.spec);
} catch (e) {
  console.error(`Could not read a spec from ${from}: ${(e as Error).message}`);
  process.exit(1);
}
if (next.text === oldText) {
  console.log(`${entry!.spec} is up to date with ${from}.`);
  process.exit(0);
}

await writeFile(specFile, next.text);
console.log(`Wrote ${entry!.spec} from ${from}.`);
// What changed is reported (and its changesets written) before regenerating: a change that breaks a providers.ts
// entry stops generation, and the maintainer still sees the change that did it.
const changes = diffSpecs(oldDoc, await toOpenApi3(next.doc, entry!.spec));
console.log(`\n${summarize(`${entry!.title} API spec update`, changes)}\n`);
const dir = path.join(root, "packages", `${entry!.id}-openapi`);

if (!flags.has("no-changeset")) {
  const wrapperDir = path.join(root, "packages", entry!.id);
  const wrapperVersion = await packageVersion(wrapperDir);
  const tag = createHash("sha256").update(next.text).digest("hex").slice(0, 8);
  const files = changesets(
    entry!.title,
    changes,
    { name: `@agentruns/${entry!.id}-openapi`, version: (await packageVersion(dir)) ?? "0.0.0" },
    wrapperVersion ? { name: `@agentruns/${entry!.id}`, version: wrapperVersion } : undefined,
    `${entry!.id}-spec-${tag}`,
  );
  for (const f of files) {
    await writeFile(path.join(root, ".changeset", f.name), f.content);
    console.log(`Wrote .changeset/${f.name}`);
  }
}

const [typed, ergonomic] = await generatePackage(root, entry!).catch((e: Error) => {
  if (e.name !== "InputError") throw e;
  console.error(`\nThe new spec does not fit what providers.ts says of it: ${e.message}`);
  console.error("Fix the entry (or the spec's overlay), then run `pnpm generate` and `pnpm test`.");
  process.exit(1);
});
for (const { dir, drift } of [typed!, ergonomic!])
  console.log(`Regenerated ${path.relative(root, dir)} (${drift.length} file(s) changed).`);

const broken = await checkWrapper(root, entry!.id);
if (broken === undefined) console.log(`No wrapper package packages/${entry!.id} to check.`);
else if (!broken.length) console.log(`packages/${entry!.id} type-checks against the new types.`);
else {
  console.error(
    `\npackages/${entry!.id} no longer type-checks against the new types (${broken.length} error(s)):`,
  );
  for (const e of broken) console.error(`  ${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`);
  console.error("\nFix the wrapper (or its tests), then run `pnpm test`.");
  process.exit(1);
}
