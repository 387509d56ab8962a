// Bodies by media type: requests as JSON, multipart (File/Blob fields), form-encoded, text or raw bytes; answers
// read as their Content-Type says (JSON, text, a Blob, or an event stream).
import { isEventStream, isJsonLines, isJsonMedia } from "./media-types.js";
import { asResponse, type TransportAnswer } from "./transport.js";
import type { OperationSpec } from "./wire/operation.js";

/** What an upload may be: a Blob or File, bytes, a string, or a stream of bytes. */
export type Binary = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

export const isBinary = (v: unknown): boolean =>
  (typeof Blob !== "undefined" && v instanceof Blob) ||
  v instanceof ArrayBuffer ||
  ArrayBuffer.isView(v) ||
  (typeof ReadableStream !== "undefined" && v instanceof ReadableStream);

/** A request body and the content type it needs (none for FormData: fetch sets the boundary). */
export function encodeBody(
  spec: OperationSpec,
  body: unknown,
): { body: BodyInit; contentType?: string; stream: boolean } {
  const media = spec.body?.media;
  if (!media) return { body: JSON.stringify(body), contentType: "application/json", stream: false };
  if (media === "multipart") {
    const form = new FormData();
    for (const [name, v] of Object.entries((body ?? {}) as Record<string, unknown>))
      appendField(form, name, v);
    return { body: form, stream: false };
  }
  const contentType = spec.body!.contentType ?? "application/octet-stream";
  if (media === "form") {
    const pairs = Object.entries((body ?? {}) as Record<string, unknown>).flatMap(([k, v]) =>
      v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, fieldText(x)]) : [[k, fieldText(v)]],
    );
    return { body: new URLSearchParams(pairs).toString(), contentType, stream: false };
  }
  const stream = typeof ReadableStream !== "undefined" && body instanceof ReadableStream;
  return { body: body as BodyInit, contentType, stream };
}

/** One multipart field's value: Blobs as file parts, objects as JSON, the rest as text. */
function appendField(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) return value.forEach((v) => appendField(form, name, v));
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    form.append(name, value, (value as { name?: string }).name || name);
  } else if (isBinary(value)) {
    form.append(name, new Blob([value as ArrayBuffer]), name);
  } else form.append(name, fieldText(value));
}

/** A form or multipart field's text: objects as JSON (as multipart's default content type says), the rest as text. */
const fieldText = (value: unknown): string =>
  value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);

/** Makes the event stream of an answer (`EventStream`'s constructor, passed by clients whose spec has streams). */
export type StreamFactory = (response: Response, signal: AbortSignal | undefined, label: string) => unknown;

/** A success answer that is not what the operation declares; the caller turns it into an UnexpectedResponseError. */
export class UnexpectedAnswer {
  constructor(
    /** What is wrong, as the end of a sentence that starts with the call (`returned a body that is not valid JSON`). */
    readonly problem: string,
    /** The body as read, when it was. */
    readonly text: string | undefined,
  ) {}
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new UnexpectedAnswer("returned a body that is not valid JSON", text);
  }
}

/**
 * Reads a success answer as its Content-Type says (the operation's declared media when it says nothing):
 * JSON (empty → undefined), text, an event stream or a JSON-lines stream (not read here: they live on after the call,
 * on the answer as a fetch Response, which their classes expose; only for clients that pass `stream` / `lines`, so a
 * provider without streams bundles no parser), else a Blob. An
 * operation that declares JSON only accepts a JSON body under another media type (a server that mislabels it) and
 * throws UnexpectedAnswer for anything else, rather than handing over text typed as the object.
 */
export async function readAnswer(
  response: TransportAnswer,
  spec: OperationSpec,
  signal: AbortSignal | undefined,
  label: string,
  stream?: StreamFactory,
  lines?: StreamFactory,
): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  const declared = spec.response;
  if (stream && (isEventStream(type) || (!type && declared === "sse"))) {
    return stream(asResponse(response), signal, label);
  }
  if (lines && (isJsonLines(type) || (!type && declared === "ndjson")))
    return lines(asResponse(response), signal, label);
  if (isJsonMedia(type) || (!type && (declared === undefined || declared === "mixed"))) {
    return parseJson(await response.text());
  }
  if (declared === undefined) {
    const text = await response.text();
    try {
      return parseJson(text);
    } catch {
      throw new UnexpectedAnswer(
        `answered ${response.status} with ${type.split(";")[0]}, not the JSON its spec declares`,
        text,
      );
    }
  }
  if (/^text\//i.test(type) || (!type && declared === "text")) return response.text();
  if (!type && declared === "none") {
    const text = await response.text();
    return text || undefined;
  }
  return response.blob();
}
