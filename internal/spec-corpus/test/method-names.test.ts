// The naming rule's golden file: every method name the generator gives the corpus specs and the seeded directory
// sample, one line per operation, committed as method-names.golden.txt. A change of the rule shows as a diff of that
// file, reviewed like code; the failure says the one command that rewrites it. The providers of providers.ts are not
// in it: their names are in each package's generated api.md, which `pnpm generate` writes and `generate:check`
// holds to the spec, so adding a provider changes nothing here.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { buildModel, loadModel, type ProviderModel } from "../../../scripts/src/model.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { parseSpec } from "../../../scripts/src/provider.js";
import { SAMPLE, selectSpecs } from "../src/directory/sample.js";
import { directoryTarball, extractSpecs, listDirectory } from "../src/directory/source.js";
import { CORPUS } from "./corpus-suite.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const GOLDEN = path.join(here, "method-names.golden.txt");

/** One line per operation: `METHOD /path  resource.method  (operationId)`; operations left out say why. */
function lines(title: string, model: ProviderModel): string[] {
  const out = [`## ${title}`];
  for (const m of model.client.methods)
    out.push(`${m.method} ${m.path}  ${[...m.resource, m.name].join(".")}  (${m.operationId})`);
  return [...out, ""];
}

async function fromFile(id: string, file: string): Promise<ProviderModel> {
  const { doc } = normalizeSpec(await parseSpec(await readFile(file, "utf8"), file), file);
  return buildModel({ id, title: id, spec: file }, doc);
}

it(
  "method names of the providers, the corpus and the directory sample match the golden file",
  { timeout: 600_000 },
  async () => {
    const out: string[] = [];
    for (const { id, file, pagination } of CORPUS) {
      // As the corpus suite declares each: its overlay of fixes where it has one, its paging.
      const overlay = `overlays/${id}.overlay.yaml`;
      const entry = {
        id,
        title: id,
        spec: file,
        pagination,
        overlay: existsSync(path.join(here, overlay)) ? overlay : undefined,
      };
      out.push(...lines(`corpus ${id}`, await loadModel(here, entry)));
    }
    const cache = path.join(here, ".cache", "directory");
    const tarball = await directoryTarball(cache);
    const chosen = selectSpecs(await listDirectory(tarball), SAMPLE);
    const files = await extractSpecs(tarball, chosen, path.join(cache, "specs"));
    for (const spec of chosen)
      out.push(...lines(`directory ${spec.id}`, await fromFile("sample", files.get(spec.id)!)));
    const text = out.join("\n");
    if (process.env.UPDATE_GOLDEN) await writeFile(GOLDEN, text);
    expect(
      text,
      `method names differ from ${path.relative(repo, GOLDEN)}; if the change is intended, rewrite it with ` +
        "`UPDATE_GOLDEN=1 pnpm --filter @agentruns/spec-corpus test method-names` and review its diff",
    ).toBe(await readFile(GOLDEN, "utf8"));
  },
);
