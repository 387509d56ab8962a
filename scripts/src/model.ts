// The generator's one model of a provider, built once from its entry and its normalized spec: the facts (server,
// credentials, operations), the operation table, the component names and the ergonomic client's methods and
// resources. Every emitter (scripts/src/emit/) reads it; none reads the spec on its own terms.
import { checkEntry } from "./check-entry.js";
import { buildClientModel, type ClientModel } from "./client-model.js";
import { componentAliases, type ComponentAlias } from "./component-names.js";
import { normalizeSpec } from "./normalize.js";
import { portableFileNames } from "./file-names.js";
import { groupOperations } from "./operation-groups.js";
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
  /** The per-operation entry points' file names (entry.perOperation), or undefined where there are none. */
  readonly perOperation: PerOperationFiles | undefined;
}

/** The modules of the per-operation layout, each named for what it holds, portably (file-names.ts). */
export interface PerOperationFiles {
  /**
   * Neighbouring operations share a module (operation-groups.ts), named for its first operation's constant: each
   * group's module → its operationIds, in the typed package's `src/generated/ops/` and the ergonomic package's
   * `src/generated/groups/`.
   */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** operationId → its group's module. */
  readonly ops: ReadonlyMap<string, string>;
  /** Component alias → its module in the typed package's `src/generated/types/`. */
  readonly types: ReadonlyMap<string, string>;
  /** Function name → its entry point in the ergonomic package's `src/generated/fn/` (a re-export from its group). */
  readonly fns: ReadonlyMap<string, string>;
}

/**
 * Specs this large (characters of the normalized document as compact JSON) get per-operation entry points by
 * default. What a consumer's type-check costs grows with the declarations it loads, which grow with the document:
 * Kubernetes (4.2 MB as published, 1,014 operations) checks a three-call consumer in 1.1 s through the package's
 * entry, Microsoft Graph (20.3 MB, 11,422 operations) in 3.0 s, against a 1.5 s target; the layout costs
 * generation and the typed package's type-check time (docs/large-specs.md), so specs below this do without it.
 */
export const PER_OPERATION_FROM = 6_000_000;

/** The model of `entry` over its normalized spec `doc`. */
export function buildModel(entry: ProviderEntry, doc: Json, warnings: readonly string[] = []): ProviderModel {
  const provider = describeProvider(entry, doc);
  checkEntry(entry, doc, provider.operations);
  const operations = operationTable(provider, doc);
  const components = componentAliases(provider, doc);
  const client = buildClientModel(provider, entry, doc, components);
  const split = entry.perOperation ?? JSON.stringify(doc).length >= PER_OPERATION_FROM;
  const constants = constantNames(Object.keys(operations));
  return {
    entry,
    provider,
    doc,
    warnings,
    operations,
    constants,
    components,
    client,
    perOperation: split
      ? {
          ...opGroups(operations, constants),
          types: portableFileNames(components.map((c) => c.alias)),
          fns: portableFileNames(client.methods.map((m) => m.fn)),
        }
      : undefined,
  };
}

/** The operations in groups (operation-groups.ts), each group's module named for its first operation's constant. */
function opGroups(
  operations: Readonly<Record<string, Json>>,
  constants: ReadonlyMap<string, string>,
): Pick<PerOperationFiles, "groups" | "ops"> {
  const grouped = groupOperations(
    Object.entries(operations).map(([id, op]) => ({ id, method: String(op.method), path: String(op.path) })),
  );
  const first = grouped.map((ids) => constants.get(ids[0]!)!);
  const files = portableFileNames(first);
  const groups = new Map(grouped.map((ids, i) => [files.get(first[i]!)!, ids] as const));
  const ops = new Map([...groups].flatMap(([file, ids]) => ids.map((id) => [id, file] as const)));
  return { groups, ops };
}

/** The model of `entry` from its spec file under `root` (overlay applied, converted and normalized). */
export async function loadModel(root: string, entry: ProviderEntry): Promise<ProviderModel> {
  const { doc: raw } = await loadSpec(root, entry);
  const { doc, warnings } = normalizeSpec(raw, entry.spec);
  return buildModel(entry, doc, warnings);
}
