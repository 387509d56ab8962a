// The promise every call returns: await it for the data, or call .withResponse() for the data and the raw Response.

export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The provider's request id (x-request-id header, or the error body's request_id), when it sent one. */
  requestId: string | undefined;
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
