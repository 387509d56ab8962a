// `application/x-ndjson` / `application/jsonl` answers as a typed async iterator: one JSON value per line, read as the
// bytes arrive, ended early by the caller's signal, `abort()` or leaving the loop; the streaming twin of EventStream
// for APIs that stream without SSE.
import { ApiConnectionError } from "./errors.js";
import { StreamedAnswer } from "./stream-text.js";

/**
 * A streamed answer of JSON lines: `for await (const item of stream)` yields each line parsed (blank lines
 * skipped; a line that is not JSON ends the stream with an ApiConnectionError naming its number). It can be
 * iterated once.
 */
export class JsonLinesStream<T> extends StreamedAnswer implements AsyncIterable<T> {
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    let buffer = "";
    let line = 0;
    const parse = (text: string): T => {
      line++;
      try {
        return JSON.parse(text) as T;
      } catch (e) {
        throw new ApiConnectionError(
          `${this.label}: line ${line} of the JSON-lines stream is not JSON`,
          1,
          false,
          {
            cause: e,
          },
        );
      }
    };
    for await (const text of this.text("JSON-lines stream")) {
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf("\n")) >= 0) {
        const one = buffer.slice(0, end).trim();
        buffer = buffer.slice(end + 1);
        if (one) yield parse(one);
        else line++;
      }
    }
    if (buffer.trim()) yield parse(buffer.trim());
  }
}

/** The JSON-lines stream of an answer, for `ProviderDefinition.lines` (a client whose spec has such operations). */
export const jsonLinesStream = <T>(
  response: Response,
  signal: AbortSignal | undefined,
  label: string,
): JsonLinesStream<T> => new JsonLinesStream<T>(response, signal, label);
