// `text/event-stream` answers as a typed async iterator of `{ event, data }`: events parsed by eventsource-parser (the
// maintained SSE parser), data parsed as JSON when it is JSON, `[DONE]` ending the stream, and an AbortSignal that
// ends it early.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { StreamedAnswer } from "./stream-text.js";

/** One server-sent event as received: `data` is the raw text. */
export type ServerSentEvent = EventSourceMessage;

/** Data as the spec types it: a stream described only as text (`type: string`) or not at all carries any JSON. */
type DataOf<T> = unknown extends T ? unknown : T extends string ? unknown : T;

/**
 * One event of a stream as iterated: its name (`message` where the server gave none, as the SSE standard says), its
 * data (parsed as JSON when it is JSON) and its id. Typed from the spec's schema of the stream: a schema of events
 * (`{ event, data }`, a union of them per event name) gives each name its own data type, a discriminated union; any
 * other schema types the data of every event.
 */
export type StreamEvent<T> = T extends { event: infer E; data: infer D }
  ? { event: E; data: D; id?: string }
  : { event: string; data: DataOf<T>; id?: string };

/**
 * A streamed answer: `for await (const { event, data } of stream)` yields each event with its name and its data
 * (parsed as JSON when it is JSON; OpenAI-style `[DONE]` ends it); `data()` yields the data alone, `events()` the raw
 * events. It can be iterated once; the caller's signal, `abort()` or leaving the loop early closes the connection.
 */
export class EventStream<T> extends StreamedAnswer implements AsyncIterable<StreamEvent<T>> {
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

  async *[Symbol.asyncIterator](): AsyncGenerator<StreamEvent<T>, void, undefined> {
    for await (const event of this.events()) {
      if (event.data === "[DONE]") return;
      let data: unknown = event.data;
      try {
        data = JSON.parse(event.data);
      } catch {
        // not JSON: the text as it came
      }
      const item = {
        event: event.event ?? "message",
        data,
        ...(event.id === undefined ? {} : { id: event.id }),
      };
      yield item as StreamEvent<T>;
    }
  }

  /** Each event's data alone, in order (for streams whose event names carry nothing, as OpenAI's). */
  async *data(): AsyncGenerator<StreamEvent<T>["data"], void, undefined> {
    for await (const item of this) yield item.data as StreamEvent<T>["data"];
  }
}

/** The event stream of an answer, for `ProviderDefinition.stream` (a client whose spec has streaming operations). */
export const eventStream = <T>(
  response: Response,
  signal: AbortSignal | undefined,
  label: string,
): EventStream<T> => new EventStream<T>(response, signal, label);
