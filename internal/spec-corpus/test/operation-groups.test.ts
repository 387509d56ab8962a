// The per-operation layout's grouping rule (scripts/src/operation-groups.ts), as properties: every operation in
// exactly one group, groups in path order and of bounded size, about GROUP_SIZE on average, and adding an operation
// changes only the group it falls in (so regenerating after a spec gains an operation rewrites one or two modules).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GROUP_SIZE, groupOperations, type GroupedOperation } from "../../../scripts/src/operation-groups.js";

const METHODS = ["get", "put", "post", "delete", "patch"];

/** Operations with distinct ids over a small set of paths (several methods on one path, as real specs have). */
const operations = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 12 }),
      method: fc.constantFrom(...METHODS),
      path: fc.stringMatching(/^\/[a-c]{1,3}(\/\{[a-c]\})?$/),
    }),
    { selector: (o) => o.id, maxLength: 300 },
  )
  .map((ops) => ops as GroupedOperation[]);

const key = (o: GroupedOperation) => [o.path, o.method, o.id];
const before = (a: GroupedOperation, b: GroupedOperation) => {
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
};

describe("operation groups", () => {
  it("hold every operation once, in path order, none larger than four times the mean", () => {
    fc.assert(
      fc.property(operations, (ops) => {
        const groups = groupOperations(ops);
        const flat = groups.flat();
        expect(flat.length).toBe(ops.length);
        expect(new Set(flat).size).toBe(ops.length);
        const byId = new Map(ops.map((o) => [o.id, o]));
        for (let i = 1; i < flat.length; i++)
          expect(before(byId.get(flat[i - 1]!)!, byId.get(flat[i]!)!)).toBe(true);
        for (const g of groups) expect(g.length).toBeGreaterThan(0);
        for (const g of groups) expect(g.length).toBeLessThanOrEqual(4 * GROUP_SIZE);
      }),
    );
  });

  it("change only the group an added operation falls in", () => {
    fc.assert(
      fc.property(operations, fc.nat(), (ops, pick) => {
        fc.pre(ops.length > 1);
        // Every operation but one, then all of them: the groups not holding it are the same groups.
        const added = ops[pick % ops.length]!;
        const without = groupOperations(ops.filter((o) => o !== added)).map((g) => g.join("\u0000"));
        const withIt = groupOperations(ops);
        const holding = withIt.findIndex((g) => g.includes(added.id));
        const others = withIt.filter((_, i) => i !== holding).map((g) => g.join("\u0000"));
        // Each other group is unchanged, except the one before it may differ when the added operation starts a
        // group (it took the tail of that group) or where a group reached its maximum size (a forced cut).
        const unchanged = others.filter((g) => without.includes(g));
        expect(unchanged.length).toBeGreaterThanOrEqual(others.length - 2);
      }),
    );
  });

  it("average about GROUP_SIZE operations on a large API, as the names' hashes fall", () => {
    const ops = Array.from({ length: 10_000 }, (_, i) => ({
      id: `operation${i}`,
      method: METHODS[i % METHODS.length]!,
      path: `/resources${Math.floor(i / 5)}`,
    }));
    const groups = groupOperations(ops);
    const mean = ops.length / groups.length;
    expect(mean).toBeGreaterThan(GROUP_SIZE * 0.8);
    expect(mean).toBeLessThan(GROUP_SIZE * 1.25);
  });
});
