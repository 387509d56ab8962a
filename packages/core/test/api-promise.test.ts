// The promise every call returns behaves as a promise of the data: each `then` form, `catch`, `finally`, and
// `withResponse()` for the response beside the data.
import { describe, expect, it } from "vitest";
import { APIPromise, type WithResponse } from "../src/index.js";

const response = new Response("{}", { status: 200, headers: { "x-request-id": "req_1" } });
const ok = () =>
  new APIPromise<{ id: string }>(Promise.resolve({ data: { id: "a" }, response, requestId: "req_1" }));
const failed = (e: Error) =>
  new APIPromise<{ id: string }>(Promise.reject(e) as Promise<WithResponse<{ id: string }>>);

describe("APIPromise", () => {
  it("resolves to the data when awaited, and to data, response and request id with withResponse()", async () => {
    expect(await ok()).toEqual({ id: "a" });
    const r = await ok().withResponse();
    expect(r.data).toEqual({ id: "a" });
    expect(r.response).toBe(response);
    expect(r.requestId).toBe("req_1");
  });

  it("passes the data to then's first callback and its result on", async () => {
    expect(await ok().then((d) => d.id.toUpperCase())).toBe("A");
  });

  it("ignores callbacks that are not functions, as promises do", async () => {
    expect(await ok().then(null)).toEqual({ id: "a" });
    expect(await ok().then(123 as never, 456 as never)).toEqual({ id: "a" });
    const e = new Error("boom");
    await expect(failed(e).then(undefined, 1 as never)).rejects.toBe(e);
  });

  it("gives a rejection to then's second callback and to catch, not to the first", async () => {
    const e = new Error("boom");
    let fulfilled = false;
    expect(
      await failed(e).then(
        () => (fulfilled = true),
        (x) => x,
      ),
    ).toBe(e);
    expect(fulfilled).toBe(false);
    expect(await failed(e).catch((x) => x)).toBe(e);
  });

  it("does not hand an error thrown by the first callback to the second (a rejection instead)", async () => {
    const thrown = new Error("from the callback");
    let handled = false;
    await expect(
      ok().then(
        () => {
          throw thrown;
        },
        () => (handled = true),
      ),
    ).rejects.toBe(thrown);
    expect(handled).toBe(false);
  });

  it("runs finally after either outcome and keeps the outcome", async () => {
    let runs = 0;
    expect(await ok().finally(() => runs++)).toEqual({ id: "a" });
    const e = new Error("boom");
    await expect(failed(e).finally(() => runs++)).rejects.toBe(e);
    expect(runs).toBe(2);
  });
});
