// What one generated tool (an operation as a Model Context Protocol tool, `@agentruns/<id>/tools`) declares: its name,
// schemas and hints for the model, and how its arguments map onto the operation's wire input; and the one function
// the generated modules call to read their data.
import type { Paginator } from "./pagination.js";

/** A JSON Schema object (draft 2020-12), as a tool's `inputSchema` or `outputSchema`. */
export interface ToolJsonSchema {
  type: "object";
  properties?: Record<string, unknown>;
  required?: readonly string[];
  [keyword: string]: unknown;
}

/** Where one argument goes: a path, query, header or cookie parameter by its spec name, a body field, or the body. */
export type ToolArgument =
  readonly ["path" | "query" | "header" | "cookie" | "body", string] | readonly ["wholeBody"];

/** One operation as a tool. */
export interface ToolSpec {
  /** `<provider>_<resource>_<method>` in snake case: at most 64 characters of `[a-z0-9_]`, unique in the provider. */
  readonly name: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** The operation's tags in the spec. */
  readonly tags?: readonly string[];
  /** The operation's summary. */
  readonly title?: string;
  readonly description: string;
  readonly inputSchema: ToolJsonSchema;
  /** The JSON answer's schema, where the spec describes a JSON object (a list tool: `{ items, next }`). */
  readonly outputSchema?: ToolJsonSchema;
  readonly annotations: {
    readonly readOnlyHint: boolean;
    readonly destructiveHint: boolean;
    readonly idempotentHint: boolean;
  };
  /** The operation requires a body whose fields are arguments: it is sent (`{}` at least) even when none is given. */
  readonly requiredBody?: boolean;
  /** The field of the answer the client method resolves to (the entry's `unwrap`): the tool answers it too. */
  readonly unwrap?: string;
  /** Each argument of `inputSchema` and where it goes on the wire. */
  readonly args: Readonly<Record<string, ToolArgument>>;
  /** A list: the paging scheme of the ergonomic list method; the tool returns one page and a `next` token. */
  readonly paging?: () => Paginator<any, any>;
}

/** What a provider's generated `tools` module exports. */
export interface ProviderTools {
  /** The provider's id (`duvo`): the tools' name prefix. */
  readonly id: string;
  readonly title: string;
  /**
   * The full client (every operation by name: a `BaseClient`), which every tool call goes through. Typed loosely on
   * purpose: this file's CommonJS declarations are the ES ones, and a class with private fields from one is not
   * assignable to the other's.
   */
  readonly Client: new (options?: any) => unknown;
  /** The typed package's provider constant: its credentials (options and env vars) and base URL env vars. */
  readonly provider: {
    readonly serverUrl: string | null;
    readonly baseUrlEnv: readonly string[];
    readonly credentials: readonly { readonly option: string; readonly env: string }[];
    readonly requiredOptions: readonly string[];
  };
  readonly tools: readonly ToolSpec[];
}

/**
 * The tools of a generated `tools` module: each one's JSON (a string, so that TypeScript checks no literal type of every
 * schema) parsed, with the paging scheme of each list operation, by its index.
 */
export function parseTools(
  data: readonly string[],
  paging: Readonly<Record<number, ToolSpec["paging"]>>,
): ToolSpec[] {
  return data.map((text, i) => {
    const tool = JSON.parse(text) as ToolSpec;
    const page = paging[i];
    return page ? { ...tool, paging: page } : tool;
  });
}
