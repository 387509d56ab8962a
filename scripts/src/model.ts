// The generator's one model of a provider, built once from its entry and its normalized spec: the facts (server,
// credentials, operations), the operation table, the component names and the ergonomic client's methods and
// resources. Every emitter (scripts/src/emit/) reads it; none reads the spec on its own terms.
import { checkEntry } from "./check-entry.js";
import { buildClientModel, type ClientModel } from "./client-model.js";
import { componentAliases, type ComponentAlias } from "./component-names.js";
import { normalizeSpec } from "./normalize.js";
import { describeProvider, loadSpec, type ProviderDescriptor, type ProviderEntry } from "./provider.js";
import { constantNames, operationTable } from "./rules.js";

type Json = Record<string, any>;

export interface ProviderModel {
  /** The provider's line of providers.ts. */
  readonly entry: ProviderEntry;
  /** Server, credentials, env vars and operations, read from the spec (provider.ts). */
  readonly provider: ProviderDescriptor;
  /** The spec as the generator reads it: overlay applied, Swagger 2.0 converted, normalized (normalize.ts). */
  readonly doc: Json;
  /** What normalization changed or dropped, each naming its place in the spec. */
  readonly warnings: readonly string[];
  /** What each operation sends and accepts, by operationId (the typed package's operation table). */
  readonly operations: Readonly<Record<string, Json>>;
  /** operationId → the name of its exported `<operationId>Operation` constant. */
  readonly constants: ReadonlyMap<string, string>;
  /** Every component under the name the typed package exports it as. */
  readonly components: readonly ComponentAlias[];
  /** The ergonomic package: its class names, methods, resources and what it bundles. */
  readonly client: ClientModel;
}

/** The model of `entry` over its normalized spec `doc`. */
export function buildModel(entry: ProviderEntry, doc: Json, warnings: readonly string[] = []): ProviderModel {
  const provider = describeProvider(entry, doc);
  checkEntry(entry, doc, provider.operations);
  const operations = operationTable(provider, doc);
  const components = componentAliases(provider, doc);
  return {
    entry,
    provider,
    doc,
    warnings,
    operations,
    constants: constantNames(Object.keys(operations)),
    components,
    client: buildClientModel(provider, entry, doc, components),
  };
}

/** The model of `entry` from its spec file under `root` (overlay applied, converted and normalized). */
export async function loadModel(root: string, entry: ProviderEntry): Promise<ProviderModel> {
  const { doc: raw } = await loadSpec(root, entry);
  const { doc, warnings } = normalizeSpec(raw, entry.spec);
  return buildModel(entry, doc, warnings);
}
