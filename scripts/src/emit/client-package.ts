// The ergonomic package `@agentruns/<id>` as the list of its emitters: its generated files (src/generated/, the
// smoke test, api.md); the scaffold beside them is written once, where missing, and is the maintainer's after that.
import type { ProviderModel } from "../model.js";
import { apiReference } from "./client/api-reference.js";
import { coreClass } from "./client/core-class.js";
import { entry } from "./client/entry.js";
import { functions } from "./client/functions.js";
import { perOperation } from "./client/per-operation.js";
import { raw } from "./client/raw.js";
import { resources } from "./client/resources.js";
import { scaffoldClient } from "./client/scaffold.js";
import { smokeTest } from "./client/smoke-test.js";
import { tools } from "./client/tools.js";
import type { EmitOptions, Emitter, GeneratedFile } from "./emitter.js";
import { formatted } from "./format.js";

export const CLIENT_EMITTERS: readonly Emitter[] = [
  apiReference,
  functions,
  coreClass,
  perOperation,
  resources,
  entry,
  raw,
  tools,
  smokeTest,
];

/** In the ergonomic package only these are the generator's: everything else there is the maintainer's. */
export const CLIENT_OWNED = ["src/generated"];

/** The generated files of the ergonomic package, unformatted (for a caller that writes them as they are). */
export async function clientFiles(model: ProviderModel, options: EmitOptions): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const emit of CLIENT_EMITTERS) files.push(...(await emit(model, options)));
  return files;
}

/**
 * The ergonomic package's files, keyed by path relative to `packages/<id>`: the generated ones, and the scaffold
 * (package.json, configs, README, entry point) where `exists` says it is missing.
 */
export async function emitClientPackage(
  model: ProviderModel,
  options: EmitOptions,
  exists: (file: string) => boolean = () => false,
): Promise<Map<string, string>> {
  const files = await clientFiles(model, options);
  for (const [path, text] of scaffoldClient(model)) if (!exists(path)) files.push({ path, text });
  return formatted(options.root, files);
}
