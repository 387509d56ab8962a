// What an emitter is: one artifact of a provider's packages (a file or a few of one kind), rendered from the model
// alone. A package is the list of its emitters (typed-package.ts, client-package.ts); a new artifact is a new emitter.
import type { ProviderModel } from "../model.js";

export interface EmitOptions {
  /** Repository root: where prettier's config is resolved. */
  root: string;
  /** Version to keep in package.json (changesets owns it); defaults to 0.0.0 for a new package. */
  version?: string;
  /** Generated packages in this repo get a workspace test-kit dependency and a smoke test; a scratch package does not. */
  workspace?: boolean;
  /** Whether the ergonomic package `packages/<id>` exists, for the typed README to point to it. */
  ergonomic?: boolean;
}

export interface GeneratedFile {
  /** Relative to the package directory. */
  path: string;
  text: string;
  /** Written as emitted, never through prettier: data, megabytes for a large spec (listed in .prettierignore). */
  verbatim?: boolean;
}

/** One artifact: its files for a model. */
export type Emitter = (
  model: ProviderModel,
  options: EmitOptions,
) => GeneratedFile[] | Promise<GeneratedFile[]>;
