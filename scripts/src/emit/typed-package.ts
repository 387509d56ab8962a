// The typed package `@agentruns/<id>-openapi` as the list of its emitters, in the order its files are written.
import type { ProviderModel } from "../model.js";
import type { EmitOptions, Emitter } from "./emitter.js";
import { formatted } from "./format.js";
import { manifest } from "./typed/manifest.js";
import { names } from "./typed/names.js";
import { operations } from "./typed/operations.js";
import { providerFacts } from "./typed/provider-facts.js";
import { readme } from "./typed/readme.js";
import { runtime } from "./typed/runtime.js";
import { schema } from "./typed/schema.js";
import { security } from "./typed/security.js";
import { specFiles } from "./typed/spec-files.js";
import { wireRoutes } from "./typed/wire-routes.js";

export const TYPED_EMITTERS: readonly Emitter[] = [
  manifest,
  readme,
  specFiles,
  runtime,
  providerFacts,
  security,
  wireRoutes,
  operations,
  schema,
  names,
];

/** Every generated file of the typed package, keyed by path relative to `packages/<id>-openapi`. */
export async function emitTypedPackage(
  model: ProviderModel,
  options: EmitOptions,
): Promise<Map<string, string>> {
  const files = [];
  for (const emit of TYPED_EMITTERS) files.push(...(await emit(model, options)));
  return formatted(options.root, files);
}
