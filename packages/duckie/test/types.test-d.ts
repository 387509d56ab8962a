// The Duckie client's public types.
import { describe, expectTypeOf, it } from "vitest";
import { Duckie, type Page, type RunSummary } from "../src/index.js";

const duckie = new Duckie({ apiKey: "k", env: {} });

describe("Duckie public types", () => {
  it("lists RunSummary items and takes Duckie's filters", () => {
    expectTypeOf(duckie.runs.list()).resolves.toMatchTypeOf<Page<RunSummary, unknown>>();
    void duckie.runs.list({
      status: ["failed", "paused"],
      duration: { gte: 60, lt: 300 },
      metadata: { team: "billing" },
      search: "refund",
    });
    // @ts-expect-error status takes an array of documented statuses
    void duckie.runs.list({ status: "failed" });
    // @ts-expect-error "stopped" is not a Duckie status
    void duckie.runs.list({ status: ["stopped"] });
    // @ts-expect-error duration operators are eq, gt, gte, lt, lte
    void duckie.runs.list({ duration: { ge: 1 } });
    // @ts-expect-error use duration: { gte } instead of the wire name
    void duckie.runs.list({ "duration[gte]": 60 });
  });
});
