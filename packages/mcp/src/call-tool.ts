// One tool call, start to end: the arguments as wire input, the call through the provider's client (validation,
// retries, time-outs, rate limits, typed errors), and the answer as a tool result. Never throws: a failure is a result.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { paginate, type ToolSpec } from "@agentruns/core";
import { binaryResult, jsonResult, pageResult, streamResult, textResult } from "./answer.js";
import { decodeNext, encodeNext, wireInput } from "./call-input.js";
import type { CallContext, CatalogEntry } from "./catalog.js";
import { failureResult } from "./failure.js";
import type { Redaction } from "./redact.js";

export interface CallSettings {
  readonly maxAnswerBytes: number;
  /**
   * The server's redaction, applied to an answer before it is shaped: a bound can cut a text mid-credential, where the
   * output boundary's pass (which catches everything else) would no longer recognise it.
   */
  readonly redact: Redaction;
}

const isStream = (v: unknown): v is AsyncIterable<unknown> =>
  !!v && typeof (v as Record<symbol, unknown>)[Symbol.asyncIterator] === "function";

/** Calls `entry` with `args`; every outcome, failures included, is a tool result. */
export async function callTool(
  entry: CatalogEntry,
  args: Record<string, unknown>,
  context: CallContext,
  settings: CallSettings,
): Promise<CallToolResult> {
  const hint = {
    title: entry.binding.tools.title,
    env: entry.binding.tools.provider.credentials.map((c) => c.env),
  };
  try {
    if (entry.extra) {
      const { data, note, listChanged } = await entry.extra.call(entry.client(), args, context);
      if (listChanged) context.listChanged();
      const clean = settings.redact.value(data);
      const result = jsonResult(entry.spec as ToolSpec, clean, 200, settings.maxAnswerBytes);
      return note ? { ...result, content: [...result.content, { type: "text", text: note }] } : result;
    }
    return await generated(entry, entry.spec as ToolSpec, args, context, settings);
  } catch (error) {
    return failureResult(error, hint);
  }
}

async function generated(
  entry: CatalogEntry,
  tool: ToolSpec,
  args: Record<string, unknown>,
  context: CallContext,
  settings: CallSettings,
): Promise<CallToolResult> {
  const client = entry.client();
  const input = wireInput(tool, args);
  const options = { signal: context.signal };
  const max = settings.maxAnswerBytes;
  if (tool.paging) {
    const paginator = tool.paging();
    if (args.next !== undefined) {
      const paging = decodeNext(tool, args.next);
      if (paginator.in === "body") input.body = { ...(input.body as object | undefined), ...paging };
      else input.query = { ...input.query, ...paging };
    }
    // The client is untyped here (any provider's): the input was checked against the tool, and is again by the client.
    const page = await paginate(client, tool.operationId, input as never, paginator, options);
    const next = page.nextPageQuery();
    return pageResult(tool, settings.redact.value(page.data), next ? encodeNext(next) : undefined, max);
  }
  const answer: { data: unknown; response: Response } = await client
    .request(tool.operationId, input as never, options)
    .withResponse();
  const { response } = answer;
  // What the client method answers (`duvo.runs.create()` → the run): the field the entry unwraps, where there is one.
  const data =
    tool.unwrap !== undefined && answer.data !== null && typeof answer.data === "object"
      ? (answer.data as Record<string, unknown>)[tool.unwrap]
      : answer.data;
  const { redact } = settings;
  if (typeof Blob !== "undefined" && data instanceof Blob) {
    const bytes = redact.bytes(new Uint8Array(await data.arrayBuffer()));
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: data.type });
    return binaryResult(tool, blob, `agentruns://${entry.binding.tools.id}/${tool.operationId}`, max);
  }
  if (isStream(data)) return streamResult(redacted(data, redact), max);
  if (typeof data === "string" && !/json/i.test(response.headers.get("content-type") ?? "")) {
    return textResult(redact.text(data), max);
  }
  return jsonResult(tool, redact.value(data), response.status, max);
}

/** A stream whose events are redacted as they arrive (ending it ends the source). */
async function* redacted(stream: AsyncIterable<unknown>, redact: Redaction): AsyncGenerator<unknown> {
  for await (const event of stream) yield redact.value(event);
}
