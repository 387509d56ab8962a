// A failed call as the tool result a model can act on: `isError`, the client's typed error in one line (it names the
// field or the status, and never holds a credential), and for a refused credential the setting to check.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AgentRunsError, ApiError, ValidationError } from "@agentruns/core";

/** The settings a provider's credentials come from, for the hint on a 401 or 403. */
export interface CredentialHint {
  readonly title: string;
  readonly env: readonly string[];
}

/** The one-line account of `error`, as a tool result. */
export function failureResult(error: unknown, hint: CredentialHint): CallToolResult {
  return { isError: true, content: [{ type: "text", text: describe(error, hint) }] };
}

function describe(error: unknown, hint: CredentialHint): string {
  if (error instanceof ApiError) {
    const refused = error.status === 401 || error.status === 403;
    const check = refused && hint.env.length ? `: check ${hint.env.join(" and ")}` : "";
    return `${hint.title} ${error.name} ${error.message}${check}`;
  }
  if (error instanceof ValidationError)
    return `${error.name}${error.field ? ` (${error.field})` : ""}: ${error.message}`;
  if (error instanceof AgentRunsError) return `${error.name}: ${error.message}`;
  // Anything else is a bug of ours or the runtime's: its name and message, never a stack.
  const e = error as { name?: unknown; message?: unknown } | undefined;
  return `${typeof e?.name === "string" ? e.name : "Error"}: ${typeof e?.message === "string" ? e.message : String(error)}`;
}
