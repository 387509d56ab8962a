// Each ergonomic package's api.md lists every method of its client, under its resource, with the signature the
// client has, and its example calls compile against the published types.
import { typeCheck } from "@agentruns/testkit";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "../providers.js";
import { loadModel } from "../src/model.js";

const repo = path.resolve(import.meta.dirname, "../..");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(repo, "packages", ".tmp-api-reference-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(providers.map((p) => [p.id, p] as const))("%s/api.md", (id, entry) => {
  it("lists every method with its signature, and its examples type-check", async () => {
    const text = await readFile(path.join(repo, "packages", id, "api.md"), "utf8");
    const { methods, clientClass: T } = (await loadModel(repo, entry)).client;
    const headings = [...text.matchAll(/^### `client\.(.+)\(\)`$/gm)].map((m) => m[1]);
    expect(headings.sort()).toEqual(methods.map((m) => [...m.resource, m.name].join(".")).sort());
    for (const m of methods) expect(text).toContain(`\`${m.method} ${m.path}\``);
    const blocks = [...text.matchAll(/```ts\n((?:const result = await|for await) [^\n]+)\n```/g)].map(
      (m) => m[1],
    );
    expect(blocks.length).toBeGreaterThan(0);
    const file = path.join(dir, `${id}.ts`);
    await writeFile(
      file,
      `import type { ${T} } from "../${id}/dist/index.js";\ndeclare const client: ${T};\n` +
        blocks.map((b, i) => `export async function example${i}() {\n  ${b}\n}\n`).join(""),
    );
    expect((await typeCheck([file])).errors).toEqual([]);
  });
});
