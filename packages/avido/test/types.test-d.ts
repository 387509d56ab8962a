// The Avido client's public types.
import { describe, expectTypeOf, it } from "vitest";
import { Avido, type Page, type RunOutput } from "../src/index.js";

const avido = new Avido({ apiKey: "k", applicationId: "a", env: {} });

describe("Avido public types", () => {
  it("lists RunOutput items and takes the documented parameters", () => {
    expectTypeOf(avido.runs.list()).resolves.toMatchTypeOf<Page<RunOutput, unknown>>();
    expectTypeOf(avido.runs.list()).toMatchTypeOf<AsyncIterable<RunOutput>>();
    void avido.runs.list({
      orderBy: "modifiedAt",
      orderDir: "asc",
      startDate: new Date(),
      endDate: "2026-01-01T00:00:00.000Z",
    });
    // @ts-expect-error orderBy is createdAt | modifiedAt | type | id
    void avido.runs.list({ orderBy: "name" });
    // @ts-expect-error Avido pages with skip, not offset
    void avido.runs.list({ offset: 10 });
  });
});
