// An MCP tool's schema from a spec schema: inlined as deep as fits its size bound, and built in time proportional to
// that bound, however cross-referenced the spec (Microsoft Graph's 13 MB spec took over 16 minutes before each
// attempt stopped at its bound; 38 s for the whole generation after).
import { describe, expect, it } from "vitest";
import { toolSchema } from "../src/tool-schema.js";

/** `n` schemas that each hold every other one as a property: inlining 8 levels would be n^8 nodes. */
function tangled(n: number) {
  const schemas: Record<string, object> = {};
  for (let i = 0; i < n; i++) {
    const properties: Record<string, object> = {
      id: { type: "string", description: `the id of entity ${i}` },
    };
    for (let j = 0; j < n; j++)
      if (j !== i) properties[`entity${j}`] = { $ref: `#/components/schemas/E${j}` };
    schemas[`E${i}`] = { type: "object", description: `entity ${i}`, properties };
  }
  return { openapi: "3.1.0", components: { schemas } };
}

describe("toolSchema", () => {
  it("bounds a heavily cross-referenced schema quickly, at the deepest level that fits", () => {
    const doc = tangled(40);
    const started = Date.now();
    const out = toolSchema(
      doc,
      { $ref: "#/components/schemas/E0" },
      { direction: "input", maxBytes: 16_000 },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    const size = JSON.stringify(out).length;
    expect(size).toBeLessThanOrEqual(16_000);
    // One level inlined (E0's properties, each other entity described) fits; two would not.
    expect(out.properties.entity1).toEqual({ type: "object", description: "entity 1" });
    expect(Object.keys(out.properties)).toHaveLength(40);
  });

  it("answers a ref met again from memory, per document, direction and bound, with what a first conversion gives", () => {
    const doc = tangled(12);
    const ref = () => ({ $ref: "#/components/schemas/E3" });
    const input = { direction: "input", maxBytes: 4_000 } as const;
    const first = toolSchema(doc, ref(), input);
    expect(toolSchema(doc, ref(), input)).toBe(first);
    // Another bound, direction or document is converted afresh, to the same answer when nothing differs.
    expect(toolSchema(doc, ref(), { ...input, maxBytes: 8_000 })).not.toBe(first);
    expect(toolSchema(doc, ref(), { ...input, direction: "output" })).not.toBe(first);
    const again = toolSchema(tangled(12), ref(), input);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("keeps the same depth as an unbounded search would: a small schema is inlined fully", () => {
    const doc = tangled(2);
    const out = toolSchema(
      doc,
      { $ref: "#/components/schemas/E0" },
      { direction: "input", maxBytes: 16_000 },
    );
    // E0 → E1 → E0 is recursion: E0 met again is described, not inlined.
    expect(out.properties.entity1.properties.entity0).toEqual({ type: "object", description: "entity 0" });
  });

  it("drops an anyOf with a branch that accepts anything, however large its other branch", () => {
    const doc = tangled(40);
    const out = toolSchema(
      doc,
      { anyOf: [{ $ref: "#/components/schemas/E0" }, {}], description: "anything" },
      { direction: "input", maxBytes: 2_000 },
    );
    expect(out).toEqual({ description: "anything" });
  });
});
