// The run plan: every job gets a scratch workspace of its own, also when two directory ids make one provider id.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { planRun } from "../src/directory/plan.js";
import { ResultStore } from "../src/directory/result.js";

let tmp: string;
afterAll(() => rm(tmp, { recursive: true, force: true }));

it("gives each job its own scratch workspace when two directory ids make one provider id", async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "agentruns-plan-"));
  // The directory has both (vtex.local): one provider id, vtex-local-marketplace-apis.
  const ids = ["vtex.local/Marketplace-APIs", "vtex.local/Marketplace-APIs-"];
  const files = new Map<string, string>();
  for (const [i, id] of ids.entries()) {
    const file = path.join(tmp, `${i}.json`);
    await writeFile(file, JSON.stringify({ openapi: "3.0.0", info: { title: id, version: "1" }, paths: {} }));
    files.set(id, file);
  }
  const { jobs } = await planRun({
    repo: tmp,
    corpusPackage: tmp,
    specs: ids.map((id) => ({ id, member: id, bytes: 0 })),
    files,
    generator: "g",
    store: new ResultStore(path.join(tmp, "results")),
    prefix: "agentruns-plan-test",
  });
  expect(jobs.map((j) => j.providerId)).toEqual([
    "vtex-local-marketplace-apis",
    "vtex-local-marketplace-apis",
  ]);
  expect(new Set(jobs.map((j) => j.work.root)).size).toBe(2);
});
