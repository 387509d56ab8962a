// Compile-time contract of the Avido client: the documented query names and enums only, and both credentials.
import { describe, expectTypeOf, it } from "vitest";
import { createClient, type CreateClientOptions, type RunOutput, type RunType } from "../src/index.js";

const client = createClient({ apiKey: "k", applicationId: "a", env: {} });

describe("Avido client types", () => {
  it("types results from the spec", () => {
    expectTypeOf(client.GET("/v0/runs")).resolves.toHaveProperty("data").toEqualTypeOf<
      | {
          data: RunOutput[];
          pagination: { skip: number; limit: number; total: number; totalPages: number; totalCount?: number };
        }
      | undefined
    >();
    expectTypeOf<RunType>().toEqualTypeOf<"MANUAL" | "SCHEDULED" | "EXPERIMENT" | "MONITORING">();
    expectTypeOf<CreateClientOptions>().toHaveProperty("applicationId").toEqualTypeOf<string | undefined>();
  });

  it("rejects a wrong parameter name or enum value", () => {
    // @ts-expect-error `offset` is not a parameter (Avido uses `skip`)
    void client.GET("/v0/runs", { params: { query: { offset: 1 } } });
    // @ts-expect-error orderBy is createdAt | modifiedAt | type | id
    void client.GET("/v0/runs", { params: { query: { orderBy: "name" } } });
    // @ts-expect-error orderDir is asc | desc
    void client.GET("/v0/runs", { params: { query: { orderDir: "ascending" } } });
  });
});
