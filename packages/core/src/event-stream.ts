// `text/event-stream` answers as a typed async iterator: events parsed by eventsource-parser (the maintained SSE
// parser), data parsed as JSON when it is JSON, `[DONE]` ending the stream, and an AbortSignal that ends it early.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { StreamedAnswer } from "./stream-text.js";

/** One server-sent event as received: `data` is the raw text. */
export type ServerSentEvent = EventSourceMessage;

/**
 * A streamed answer: `for await (const chunk of stream)` yields each event's data (parsed as JSON when it is JSON,
 * else the text; OpenAI-style `[DONE]` ends it); `events()` yields the raw events. It can be iterated once; the
 * caller's signal, `abort()` or leaving the loop early closes the connection.
 */
export class EventStream<T> extends StreamedAnswer implements AsyncIterable<T> {
  /** Every event as received (event name, id, raw data). */
  async *events(): AsyncGenerator<ServerSentEvent, void, undefined> {
    const queue: ServerSentEvent[] = [];
    const parser = createParser({ onEvent: (event) => void queue.push(event) });
    for await (const text of this.text("event stream")) {
      parser.feed(text);
      while (queue.length) yield queue.shift()!;
    }
    parser.reset({ consume: true });
    while (queue.length) yield queue.shift()!;
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
