// What the CLI needs of every provider in scripts/providers.ts (src/generated/providers.ts lists them): its facts, its
// operations and a client, enough for `agentruns api <id>` and `agentruns <id> api` with no hand-written code.
import type { BaseClient, OperationSpec } from "@agentruns/core";

export interface ApiProvider {
  id: string;
  /** The typed package's provider constant: title, credentials and their env vars, base URL env vars. */
  definition: {
    readonly title: string;
    readonly serverUrl: string | null;
    readonly baseUrlEnv: readonly string[];
    readonly credentials: readonly { readonly option: string; readonly env: string }[];
    readonly requiredOptions: readonly string[];
  };
  /** Every operation of the spec. */
  operations: Readonly<Record<string, OperationSpec>>;
  /** The full client (every operation by name). */
  create(options: Record<string, unknown>): BaseClient<any>;
}
