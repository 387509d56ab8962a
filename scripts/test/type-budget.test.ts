// Type-cost budgets: a consumer file that calls every operation of each provider's client, type-checked under
// strict, stays under a fixed count of type instantiations over an empty file (deterministic for a TypeScript
// version; timings live in `pnpm bench`). The largest real spec's budget is in the corpus test.
import { consumerOf, typeCheck } from "@agentruns/testkit";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "../providers.js";
import { loadModel } from "../src/model.js";

const repo = path.resolve(import.meta.dirname, "../..");
/** Instantiations over an empty file, per provider: measured with TypeScript 5.9.3 (Duvo 208 for 7 operations, Avido
 * 94, Duckie 122; 1,187, 272 and 300 before signatures used the spec's names instead of `ResultOf<…>` lookups), plus
 * about 20%. */
const BUDGET: Record<string, number> = { duvo: 250, avido: 115, duckie: 150 };
/**
 * A provider added since gets a budget derived from its size, so adding one never means editing this file: a base
 * plus 150 an operation, half again the most any real spec has cost per operation here (TGI 1,041 for 12 operations,
 * a FastAPI-built AI API 1,842 for 19, Docker Engine 9,395 for 107: 87 to 97 each, against Duvo's 30), so that what
 * fails is a generator regression, not a spec's richer types. Seeds keep their tight numbers above.
 */
const budgetOf = (id: string, operations: number): number => BUDGET[id] ?? 100 + 150 * operations;

let empty: number;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(repo, "packages", ".tmp-type-budget-"));
  await writeFile(path.join(dir, "empty.ts"), "export {};\n");
  empty = (await typeCheck([path.join(dir, "empty.ts")])).instantiations;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(providers.map((p) => [p.id, p] as const))("%s", (id, entry) => {
  it("a consumer calling every operation stays within its instantiation budget", async () => {
    const { methods, clientClass } = (await loadModel(repo, entry)).client;
    const file = path.join(dir, `${id}.ts`);
    const from = `../${id}/dist/index.js`;
    await writeFile(file, consumerOf(methods, from, clientClass));
    const { errors, instantiations } = await typeCheck([file]);
    expect(errors).toEqual([]);
    const cost = instantiations - empty;
    console.log(`${id}: ${methods.length} operations, ${cost} instantiations over an empty file`);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(budgetOf(id, methods.length));
  }, 60_000);
});
