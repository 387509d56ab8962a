// Dynamic mode, for APIs with more operations than a model's context should hold as tool definitions: three tools
// that search the operations, return one operation's schema, and invoke one by name (as Stainless's MCP servers do).
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { ValidationError } from "@agentruns/core";
import type { CatalogEntry } from "./catalog.js";

/** Above this many tools the server starts in dynamic mode unless `--mode tools` says otherwise. */
export const DYNAMIC_ABOVE = 64;
/** Most operations one search returns. */
const SEARCH_LIMIT = 25;

export const SEARCH = "search_operations";
export const DESCRIBE = "get_operation_schema";
export const INVOKE = "invoke_operation";

/** The three tools of dynamic mode. */
export function dynamicTools(entries: readonly CatalogEntry[]): Tool[] {
  const providers = [...new Set(entries.map((e) => e.binding.tools.title))].join(", ");
  return [
    {
      name: SEARCH,
      title: "Search the API operations",
      description: `Search the ${entries.length} operations of ${providers} by words of their name, summary, path or tag. Returns each match's name, method and path, and summary; then call ${DESCRIBE} for its arguments.`,
      inputSchema: {
        type: "object",
        properties: {
          query: {
            type: "string",
            description: "Words to look for (all must match); empty lists every operation.",
          },
          tag: { type: "string", description: "Only operations with this tag (or resource)." },
        },
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    {
      name: DESCRIBE,
      title: "Get one operation's input schema",
      description: `The description and JSON input schema of one operation found with ${SEARCH}.`,
      inputSchema: {
        type: "object",
        properties: {
          name: { type: "string", description: "The operation's name, as the search returned it." },
        },
        required: ["name"],
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    {
      name: INVOKE,
      title: "Invoke one operation",
      description: `Call one operation by name with arguments that follow its input schema (from ${DESCRIBE}); they are validated before anything is sent.`,
      inputSchema: {
        type: "object",
        properties: {
          name: { type: "string", description: "The operation's name." },
          arguments: {
            type: "object",
            description: "The operation's arguments.",
            additionalProperties: true,
          },
        },
        required: ["name"],
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
    },
  ];
}

/** The entries matching every word of `query` (and `tag`), best first: name matches before description matches. */
export function searchOperations(entries: readonly CatalogEntry[], query = "", tag = ""): unknown {
  const words = query
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const wantTag = tag.toLowerCase();
  const scored = entries
    .map((e) => {
      const s = e.spec;
      const tags = [
        ...(s.tags ?? []),
        ...("path" in s && s.path ? [s.path.split("/").filter(Boolean)[1] ?? ""] : []),
      ];
      if (wantTag && !tags.some((t) => t.toLowerCase() === wantTag) && !s.name.includes(`_${wantTag}_`))
        return undefined;
      const hay =
        `${s.name} ${s.title ?? ""} ${"path" in s ? s.path : ""} ${tags.join(" ")} ${s.description}`.toLowerCase();
      if (!words.every((w) => hay.includes(w))) return undefined;
      const score = words.filter((w) => s.name.includes(w)).length;
      return { e, score };
    })
    .filter((x): x is { e: CatalogEntry; score: number } => !!x)
    .sort((a, b) => b.score - a.score);
  return {
    total: scored.length,
    operations: scored.slice(0, SEARCH_LIMIT).map(({ e }) => ({
      name: e.spec.name,
      ...("method" in e.spec && e.spec.method ? { operation: `${e.spec.method} ${e.spec.path}` } : {}),
      summary: e.spec.title ?? e.spec.description.split("\n")[0],
      ...(e.spec.annotations.readOnlyHint ? { readOnly: true } : {}),
    })),
    ...(scored.length > SEARCH_LIMIT
      ? { note: `showing ${SEARCH_LIMIT} of ${scored.length}: add words to narrow` }
      : {}),
  };
}

/** The catalog entry named `name`, or a ValidationError naming it. */
export function entryNamed(entries: readonly CatalogEntry[], name: unknown): CatalogEntry {
  const entry = typeof name === "string" ? entries.find((e) => e.spec.name === name) : undefined;
  if (!entry) {
    throw new ValidationError(`no operation named ${JSON.stringify(name)}: find one with ${SEARCH}`, "name");
  }
  return entry;
}
