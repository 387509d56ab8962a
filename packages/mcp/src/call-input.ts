// A tool call's arguments as the operation's wire input (path, query, header, cookie, body), and the `next` token
// of a list: the next page's paging parameters, opaque to the model.
import { ValidationError, type ToolSpec, type WireInput } from "@agentruns/core";

/** The wire input of a call; an argument the tool does not take is an error naming it and the ones it takes. */
export function wireInput(tool: ToolSpec, args: Record<string, unknown>): WireInput {
  const input: WireInput = {};
  const unknown = Object.keys(args).filter((k) => k !== "next" && !Object.hasOwn(tool.args, k));
  if (unknown.length) {
    const takes = Object.keys(tool.inputSchema.properties ?? {});
    throw new ValidationError(
      `${tool.name} takes no argument ${unknown.map((k) => JSON.stringify(k)).join(", ")}` +
        (takes.length ? ` (it takes ${takes.join(", ")})` : " (it takes none)"),
      unknown[0]!,
    );
  }
  // A required body made of arguments exists even when none is given: the check then names a missing field.
  if (tool.requiredBody) input.body = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === "next" || value === undefined) continue;
    const where = tool.args[key]!;
    if (where[0] === "wholeBody") {
      input.body = value;
      continue;
    }
    const [part, name] = where;
    if (part === "body") {
      input.body = { ...(input.body as Record<string, unknown> | undefined), [name]: value };
    } else (input[part] ??= {})[name] = value;
  }
  return input;
}

/** The token a list answer carries for its next page: its paging parameters, base64url-encoded JSON. */
export const encodeNext = (query: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(query), "utf8").toString("base64url");

/** The paging parameters a `next` token holds; a token this server did not write is an error naming `next`. */
export function decodeNext(tool: ToolSpec, token: unknown): Record<string, unknown> {
  let query: unknown;
  try {
    if (typeof token !== "string" || !token) throw new Error("not a string");
    query = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    query = undefined;
  }
  if (!query || typeof query !== "object" || Array.isArray(query)) {
    throw new ValidationError(
      `${tool.name}: next must be the \`next\` token of a previous answer of this tool, got ${JSON.stringify(token)?.slice(0, 80)}`,
      "next",
    );
  }
  return query as Record<string, unknown>;
}
