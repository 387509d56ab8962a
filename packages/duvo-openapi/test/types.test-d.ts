// Compile-time contract of the Duvo client: wrong names, enum values and missing body fields do not compile.
import { describe, expectTypeOf, it } from "vitest";
import { createClient, type CreateRunBody, type Run, type RunSummary, type paths } from "../src/index.js";

const client = createClient({ apiKey: "k", env: {} });
const run_id = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

describe("Duvo client types", () => {
  it("types results from the spec", () => {
    expectTypeOf(client.GET("/v1/runs"))
      .resolves.toHaveProperty("data")
      .toEqualTypeOf<{ data: RunSummary[]; total: number } | undefined>();
    expectTypeOf<
      paths["/v1/runs/{run_id}"]["get"]["responses"][200]["content"]["application/json"]["run"]
    >().toEqualTypeOf<Run | null>();
    expectTypeOf<Run["status"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateRunBody>().toHaveProperty("agent_id").toEqualTypeOf<string>();
  });

  it("rejects a wrong query parameter name", () => {
    // @ts-expect-error `state` is not a parameter of GET /v1/runs (it is `status`)
    void client.GET("/v1/runs", { params: { query: { state: "running" } } });
  });

  it("rejects a wrong enum value", () => {
    // @ts-expect-error "done" is not one of the documented statuses
    void client.GET("/v1/runs", { params: { query: { status: "done" } } });
    // @ts-expect-error sort_order is asc | desc
    void client.GET("/v1/runs", { params: { query: { sort_order: "up" } } });
  });

  it("rejects a missing required body field", () => {
    // @ts-expect-error agent_id is required
    void client.POST("/v1/runs", { body: { message: "hi" } });
    // @ts-expect-error message is required
    void client.POST("/v1/runs/{run_id}/messages", { params: { path: { run_id } }, body: {} });
  });

  // Excess body properties are not caught: openapi-fetch infers the body generically, so TypeScript's
  // excess-property check does not apply. additionalProperties: false is enforced at run time instead.
  it("rejects a missing path parameter and an unknown path", () => {
    // @ts-expect-error run_id is required in the path
    void client.POST("/v1/runs/{run_id}/stop", { params: { path: {} } });
    // @ts-expect-error unknown path
    void client.GET("/v1/agents");
  });
});
