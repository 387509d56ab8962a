// The promise every call returns: await it for the data, or call .withResponse() for the data and the raw Response.
import { asResponse, type TransportAnswer } from "./transport.js";

export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The provider's request id (x-request-id header, or the error body's request_id), when it sent one. */
  requestId: string | undefined;
}

/** What a call resolves to inside the core: WithResponse plus the transport's answer, which the core reads instead. */
export interface Answered<T> extends WithResponse<T> {
  readonly answer: TransportAnswer;
}

/** A call's result; `response` is made from the answer only when it is read (most callers never read it). */
export function answered<T>(data: T, answer: TransportAnswer, requestId: string | undefined): Answered<T> {
  return {
    data,
    requestId,
    answer,
    get response() {
      return asResponse(answer);
    },
  };
}

/** `result` with other data; its response still made only when read (a spread would make it now). */
export function withData<T>(result: Answered<unknown>, data: T): Answered<T> {
  result.data = data;
  return result as Answered<T>;
}

export class APIPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    this.#result = result;
  }

  /** The data together with the HTTP response and request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One reaction, not two: `await client.call()` costs a single extra promise over the call itself.
    return this.#result.then(
      typeof onFulfilled === "function" ? (r) => onFulfilled(r.data) : (r) => r.data as unknown as A,
      onRejected,
    );
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag]() {
    return "APIPromise";
  }
}
