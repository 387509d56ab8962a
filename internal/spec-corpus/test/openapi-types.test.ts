// The generator's schema types come from openapi-typescript's transform without its Redocly lint and bundle pass
// (scripts/src/emit/typed/openapi-types.ts): for every spec the repository holds (the providers, the corpus, the
// generality fixtures, the features spec) and for arbitrary documents, the printed types equal `openapiTS()`'s on
// the same normalized document, so skipping the pass changes no type. The one difference: the pass replaces a `$ref`
// found under a property named like an Object.prototype member (`toString`, `constructor`) by what it points to,
// where the transform alone keeps the reference; openapiTS() is compared with such properties renamed.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { openapiTypes } from "../../../scripts/src/emit/typed/openapi-types.js";
import { SCHEMA_OPTIONS } from "../../../scripts/src/emit/typed/schema.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { parseSpec } from "../../../scripts/src/provider.js";
import { specArbitrary } from "./arbitrary-spec.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");
const inDir = (dir: string, pattern: RegExp) =>
  readdirSync(dir)
    .filter((f) => pattern.test(f))
    .map((f) => path.join(dir, f));
const SPECS = [
  ...inDir(path.join(repo, "specs"), /\.openapi\.(json|ya?ml)$/),
  ...inDir(path.join(here, "..", "specs"), /\.(json|ya?ml)$/),
  ...inDir(path.join(here, "..", "fixtures", "generality"), /\.json$/),
  path.join(here, "..", "fixtures", "features.openapi.yaml"),
];

/** Both ways's printed types of one normalized document (each gets its own copy: the transform may mutate it). */
async function both(doc: Record<string, unknown>): Promise<[string, string]> {
  const viaOpenapiTS = astToString(
    await openapiTS(withoutPrototypeNames(doc) as OpenAPI3, SCHEMA_OPTIONS),
  ).replaceAll(SAFE, "");
  const direct = astToString(openapiTypes(structuredClone(doc) as unknown as OpenAPI3, SCHEMA_OPTIONS));
  return [direct, viaOpenapiTS];
}

const PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype));
const SAFE = "__renamed__";

/**
 * The document with every property named like an Object.prototype member renamed (`toString` → `__renamed__toString`,
 * in `properties` and `required`): the names the lint and bundle pass mistakes for its own (it replaces a `$ref` under
 * such a property by its target, where the transform alone keeps the reference), so openapiTS() is compared where it
 * is right; the printed result is renamed back.
 */
function withoutPrototypeNames(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPrototypeNames);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = withoutPrototypeNames(v);
  const o = out as { properties?: Record<string, unknown>; required?: unknown };
  if (o.properties && typeof o.properties === "object" && !Array.isArray(o.properties)) {
    o.properties = Object.fromEntries(
      Object.entries(o.properties).map(([k, v]) => [PROTOTYPE.has(k) ? SAFE + k : k, v]),
    );
    if (Array.isArray(o.required))
      o.required = o.required.map((r) => (typeof r === "string" && PROTOTYPE.has(r) ? SAFE + r : r));
  }
  return out;
}

describe("openapi-typescript's transform without the lint and bundle pass", () => {
  it.each(SPECS.map((f) => [path.relative(repo, f), f]))("types %s as openapiTS() does", async (_, file) => {
    const { doc } = normalizeSpec(await parseSpec(readFileSync(file, "utf8"), file), file);
    const [direct, viaOpenapiTS] = await both(doc);
    expect(direct.length).toBeGreaterThan(0);
    expect(direct).toBe(viaOpenapiTS);
  });

  it("types arbitrary documents as openapiTS() does", async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (spec) => {
        const { doc } = normalizeSpec(structuredClone(spec), "spec.json");
        const [direct, viaOpenapiTS] = await both(doc);
        expect(direct).toBe(viaOpenapiTS);
      }),
      { numRuns: 50 },
    );
  });
});
