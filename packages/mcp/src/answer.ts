// An operation's answer as a tool result: JSON as text plus structured content, text as text, binary as an image,
// audio or blob resource with its media type, a stream as the events received; anything past the size bound is cut
// with a note saying how to narrow the call.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolSpec } from "@agentruns/core";
import { outputProblem } from "./output-check.js";

type Content = CallToolResult["content"][number];

/** Default bound of one answer's text, in bytes (configurable: `maxAnswerBytes`). */
export const DEFAULT_MAX_ANSWER_BYTES = 256_000;

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** `text` cut to `max` bytes on a character boundary. */
function cut(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let s = Buffer.from(text, "utf8").subarray(0, max).toString("utf8");
  if (s.endsWith("\uFFFD")) s = s.slice(0, -1);
  return s;
}

const note = (size: number, max: number, how: string) =>
  `[answer cut: ${size} bytes, more than the ${max}-byte bound; ${how}]`;

const NARROW = "narrow the call with its filters or a smaller limit";

/** An answer that breaks its output schema: the answer as text (no structured content to check), and what is off. */
const offSpec = (text: string, max: number, why: string): CallToolResult => ({
  isError: true,
  content: [
    { type: "text", text: cut(text, max) },
    { type: "text", text: why },
  ],
});

/** A success whose data is a JSON value (or undefined for an empty answer). */
export function jsonResult(tool: ToolSpec, data: unknown, status: number, max: number): CallToolResult {
  if (data === undefined)
    return { content: [{ type: "text", text: `${tool.name}: done (HTTP ${status}, no content)` }] };
  const text = JSON.stringify(data);
  const structured = tool.outputSchema && data !== null && typeof data === "object" && !Array.isArray(data);
  if (tool.outputSchema && !structured) {
    // A client checks a tool's answers against its output schema: one that is not the object the spec describes is
    // reported as what it is.
    return {
      isError: true,
      content: [
        {
          type: "text",
          text: `${tool.name}: the answer is not the JSON object its spec describes: ${cut(text, max)}`,
        },
      ],
    };
  }
  const problem = structured ? outputProblem(tool.outputSchema!, data) : undefined;
  // The call itself succeeded: said plainly, so that a create is not repeated because its answer was off-spec.
  if (problem)
    return offSpec(
      text,
      max,
      `${tool.name} succeeded (HTTP ${status}), but its answer does not match the spec's schema (${problem.slice(0, 500)}): do not repeat the call; the answer is above.`,
    );
  if (bytes(text) <= max) {
    return {
      content: [{ type: "text", text }],
      ...(structured ? { structuredContent: data as Record<string, unknown> } : {}),
    };
  }
  // Past the bound there is no complete object to hand over as structured content: the cut text and the reason.
  return {
    isError: !!tool.outputSchema,
    content: [{ type: "text", text: `${cut(text, max)}\n${note(bytes(text), max, NARROW)}` }],
  };
}

/** One page of a list: `{ items, next }`, with as many items as fit when the page is larger than the bound. */
export function pageResult(
  tool: ToolSpec,
  items: unknown[],
  next: string | undefined,
  max: number,
): CallToolResult {
  const whole = { items, ...(next ? { next } : {}) };
  const text = JSON.stringify(whole);
  const problem = tool.outputSchema ? outputProblem(tool.outputSchema, whole) : undefined;
  if (problem)
    return offSpec(
      text,
      max,
      `${tool.name}: the page does not match the spec's schema (${problem.slice(0, 500)}); its items are above.`,
    );
  if (bytes(text) <= max) return { content: [{ type: "text", text }], structuredContent: whole };
  let kept = items.length;
  let shown = whole;
  // Halve until the page fits: a handful of serializations even for pages of thousands.
  while (kept > 0 && bytes(JSON.stringify(shown)) > max) {
    kept = Math.floor(kept / 2);
    shown = { items: items.slice(0, kept), ...(next ? { next } : {}) };
  }
  const how = `showing the first ${kept} of ${items.length} items: pass limit=${Math.max(1, kept)} (and next) to page through all of them`;
  return {
    content: [
      { type: "text", text: JSON.stringify(shown) },
      { type: "text", text: note(bytes(text), max, how) },
    ],
    structuredContent: shown,
  };
}

/** A text answer. */
export function textResult(text: string, max: number): CallToolResult {
  return {
    content: [
      {
        type: "text",
        text: bytes(text) <= max ? text : `${cut(text, max)}\n${note(bytes(text), max, NARROW)}`,
      },
    ],
  };
}

/** A binary answer: an image or audio content, else an embedded blob resource, base64 with its media type. */
export async function binaryResult(
  tool: ToolSpec,
  blob: Blob,
  uri: string,
  max: number,
): Promise<CallToolResult> {
  const mimeType = blob.type || "application/octet-stream";
  // base64 grows by a third: the bound is on what the model receives.
  if (Math.ceil(blob.size / 3) * 4 > max) {
    return {
      isError: true,
      content: [
        {
          type: "text",
          text: `${tool.name} answered ${blob.size} bytes of ${mimeType}, more than the ${max}-byte bound: ask for a smaller part, or raise --max-answer-bytes`,
        },
      ],
    };
  }
  const data = Buffer.from(await blob.arrayBuffer()).toString("base64");
  const content: Content = /^image\//i.test(mimeType)
    ? { type: "image", data, mimeType }
    : /^audio\//i.test(mimeType)
      ? { type: "audio", data, mimeType }
      : { type: "resource", resource: { uri, mimeType, blob: data } };
  return { content: [content] };
}

/** A streamed answer (server-sent events, JSON lines): what arrives until it ends or reaches the bound. */
export async function streamResult(stream: AsyncIterable<unknown>, max: number): Promise<CallToolResult> {
  const events: unknown[] = [];
  let size = 2;
  let more = false;
  const iterator = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await iterator.next();
      if (step.done) break;
      const length = bytes(JSON.stringify(step.value) ?? "null") + 1;
      if (size + length > max) {
        more = true;
        break;
      }
      size += length;
      events.push(step.value);
    }
  } finally {
    if (more) await iterator.return?.();
  }
  const text = JSON.stringify(events);
  return {
    content: [
      { type: "text", text },
      ...(more
        ? [
            {
              type: "text" as const,
              text: `[stream cut after ${events.length} events at the ${max}-byte bound]`,
            },
          ]
        : []),
    ],
  };
}
