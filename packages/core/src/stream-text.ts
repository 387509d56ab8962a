// What every streamed answer shares (event-stream.ts, json-lines.ts): its Response, `abort()`, a body read once, and
// that body's text as it arrives: decoded chunks, the caller's signal ending the read with ApiAbortError, a connection
// that breaks off an ApiConnectionError, the connection closed whenever the reader stops, early or not.
import { ApiAbortError, ApiConnectionError } from "./errors.js";
import { onAbort } from "./signals.js";

/** Decoded chunks of `response`'s body; `what` names the stream in errors ("event stream", "JSON-lines stream"). */
export async function* streamText(
  response: Response,
  signal: AbortSignal | undefined,
  label: string,
  what: string,
): AsyncGenerator<string, void, undefined> {
  const body = response.body;
  if (!body) return;
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let aborted = false;
  const stop = signal
    ? onAbort(signal, () => {
        aborted = true;
        void reader.cancel().catch(() => {});
      })
    : undefined;
  try {
    if (signal?.aborted) aborted = true;
    while (!aborted) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (e) {
        if (aborted) break;
        throw new ApiConnectionError(`${label}: the ${what} broke off`, 1, false, { cause: e });
      }
      if (chunk.done) return;
      yield chunk.value;
    }
    throw new ApiAbortError(`${label}: the ${what} was aborted`, 1, { cause: signal?.reason });
  } finally {
    stop?.();
    await reader.cancel().catch(() => {});
  }
}

/** A streamed answer: the Response it lives on, `abort()`, and its text, which can be read once. */
export abstract class StreamedAnswer {
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

  /** The call's label for messages (`Duvo GET /v1/runs`). */
  protected get label(): string {
    return this.#label;
  }

  /** The body's text chunks (`what` names the stream in errors); a second read is an ApiConnectionError. */
  protected async *text(what: string): AsyncGenerator<string, void, undefined> {
    if (this.#used)
      throw new ApiConnectionError(
        `${this.#label}: this ${what} was read already (it can be read only once)`,
        1,
        false,
      );
    this.#used = true;
    yield* streamText(this.response, this.#signal, this.#label, what);
  }
}
