// Compile-time contract of the Duckie client: arrays of documented enums, duration[op] and metadata filters.
import { describe, expectTypeOf, it } from "vitest";
import { createClient, type CursorPagination, type RunStatus, type operations } from "../src/index.js";

const client = createClient({ apiKey: "k", env: {} });
type Query = NonNullable<operations["listRuns"]["parameters"]["query"]>;

describe("Duckie client types", () => {
  it("types filters and results from the spec", () => {
    expectTypeOf<Query["status"]>().toEqualTypeOf<RunStatus[] | undefined>();
    expectTypeOf<Query["duration[gte]"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Query["metadata"]>().toEqualTypeOf<{ [key: string]: string } | undefined>();
    expectTypeOf<CursorPagination["next_cursor"]>().toEqualTypeOf<string | null>();
  });

  it("rejects wrong names and enum values", () => {
    // @ts-expect-error "stopped" is not a Duckie run status
    void client.GET("/api/v1/runs", { params: { query: { status: ["stopped"] } } });
    // @ts-expect-error status takes an array
    void client.GET("/api/v1/runs", { params: { query: { status: "completed" } } });
    // @ts-expect-error the operator is spelled duration[gte]
    void client.GET("/api/v1/runs", { params: { query: { "duration[ge]": 60 } } });
    // @ts-expect-error metadata values are strings
    void client.GET("/api/v1/runs", { params: { query: { metadata: { team: 1 } } } });
    // @ts-expect-error `q` is not a parameter (it is `search`)
    void client.GET("/api/v1/runs", { params: { query: { q: "refund" } } });
  });
});
