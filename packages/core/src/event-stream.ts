// `text/event-stream` answers as a typed async iterator: events parsed by eventsource-parser (the maintained SSE
// parser), data parsed as JSON when it is JSON, `[DONE]` ending the stream, and an AbortSignal that ends it early.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { ApiAbortError, ApiConnectionError } from "./errors.js";
import { onAbort } from "./signals.js";

/** One server-sent event as received: `data` is the raw text. */
export type ServerSentEvent = EventSourceMessage;

/**
 * A streamed answer: `for await (const chunk of stream)` yields each event's data (parsed as JSON when it is JSON,
 * else the text; OpenAI-style `[DONE]` ends it); `events()` yields the raw events. It can be iterated once; the
 * caller's signal, `abort()` or leaving the loop early closes the connection.
 */
export class EventStream<T> implements AsyncIterable<T> {
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

  /** Every event as received (event name, id, raw data). */
  async *events(): AsyncGenerator<ServerSentEvent, void, undefined> {
    if (this.#used)
      throw new ApiConnectionError(`${this.#label}: an event stream can be read only once`, 1, false);
    this.#used = true;
    const body = this.response.body;
    if (!body) return;
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const queue: ServerSentEvent[] = [];
    const parser = createParser({ onEvent: (event) => void queue.push(event) });
    let aborted = false;
    const stop = this.#signal
      ? onAbort(this.#signal, () => {
          aborted = true;
          void reader.cancel().catch(() => {});
        })
      : undefined;
    try {
      if (this.#signal?.aborted) aborted = true;
      while (!aborted) {
        let chunk: ReadableStreamReadResult<string>;
        try {
          chunk = await reader.read();
        } catch (e) {
          if (aborted) break;
          throw new ApiConnectionError(`${this.#label}: the event stream broke off`, 1, false, { cause: e });
        }
        if (chunk.done) break;
        parser.feed(chunk.value);
        while (queue.length) yield queue.shift()!;
      }
      if (aborted) {
        throw new ApiAbortError(`${this.#label}: the event stream was aborted`, 1, {
          cause: this.#signal?.reason,
        });
      }
      parser.reset({ consume: true });
      while (queue.length) yield queue.shift()!;
    } finally {
      stop?.();
      await reader.cancel().catch(() => {});
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const event of this.events()) {
      if (event.data === "[DONE]") return;
      let data: unknown = event.data;
      try {
        data = JSON.parse(event.data);
      } catch {
        // not JSON: the text as it came
      }
      yield data as T;
    }
  }
}

/** The event stream of an answer, for `ProviderDefinition.stream` (a client whose spec has streaming operations). */
export const eventStream = <T>(
  response: Response,
  signal: AbortSignal | undefined,
  label: string,
): EventStream<T> => new EventStream<T>(response, signal, label);
