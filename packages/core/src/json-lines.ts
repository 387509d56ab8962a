// `application/x-ndjson` / `application/jsonl` answers as a typed async iterator: one JSON value per line, read as the
// bytes arrive, ended early by the caller's signal, `abort()` or leaving the loop; the streaming twin of EventStream
// for APIs that stream without SSE.
import { ApiAbortError, ApiConnectionError } from "./errors.js";
import { onAbort } from "./signals.js";

/** Newline-delimited JSON media types (ndjson, JSON Lines). */
export const isJsonLines = (type: string): boolean =>
  /^application\/(x-)?(nd-?json|jsonl|json-?lines)\b/i.test(type);

/**
 * A streamed answer of JSON lines: `for await (const item of stream)` yields each line parsed (blank lines
 * skipped; a line that is not JSON ends the stream with an ApiConnectionError naming its number). It can be
 * iterated once.
 */
export class JsonLinesStream<T> implements AsyncIterable<T> {
  readonly response: Response;
  readonly #signal: AbortSignal | undefined;
  readonly #label: string;
  #used = false;

  constructor(response: Response, signal: AbortSignal | undefined, label: string) {
    this.response = response;
    this.#signal = signal;
    this.#label = label;
  }

  /** Closes the connection; an iteration in progress ends. */
  async abort(): Promise<void> {
    await this.response.body?.cancel().catch(() => {});
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    if (this.#used) throw new ApiConnectionError(`${this.#label}: a JSON-lines stream can be read only once`, 1, false);
    this.#used = true;
    const body = this.response.body;
    if (!body) return;
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let aborted = false;
    const stop = this.#signal
      ? onAbort(this.#signal, () => {
          aborted = true;
          void reader.cancel().catch(() => {});
        })
      : undefined;
    let buffer = "";
    let line = 0;
    const parse = (text: string): T => {
      line++;
      try {
        return JSON.parse(text) as T;
      } catch (e) {
        throw new ApiConnectionError(`${this.#label}: line ${line} of the JSON-lines stream is not JSON`, 1, false, {
          cause: e,
        });
      }
    };
    try {
      if (this.#signal?.aborted) aborted = true;
      while (!aborted) {
        let chunk: ReadableStreamReadResult<string>;
        try {
          chunk = await reader.read();
        } catch (e) {
          if (aborted) break;
          throw new ApiConnectionError(`${this.#label}: the JSON-lines stream broke off`, 1, false, { cause: e });
        }
        if (chunk.done) break;
        buffer += chunk.value;
        let end: number;
        while ((end = buffer.indexOf("\n")) >= 0) {
          const text = buffer.slice(0, end).trim();
          buffer = buffer.slice(end + 1);
          if (text) yield parse(text);
          else line++;
        }
      }
      if (aborted) {
        throw new ApiAbortError(`${this.#label}: the JSON-lines stream was aborted`, 1, { cause: this.#signal?.reason });
      }
      if (buffer.trim()) yield parse(buffer.trim());
    } finally {
      stop?.();
      await reader.cancel().catch(() => {});
    }
  }
}

/** The JSON-lines stream of an answer, for `ProviderDefinition.lines` (a client whose spec has such operations). */
export const jsonLinesStream = <T>(
  response: Response,
  signal: AbortSignal | undefined,
  label: string,
): JsonLinesStream<T> => new JsonLinesStream<T>(response, signal, label);
