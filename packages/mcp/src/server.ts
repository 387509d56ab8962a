// The MCP server: lists the catalog's tools (or dynamic mode's three) and answers calls through the provider
// clients; an unknown tool is a JSON-RPC error, every other failure a tool result, and no credential leaves it.
import { Server, type ServerOptions as SdkServerOptions } from "@modelcontextprotocol/sdk/server/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { DEFAULT_MAX_ANSWER_BYTES } from "./answer.js";
import { callTool, type CallSettings } from "./call-tool.js";
import {
  buildCatalog,
  type CallContext,
  type CatalogEntry,
  type CatalogOptions,
  type ProviderBinding,
} from "./catalog.js";
import {
  DESCRIBE,
  DYNAMIC_ABOVE,
  dynamicTools,
  entryNamed,
  INVOKE,
  SEARCH,
  searchOperations,
} from "./dynamic.js";
import { failureResult } from "./failure.js";
import { guardOutput, redaction, secretsOf, type Redaction } from "./redact.js";
import { VERSION } from "./version.js";

export interface ServerOptions extends CatalogOptions {
  readonly providers: readonly ProviderBinding[];
  /**
   * `tools`: one tool per operation; `dynamic`: three tools to search, describe and invoke them all. Default: each
   * provider by its own size, so adding one never changes another's tools (see `servedAs`).
   */
  readonly mode?: "tools" | "dynamic";
  /** Bound of one answer, in bytes (default 256,000). */
  readonly maxAnswerBytes?: number;
  /** Interval between polls of the waiting tools (default: the provider's guidance). */
  readonly pollIntervalMs?: number;
  /** Values besides the providers' credentials that nothing the server sends may hold (the HTTP bearer token). */
  readonly secrets?: readonly string[];
}

/** The redaction of everything a server with `options` sends or logs: its credentials and other secrets. */
export const serverRedaction = (options: Pick<ServerOptions, "providers" | "secrets">): Redaction =>
  redaction([...secretsOf(options.providers), ...(options.secrets ?? [])]);

/** The SDK's server, with every message it sends on any transport passed through one redaction first. */
class GuardedServer extends Server {
  readonly #redact: Redaction;
  constructor(info: { name: string; version: string }, options: SdkServerOptions, redact: Redaction) {
    super(info, options);
    this.#redact = redact;
  }
  override connect(transport: Transport): Promise<void> {
    return super.connect(guardOutput(transport, this.#redact));
  }
}

/** How a provider's operations are served: as tools, or behind the three dynamic tools. */
export type Served = "tools" | "dynamic";

/**
 * How the provider of `count` tools is served when no mode is asked for: as tools up to DYNAMIC_ABOVE, behind the
 * dynamic tools above it. Decided per provider, so its tool set does not depend on which others are served.
 */
export const servedAs = (count: number): Served => (count > DYNAMIC_ABOVE ? "dynamic" : "tools");

/** A tool's definition as tools/list sends it, with what its provider's extras add to the description now. */
function definition(entry: CatalogEntry): Tool {
  const { spec } = entry;
  const more = entry.binding.extras?.describe?.(spec.name);
  return {
    name: spec.name,
    ...(spec.title ? { title: spec.title } : {}),
    description: more ? `${spec.description}\n\n${more}` : spec.description,
    inputSchema: spec.inputSchema as Tool["inputSchema"],
    ...(spec.outputSchema ? { outputSchema: spec.outputSchema as Tool["outputSchema"] } : {}),
    annotations: { ...spec.annotations },
  };
}

/** What a server offers: its catalog, how each provider is served, and what tools/list answers now. */
function offer(options: ServerOptions) {
  const entries = buildCatalog(options.providers, options);
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.binding.tools.id, (count.get(e.binding.tools.id) ?? 0) + 1);
  const served = new Map([...count].map(([id, n]): [string, Served] => [id, options.mode ?? servedAs(n)]));
  const isDirect = (e: CatalogEntry) => served.get(e.binding.tools.id) === "tools";
  const direct = entries.filter(isDirect);
  const behind = entries.filter((e) => !isDirect(e));
  const dynamic = behind.length ? dynamicTools(behind) : [];
  return { direct, behind, served, count, list: (): Tool[] => [...direct.map(definition), ...dynamic] };
}

/**
 * What the server says of how it serves its providers, on stderr at start and in --list-tools: the providers behind
 * the dynamic tools, and why; nothing when every operation is a tool.
 */
export function servingNote(options: ServerOptions): string | undefined {
  const { served, count } = offer(options);
  const behind = [...served].filter(([, s]) => s === "dynamic").map(([id]) => `${id} (${count.get(id)})`);
  if (!behind.length) return undefined;
  const why = options.mode === "dynamic" ? "--mode dynamic" : `more than ${DYNAMIC_ABOVE} tools each`;
  return (
    `${behind.join(", ")}: served through ${SEARCH}, ${DESCRIBE} and ${INVOKE} (${why}); ` +
    `--mode tools lists every operation as a tool, --provider serves fewer providers`
  );
}

/** The tools a server offers (what tools/list answers; its size is reported in the README). */
export const listedTools = (options: ServerOptions): Tool[] => offer(options).list();

/** A ready MCP server (connect it to a transport). */
export function createServer(options: ServerOptions): Server {
  const { direct, behind, list } = offer(options);
  const byName = new Map(direct.map((e) => [e.spec.name, e]));
  const redact = serverRedaction(options);
  const settings = { maxAnswerBytes: options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES, redact };
  const server = new GuardedServer(
    { name: "agentruns", version: VERSION },
    {
      capabilities: { tools: { listChanged: true } },
      instructions: [
        ...(direct.length
          ? [
              "Each tool is one API operation; list tools return one page and a `next` token for the following one.",
            ]
          : []),
        ...(behind.length
          ? [
              `Find an operation of ${[...new Set(behind.map((e) => e.binding.tools.title))].join(", ")} with ` +
                `${SEARCH}, read its arguments with ${DESCRIBE}, call it with ${INVOKE}.`,
            ]
          : []),
      ].join(" "),
    },
    redact,
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: list() }));
  const listChanged = () => void server.sendToolListChanged().catch(() => {});
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name, arguments: given = {} } = request.params;
    const token = request.params._meta?.progressToken;
    const context: CallContext = {
      signal: extra.signal,
      pollIntervalMs: options.pollIntervalMs,
      listChanged,
      progress: async (progress, total, message) => {
        if (token === undefined) return;
        await extra
          .sendNotification({
            method: "notifications/progress",
            params: { progressToken: token, progress, ...(total === undefined ? {} : { total }), message },
          })
          .catch(() => {});
      },
    };
    let result: CallToolResult;
    if (behind.length && [SEARCH, DESCRIBE, INVOKE].includes(name)) {
      result = await dynamicCall(behind, name, given, context, settings);
    } else {
      const entry = byName.get(name);
      if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
      result = await callTool(entry, given, context, settings);
      if (entry.binding.extras?.after?.(name, given, !result.isError)) listChanged();
    }
    return result;
  });
  return server;
}

async function dynamicCall(
  entries: readonly CatalogEntry[],
  name: string,
  args: Record<string, unknown>,
  context: CallContext,
  settings: CallSettings,
): Promise<CallToolResult> {
  const json = (data: unknown): CallToolResult => ({
    content: [{ type: "text", text: JSON.stringify(data) }],
  });
  try {
    if (name === SEARCH) {
      return json(searchOperations(entries, String(args.query ?? ""), String(args.tag ?? "")));
    }
    const entry = entryNamed(entries, args.name);
    if (name === DESCRIBE) {
      const { spec } = entry;
      return json({
        name: spec.name,
        description: spec.description,
        inputSchema: spec.inputSchema,
        ...(spec.outputSchema ? { outputSchema: spec.outputSchema } : {}),
        annotations: spec.annotations,
      });
    }
    const given = args.arguments ?? {};
    if (typeof given !== "object" || Array.isArray(given) || given === null) {
      return failureResult(new TypeError(`arguments must be an object, got ${JSON.stringify(given)}`), {
        title: entry.binding.tools.title,
        env: [],
      });
    }
    const result = await callTool(entry, given as Record<string, unknown>, context, settings);
    // invoke_operation declares no output schema: the answer travels as text only.
    const { structuredContent: _, ...rest } = result;
    return rest;
  } catch (error) {
    return failureResult(error, { title: "agentruns", env: [] });
  }
}
